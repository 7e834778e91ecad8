package org.leantta.itests.conventions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leantta.itests.conventions.KuraConventionsTest.BRIDGE;
import static org.leantta.itests.conventions.KuraConventionsTest.ENGINE;
import static org.leantta.itests.conventions.KuraConventionsTest.FRONT;
import static org.leantta.itests.conventions.KuraConventionsTest.MODEL;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.leantta.itests.conventions.Metatype.Ocd;
import org.leantta.itests.conventions.Snapshot.Configuration;
import org.leantta.itests.conventions.Snapshot.Property;

/** kura-config/leantta-snapshot.xml, read as Kura reads it, fits the metatype of the built bundle. */
class SnapshotTest {
    private static final String MODEL_INSTANCE = "leantta-model";
    private static final java.util.Set<String> FACTORIES = java.util.Set.of(MODEL, KuraConventionsTest.WIRE);
    private static Path snapshot;
    private static Map<String, Ocd> ocds;

    @BeforeAll
    static void readTheBuiltMetatype() {
        snapshot = Path.of(BundleJar.requiredProperty("leantta.home"), "kura-config", "leantta-snapshot.xml");
        ocds = KuraConventions.ocdsByPid(BundleJar.kuraBundle());
    }

    @Test
    void fitsTheMetatypeOfTheBuiltBundle() throws Exception {
        assertThat(Snapshot.read(snapshot).violations(ocds, FACTORIES)).isEmpty();
    }

    @Test
    void theTwoModelsSnapshotFitsTooWithEachFrontOnItsModel() throws Exception {
        Path two = snapshot.resolveSibling("leantta-two-models-snapshot.xml");
        Snapshot s = Snapshot.read(two);

        assertThat(s.violations(ocds, FACTORIES)).isEmpty();
        assertThat(s.configurations()).filteredOn(c -> MODEL.equals(Snapshot.factoryPid(c)))
                .extracting(Configuration::pid).containsExactly("model-a", "model-b");
        assertThat(targets(s)).containsEntry(BRIDGE, "(kura.service.pid=model-a)")
                .containsEntry(FRONT, "(kura.service.pid=model-b)");
    }

    private static Map<String, String> targets(Snapshot s) {
        return s.configurations().stream().filter(c -> c.properties().stream()
                        .anyMatch(p -> p.name().equals("Predictor.target")))
                .collect(Collectors.toMap(Configuration::pid, c -> c.properties().stream()
                        .filter(p -> p.name().equals("Predictor.target")).findFirst().orElseThrow().values().get(0)));
    }

    @Test
    void configuresEveryComponentReadyToRun() throws Exception {
        Map<String, Map<String, Property>> s = Snapshot.read(snapshot).configurations().stream().collect(
                Collectors.toMap(Configuration::pid, c -> c.properties().stream()
                        .collect(Collectors.toMap(Property::name, p -> p))));

        assertThat(s).containsOnlyKeys(MODEL_INSTANCE, BRIDGE, FRONT, ENGINE);
        assertThat(s.get(MODEL_INSTANCE).get("service.factoryPid").values()).containsExactly(MODEL);
        assertThat(s.get(BRIDGE).get("Predictor.target").values()).containsExactly("(kura.service.pid=leantta-model)");
        assertThat(s.get(FRONT).get("CloudPublisher.target").values()).containsExactly("(kura.service.pid=changeme)");
        assertThat(s.get(MODEL_INSTANCE).get("model.path").values()).containsExactly(""); // the built-in model
        assertThat(s.get(BRIDGE).get("broker.url").values()).containsExactly("tcp://localhost:1883");
        assertThat(s.get(BRIDGE).get("device.id").values()).containsExactly("gateway-1");
        assertThat(s.get(BRIDGE).get("qos").values()).containsExactly("1");
        KuraConventionsTest.PASSWORDS.forEach((pid, secrets) -> secrets.forEach(secret -> {
            Property p = s.get(pid).get(secret);
            assertThat(p).as(pid + " " + secret).isNotNull();
            assertThat(p.values()).as(secret).containsExactly("");
            assertThat(p.encrypted()).as(secret).isEqualTo("true");
        }));
    }

    record Tampering(String what, UnaryOperator<String> change, String expected) {
        @Override
        public String toString() {
            return what;
        }
    }

    static Stream<Tampering> tamperings() {
        return Stream.of(
                new Tampering("QoS not among the options", value("qos", "3"), "qos': '3' is not one of the AD's options"),
                new Tampering("tau above max", value("tau", "1.5"), "tau': '1.5' is above the AD's max 1"),
                new Tampering("threads below min", value("threads", "0"), "threads': '0' is below the AD's min 1"),
                new Tampering("not a number", value("queue.size", "many"), "'many' is not a valid Integer"),
                new Tampering("not a boolean", value("adaptation.enabled", "yes"), "'yes' is not a valid Boolean"),
                new Tampering("rule not among the options", value("rule", "papers"), "'papers' is not one of"),
                new Tampering("required value empty", value("device.id", ""), "device.id': empty value, but the AD is required"),
                new Tampering("AD missing", s -> s.replaceFirst("(?s)\\s*<esf:property name=\"tls\\.enabled\".*?</esf:property>", ""),
                        "AD 'tls.enabled' is missing"),
                new Tampering("unknown property", s -> s.replaceFirst("<esf:properties>", "<esf:properties>"
                        + "<esf:property name=\"model.url\" array=\"false\" encrypted=\"false\" type=\"String\">"
                        + "<esf:value>x</esf:value></esf:property>"), "'model.url': no such AD"),
                new Tampering("wrong type", attribute("queue.size", "type", "Long"), "type 'Long', the AD's is 'Integer'"),
                new Tampering("array flag", attribute("broker.url", "array", "true"), "array=\"true\", expected \"false\""),
                new Tampering("password not encrypted", attribute("password", "encrypted", "false"),
                        "'password': encrypted=\"false\", Kura writes \"true\""),
                new Tampering("two values", s -> s.replace("<esf:value>code</esf:value>",
                        "<esf:value>code</esf:value><esf:value>paper</esf:value>"), "'rule': 2 values"),
                new Tampering("unknown pid", s -> s.replace("pid=\"" + BRIDGE + "\"", "pid=\"org.leantta.kura.Bridge\""),
                        "pid 'org.leantta.kura.Bridge' has no metatype"),
                new Tampering("unknown factory", s -> s.replace("<esf:value>" + MODEL + "</esf:value>",
                        "<esf:value>org.leantta.kura.Model</esf:value>"), "pid 'org.leantta.kura.Model' has no metatype"),
                // the same namespace under another prefix: equivalent XML, but Kura matches "esf:" literally
                new Tampering("prefix other than esf:", s -> s.replace("esf:", "kura:").replace("xmlns:esf=", "xmlns:kura="),
                        "no <esf:configuration>"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tamperings")
    void catchesATamperedCopy(Tampering t, @TempDir Path dir) throws Exception {
        String original = Files.readString(snapshot, StandardCharsets.UTF_8);
        String changed = t.change().apply(original);
        assertThat(changed).as("the tampering applies").isNotEqualTo(original);
        Path copy = Files.writeString(dir.resolve("snapshot.xml"), changed, StandardCharsets.UTF_8);

        assertThat(Snapshot.read(copy).violations(ocds, FACTORIES)).anySatisfy(v -> assertThat(v).contains(t.expected()));
    }

    /** Sets the single value of a property. */
    private static UnaryOperator<String> value(String name, String value) {
        Pattern p = Pattern.compile("(name=\"" + Pattern.quote(name) + "\"[^>]*>\\s*<esf:value>)[^<]*(</esf:value>)");
        return s -> p.matcher(s).replaceFirst("$1" + Matcher.quoteReplacement(value) + "$2");
    }

    private static UnaryOperator<String> attribute(String name, String attribute, String value) {
        Pattern p = Pattern.compile("(<esf:property name=\"" + Pattern.quote(name) + "\"[^>]*\\b" + attribute + "=\")[^\"]*");
        return s -> p.matcher(s).replaceFirst("$1" + Matcher.quoteReplacement(value));
    }
}
