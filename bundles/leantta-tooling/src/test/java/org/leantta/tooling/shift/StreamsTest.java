package org.leantta.tooling.shift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class StreamsTest {

    private static final List<Corruption> THREE = Corruptions.parse("fog,gaussian-noise,pixelate");

    private static Set<Integer> indices(List<StreamItem> items) {
        return items.stream().map(StreamItem::sampleIndex).collect(Collectors.toSet());
    }

    @Test
    void persistentIsOneBlockPerShiftInOrderAtFixedSeverityWithoutRepeats() {
        List<StreamItem> s = Streams.persistent(1000, THREE, 4, 300, 7);
        assertThat(s).hasSize(900);
        for (int b = 0; b < 3; b++) {
            List<StreamItem> block = s.subList(b * 300, (b + 1) * 300);
            assertThat(block).allMatch(i -> i.severity() == 4);
            assertThat(block).extracting(StreamItem::corruption).containsOnly(THREE.get(b));
            assertThat(indices(block)).hasSize(300).allMatch(i -> i >= 0 && i < 1000);
        }
    }

    @Test
    void persistentCyclesThroughASmallDatasetAndStillAvoidsRepeatsWithinBlocks() {
        List<StreamItem> s = Streams.persistent(10, THREE, 2, 7, 1);
        assertThat(s).hasSize(21);
        for (int b = 0; b < 3; b++) {
            assertThat(indices(s.subList(b * 7, (b + 1) * 7))).hasSize(7);
        }
        List<StreamItem> longBlock = Streams.persistent(10, List.of(THREE.get(0)), 2, 25, 1);
        assertThat(longBlock).hasSize(25);
        assertThat(indices(longBlock.subList(0, 10))).hasSize(10);
        assertThat(indices(longBlock)).hasSize(10);
    }

    @Test
    void persistentUsesAShuffledOrderThatDependsOnTheSeed() {
        List<StreamItem> a = Streams.persistent(500, THREE, 3, 100, 1);
        List<StreamItem> b = Streams.persistent(500, THREE, 3, 100, 2);
        assertThat(a).isEqualTo(Streams.persistent(500, THREE, 3, 100, 1)).isNotEqualTo(b);
        List<Integer> first = a.subList(0, 100).stream().map(StreamItem::sampleIndex).toList();
        assertThat(first).isNotEqualTo(first.stream().sorted().toList());
    }

    @Test
    void gradualRampsSeverityUpAndDownForEveryShift() {
        List<StreamItem> s = Streams.gradual(1000, THREE, 90, 3);
        assertThat(s).hasSize(3 * 90);
        List<Integer> expected = new ArrayList<>();
        for (int sev : new int[] {1, 2, 3, 4, 5, 4, 3, 2, 1}) {
            for (int i = 0; i < 10; i++) {
                expected.add(sev);
            }
        }
        for (int b = 0; b < 3; b++) {
            List<StreamItem> block = s.subList(b * 90, (b + 1) * 90);
            assertThat(block).extracting(StreamItem::severity).containsExactlyElementsOf(expected);
            assertThat(block).extracting(StreamItem::corruption).containsOnly(THREE.get(b));
            assertThat(indices(block)).hasSize(90);
        }
    }

    @Test
    void gradualUsesAtLeastOneItemPerLevel() {
        assertThat(Streams.gradual(100, THREE, 4, 3)).hasSize(27)
                .extracting(StreamItem::severity).startsWith(1, 2, 3, 4, 5, 4, 3, 2, 1, 1);
        assertThat(Streams.gradual(100, THREE, 20, 3)).hasSize(3 * 18);
    }

    @Test
    void mixedCoversAllShiftsAndOnlyTheGivenSeverities() {
        List<Corruption> all = Corruptions.all();
        List<StreamItem> s = Streams.mixed(10000, all, new int[] {2, 5}, 2000, 9);
        assertThat(s).hasSize(2000);
        assertThat(s).extracting(StreamItem::corruption).containsOnlyElementsOf(all)
                .containsAll(all);
        assertThat(s).extracting(StreamItem::severity).containsOnly(2, 5).contains(2, 5);
        assertThat(indices(s)).hasSize(2000);
        // not blocked: the shift changes frequently
        long switches = 0;
        for (int i = 1; i < s.size(); i++) {
            switches += s.get(i).corruption() != s.get(i - 1).corruption() ? 1 : 0;
        }
        assertThat(switches).isGreaterThan(1500);
    }

    @Test
    void mixedRejectsEmptyChoices() {
        assertThatThrownBy(() -> Streams.mixed(10, List.of(), new int[] {1}, 5, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shift");
        assertThatThrownBy(() -> Streams.mixed(10, THREE, new int[0], 5, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("severity");
        assertThatThrownBy(() -> Streams.mixed(10, THREE, new int[] {6}, 5, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cleanStreamHasOnlyCleanItemsCoveringTheDataset() {
        List<StreamItem> s = Streams.clean(50, 120, 4);
        assertThat(s).hasSize(120).allMatch(StreamItem::isClean).allMatch(i -> i.severity() == 0);
        assertThat(indices(s.subList(0, 50))).hasSize(50);
        assertThat(s.get(0).shiftName()).isEqualTo("clean");
    }

    @Test
    void argumentsAreValidated() {
        assertThatThrownBy(() -> Streams.persistent(0, THREE, 1, 5, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("datasetSize");
        assertThatThrownBy(() -> Streams.persistent(10, THREE, 0, 5, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("severity");
        assertThatThrownBy(() -> Streams.gradual(10, THREE, 0, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("blockLength");
        assertThatThrownBy(() -> Streams.clean(10, -1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void kindParsingAcceptsTheFourNamesAndListsThemOnError() {
        assertThat(Streams.parse("persistent")).isEqualTo(Streams.Kind.PERSISTENT);
        assertThat(Streams.parse(" Gradual ")).isEqualTo(Streams.Kind.GRADUAL);
        assertThat(Streams.Kind.parse("mixed")).isEqualTo(Streams.Kind.MIXED);
        assertThat(Streams.Kind.parse("clean")).isEqualTo(Streams.Kind.CLEAN);
        assertThatThrownBy(() -> Streams.parse("random"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown stream 'random'; expected one of: persistent, gradual, mixed, clean");
    }

    @Test
    void ofBuildsComparableStreams() {
        assertThat(Streams.of(Streams.Kind.PERSISTENT, 100, THREE, 5, 30, 1))
                .isEqualTo(Streams.persistent(100, THREE, 5, 30, 1));
        assertThat(Streams.of(Streams.Kind.GRADUAL, 100, THREE, 5, 27, 1)).hasSize(81);
        assertThat(Streams.of(Streams.Kind.MIXED, 100, THREE, 5, 30, 1)).hasSize(90)
                .allMatch(i -> i.severity() == 5);
        assertThat(Streams.of(Streams.Kind.CLEAN, 100, List.of(), 5, 30, 1)).hasSize(30)
                .allMatch(StreamItem::isClean);
    }

    @Test
    void streamItemValidatesAndAppliesItsShift() {
        assertThatThrownBy(() -> new StreamItem(-1, null, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StreamItem(0, null, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StreamItem(0, THREE.get(0), 0)).isInstanceOf(IllegalArgumentException.class);
        float[] img = TestImages.rectOnGradient();
        StreamItem clean = StreamItem.clean(4);
        assertThat(clean.apply(img, 1, 28, 28, 0)).containsExactly(img).isNotSameAs(img);
        StreamItem fog = new StreamItem(4, THREE.get(0), 3);
        assertThat(fog.apply(img, 1, 28, 28, 8))
                .containsExactly(Corruptions.apply(THREE.get(0), img, 1, 28, 28, 3, 8, 4));
        assertThat(fog.toString()).isEqualTo("#4 fog@3");
    }
}
