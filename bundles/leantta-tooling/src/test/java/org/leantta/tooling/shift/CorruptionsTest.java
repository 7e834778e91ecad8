package org.leantta.tooling.shift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CorruptionsTest {

    @Test
    void registryHasAtLeastFifteenUniqueKebabCaseCorruptionsCoveringAllFamilies() {
        List<Corruption> all = Corruptions.all();
        assertThat(all).hasSizeGreaterThanOrEqualTo(15);
        Set<String> names = new HashSet<>();
        Set<Family> families = EnumSet.noneOf(Family.class);
        for (Corruption c : all) {
            assertThat(c.name()).matches("[a-z]+(-[a-z]+)*");
            assertThat(names.add(c.name())).as("duplicate %s", c.name()).isTrue();
            families.add(c.family());
        }
        assertThat(families).containsExactlyInAnyOrder(Family.values());
        assertThat(names).contains("gaussian-noise", "shot-noise", "impulse-noise", "speckle-noise",
                "gaussian-blur", "defocus-blur", "motion-blur", "contrast", "brightness", "pixelate", "jpeg", "fog",
                "gain-offset", "dead-pixels");
    }

    @Test
    void allIsFixedOrderGroupedByFamily() {
        List<Corruption> all = Corruptions.all();
        assertThat(all).isSameAs(Corruptions.all());
        for (int i = 1; i < all.size(); i++) {
            assertThat(all.get(i).family().ordinal()).isGreaterThanOrEqualTo(all.get(i - 1).family().ordinal());
        }
        assertThat(all.get(0).name()).isEqualTo("gaussian-noise");
    }

    @Test
    void byNameFindsEveryCorruptionAndTrimsAndIgnoresCase() {
        for (Corruption c : Corruptions.all()) {
            assertThat(Corruptions.byName(c.name())).isSameAs(c);
        }
        assertThat(Corruptions.byName(" Gaussian-Noise ").name()).isEqualTo("gaussian-noise");
    }

    @Test
    void byNameErrorListsValidNames() {
        assertThatThrownBy(() -> Corruptions.byName("rain"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown shift 'rain'; expected one of: gaussian-noise, shot-noise")
                .hasMessageContaining("fog")
                .hasMessageContaining("dead-pixels");
    }

    @Test
    void parseAllNoneAndFamily() {
        assertThat(Corruptions.parse("all")).isEqualTo(Corruptions.all());
        assertThat(Corruptions.parse(" none ")).isEmpty();
        assertThat(Corruptions.parse("noise")).extracting(Corruption::name)
                .containsExactly("gaussian-noise", "shot-noise", "impulse-noise", "speckle-noise");
        assertThat(Corruptions.parse("SENSOR")).allMatch(c -> c.family() == Family.SENSOR).isNotEmpty();
    }

    @Test
    void parseCommaListTrimsDedupsAndKeepsFirstMentionOrder() {
        List<Corruption> parsed = Corruptions.parse(" fog , gaussian-noise,blur, fog,motion-blur ,none");
        assertThat(parsed).extracting(Corruption::name)
                .containsExactly("fog", "gaussian-noise", "gaussian-blur", "defocus-blur", "motion-blur");
    }

    @Test
    void parseErrorsListValidNamesAndFamilies() {
        assertThatThrownBy(() -> Corruptions.parse("noise,glass-blur"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown shift 'glass-blur'; expected one of: all, none, noise, blur,")
                .hasMessageContaining("weather")
                .hasMessageContaining("jpeg");
        assertThatThrownBy(() -> Corruptions.parse(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gaussian-noise");
        assertThatThrownBy(() -> Corruptions.parse("noise,,blur")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rngForIsDeterministicAndDependsOnEveryKeyPart() {
        Corruption fog = Corruptions.byName("fog");
        Corruption snow = Corruptions.byName("snow");
        long base = Corruptions.rngFor(1, 2, fog, 3).nextLong();
        assertThat(Corruptions.rngFor(1, 2, fog, 3).nextLong()).isEqualTo(base);
        assertThat(Set.of(base, Corruptions.rngFor(2, 2, fog, 3).nextLong(),
                Corruptions.rngFor(1, 3, fog, 3).nextLong(), Corruptions.rngFor(1, 2, snow, 3).nextLong(),
                Corruptions.rngFor(1, 2, fog, 4).nextLong())).hasSize(5);
    }

    @Test
    void rngForIsWellMixedAcrossNeighbouringSamples() {
        Corruption c = Corruptions.byName("gaussian-noise");
        int ones = 0;
        int n = 4000;
        for (int i = 0; i < n; i++) {
            ones += Long.bitCount(Corruptions.rngFor(0, i, c, 1).nextLong());
        }
        // adjacent keys must still give unbiased bits: expected 32 set bits per long
        assertThat((double) ones / n).isBetween(31.5, 32.5);
    }

    @Test
    void applyUsesRngFor() {
        Corruption c = Corruptions.byName("impulse-noise");
        float[] img = TestImages.rectOnGradient();
        float[] expected = c.apply(img, 1, 28, 28, 4, Corruptions.rngFor(9, 17, c, 4));
        assertThat(Corruptions.apply(c, img, 1, 28, 28, 4, 9, 17)).containsExactly(expected);
    }

    @Test
    void ofFamilyPartitionsAll() {
        int total = 0;
        for (Family f : Family.values()) {
            List<Corruption> members = Corruptions.ofFamily(f);
            assertThat(members).isNotEmpty().allMatch(c -> c.family() == f);
            total += members.size();
        }
        assertThat(total).isEqualTo(Corruptions.all().size());
    }
}
