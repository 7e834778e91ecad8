package org.leantta.itests.conventions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leantta.itests.conventions.KuraConventions.METATYPE_DIR;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The built leantta-kura jar meets Kura's contract (DESIGN 6.1, 6.2, 6.4); each check also fails when it should. */
class KuraConventionsTest {
    static final String MODEL = "org.leantta.kura.model.LeanTtaModel";
    static final String BRIDGE = "org.leantta.kura.mqtt.MqttBridge";
    static final String FRONT = "org.leantta.kura.cloud.CloudFront";
    static final String ENGINE = "org.leantta.kura.ai.LeanTtaInferenceEngine";
    static final String WIRE = "org.leantta.kura.wire.LeanTtaWireComponent";
    static final Map<String, Set<String>> PASSWORDS = Map.of(
            BRIDGE, Set.of("password", "tls.truststore.password", "commands.token"),
            FRONT, Set.of("commands.token"));

    private static final String MODEL_METATYPE = METATYPE_DIR + MODEL + ".xml";
    private static final String BRIDGE_METATYPE = METATYPE_DIR + BRIDGE + ".xml";
    private static final String MODEL_DS = "OSGI-INF/" + MODEL + ".xml";
    private static final String BRIDGE_DS = "OSGI-INF/" + BRIDGE + ".xml";

    private static BundleJar built;

    @BeforeAll
    static void openTheBuiltBundle() {
        built = BundleJar.kuraBundle();
    }

    @Test
    void everyComponentHasMetatypeKuraFinds() {
        assertThat(KuraConventions.ocdsByPid(built)).containsOnlyKeys(MODEL, BRIDGE, FRONT, ENGINE, WIRE);
    }

    @Test
    void theModelAndTheWireComponentAreFactoriesTheOthersSingletons() {
        assertThat(KuraConventions.factoryPids(built)).containsExactlyInAnyOrder(MODEL, WIRE);
    }

    @Test
    void theWireComponentIsListedByWireComposerAndHiddenFromServices() {
        String ds = new String(built.bytes("OSGI-INF/" + WIRE + ".xml"), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(ds).contains("org.eclipse.kura.wire.WireEmitter", "org.eclipse.kura.wire.WireReceiver",
                "org.eclipse.kura.wire.WireComponent", "org.osgi.service.wireadmin.Producer",
                "org.osgi.service.wireadmin.Consumer")
                .containsPattern("name=\"kura.ui.service.hide\"[^>]*value=\"true\"")
                .containsPattern("name=\"service.pid\"[^>]*value=\"" + WIRE + "\"");
    }

    @Test
    void everyFrontChoosesItsModelWithPredictorTarget() {
        for (String front : List.of(BRIDGE, FRONT, WIRE)) {
            String ds = new String(built.bytes("OSGI-INF/" + front + ".xml"), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(ds).as(front).contains("<reference name=\"Predictor\"");
            assertThat(KuraConventions.ocdsByPid(built).get(front).ad("Predictor.target")).as(front).isPresent();
        }
    }

    @Test
    void metatypeFileNameIsOcdIdIsDesignatePid() {
        assertThat(KuraConventions.metatypeNaming(built)).isEmpty();
    }

    @Test
    void metatypeIsVersion12OrLaterWithUnprefixedElements() {
        assertThat(KuraConventions.metatypeNamespace(built)).isEmpty();
    }

    @Test
    void componentsAreRequiredConfigurationConfigurableComponentsNamedByPid() {
        assertThat(KuraConventions.components(built)).isEmpty();
    }

    @Test
    void kuraPackagesAreImportedWithRangesBelow2() {
        assertThat(built.header("Import-Package")).contains("org.eclipse.kura.configuration");
        assertThat(KuraConventions.kuraImports(built)).isEmpty();
    }

    @Test
    void importsOnlyWhatKuraProvidesAndOurApi() {
        System.out.println("[conventions] " + built.header("Bundle-SymbolicName") + " Import-Package: "
                + built.header("Import-Package"));
        assertThat(KuraConventions.allowedImports(built)).isEmpty();
    }

    @Test
    void kuraWireIsImportedAsItsMajorVersion2(@TempDir Path dir) throws Exception {
        BundleJar wire = BundleJar.read(built.withHeader("Import-Package",
                h -> h + ",org.eclipse.kura.wire;version=\"[2.0,3)\"").writeTo(dir.resolve("wire.jar")));
        assertThat(KuraConventions.kuraImports(wire)).isEmpty();
        assertThat(KuraConventions.allowedImports(wire)).isEmpty();
    }

    @Test
    void adTypesAreKuras() {
        assertThat(KuraConventions.adTypes(built)).isEmpty();
    }

    @Test
    void everySecretIsAPasswordAd() {
        assertThat(KuraConventions.passwords(built, PASSWORDS)).isEmpty();
    }

    @Test
    void everyRequiredAdHasAValidDefault() {
        assertThat(KuraConventions.adDefaults(built)).isEmpty();
    }

    @Test
    void anUntouchedCopyPassesEveryCheck(@TempDir Path dir) throws Exception {
        BundleJar copy = BundleJar.read(built.writeTo(dir.resolve("copy.jar")));

        assertThat(Stream.of(KuraConventions.metatypeNaming(copy), KuraConventions.metatypeNamespace(copy),
                KuraConventions.components(copy), KuraConventions.kuraImports(copy),
                KuraConventions.allowedImports(copy), KuraConventions.adTypes(copy),
                KuraConventions.passwords(copy, PASSWORDS), KuraConventions.adDefaults(copy)).flatMap(List::stream))
                .isEmpty();
    }

    record Tampering(String what, UnaryOperator<BundleJar> change, Function<BundleJar, List<String>> check,
            String expected) {
        @Override
        public String toString() {
            return what;
        }
    }

    static Stream<Tampering> tamperings() {
        Function<BundleJar, List<String>> naming = KuraConventions::metatypeNaming;
        Function<BundleJar, List<String>> namespace = KuraConventions::metatypeNamespace;
        Function<BundleJar, List<String>> components = KuraConventions::components;
        Function<BundleJar, List<String>> imports = KuraConventions::kuraImports;
        Function<BundleJar, List<String>> defaults = KuraConventions::adDefaults;
        Function<BundleJar, List<String>> allowed = KuraConventions::allowedImports;
        return Stream.of(
                new Tampering("metatype file not named after the pid",
                        j -> j.withRenamed(MODEL_METATYPE, METATYPE_DIR + "LeanTtaModel.xml"), naming,
                        "OCD id '" + MODEL + "' differs from the file name"),
                new Tampering("factoryPid differs", j -> j.withText(METATYPE_DIR + WIRE + ".xml",
                        s -> s.replace("factoryPid=\"" + WIRE, "factoryPid=\"w")), naming, "Designate factoryPid 'w'"),
                new Tampering("Designate pid differs",
                        j -> j.withText(BRIDGE_METATYPE, s -> s.replace("<Designate pid=\"" + BRIDGE, "<Designate pid=\"b")),
                        naming, "Designate pid 'b'"),
                new Tampering("prefixed OCD", j -> j.withText(MODEL_METATYPE,
                        s -> s.replace("<OCD ", "<metatype:OCD ").replace("</OCD>", "</metatype:OCD>")), namespace,
                        "<metatype:OCD> is prefixed"),
                new Tampering("prefixed OCD, as Kura reads it", j -> j.withText(MODEL_METATYPE,
                        s -> s.replace("<OCD ", "<metatype:OCD ").replace("</OCD>", "</metatype:OCD>")), naming,
                        "Kura reads 0 <OCD>"),
                new Tampering("metatype 1.1.0", j -> j.withText(MODEL_METATYPE,
                        s -> s.replace("metatype/v1.2.0", "metatype/v1.1.0")), namespace, "expected MetaData in"),
                new Tampering("unknown AD type", j -> j.withText(MODEL_METATYPE,
                        s -> s.replace("id=\"threads\" type=\"Integer\"", "id=\"threads\" type=\"Int\"")),
                        KuraConventions::adTypes, "type 'Int' is not one of Kura's"),
                new Tampering("password typed String", j -> j.withText(BRIDGE_METATYPE,
                        s -> s.replace("id=\"password\" type=\"Password\"", "id=\"password\" type=\"String\"")),
                        jar -> KuraConventions.passwords(jar, PASSWORDS), "AD 'password': type String, expected Password"),
                new Tampering("required AD without default", j -> j.withText(MODEL_METATYPE,
                        s -> s.replaceFirst("(<AD id=\"tau\"[^>]*?) default=\"[^\"]*\"", "$1")), defaults,
                        "AD 'tau': no default, but required"),
                new Tampering("default above max", j -> j.withText(MODEL_METATYPE,
                        s -> s.replaceFirst("(<AD id=\"tau\"[^>]*?) default=\"[^\"]*\"", "$1 default=\"1.5\"")),
                        defaults, "AD 'tau': default '1.5' is above the AD's max 1"),
                new Tampering("comma in a single default", j -> j.withText(MODEL_METATYPE,
                        s -> s.replaceFirst("(<AD id=\"adapted.layers\"[^>]*?) default=\"[^\"]*\"", "$1 default=\"0,1,2\"")),
                        defaults, "AD 'adapted.layers': default '0,1,2' has a comma"),
                new Tampering("configuration-policy optional", j -> j.withText(MODEL_DS,
                        s -> s.replace("configuration-policy=\"require\"", "configuration-policy=\"optional\"")),
                        components, "configuration-policy 'optional'"),
                new Tampering("ConfigurableComponent not provided", j -> j.withText(BRIDGE_DS,
                        s -> s.replace("<provide interface=\"" + KuraConventions.CONFIGURABLE_COMPONENT + "\"/>", "")),
                        components, "does not provide " + KuraConventions.CONFIGURABLE_COMPONENT),
                new Tampering("implementation class differs from the name", j -> j.withText(BRIDGE_DS,
                        s -> s.replace("class=\"" + BRIDGE + "\"", "class=\"" + BRIDGE + "Impl\"")), components,
                        "implementation class '" + BRIDGE + "Impl' differs"),
                new Tampering("component name differs from the pid", j -> j.withText(MODEL_DS,
                        s -> s.replace("name=\"" + MODEL + "\"", "name=\"leantta.model\"")), components,
                        "component 'leantta.model': no metatype"),
                new Tampering("Kura import up to 3", j -> j.withHeader("Import-Package",
                        h -> h.replace("org.eclipse.kura.configuration;version=\"[1.2,2)\"",
                                "org.eclipse.kura.configuration;version=\"[1.2,3)\"")), imports, "admits versions up to 3"),
                new Tampering("Kura import up to 2 inclusive", j -> j.withHeader("Import-Package",
                        h -> h.replace("org.eclipse.kura.crypto;version=\"[1.0,2)\"",
                                "org.eclipse.kura.crypto;version=\"[1.0,2.0.0]\"")), imports, "admits 2.0.0"),
                new Tampering("Kura import without upper bound", j -> j.withHeader("Import-Package",
                        h -> h.replace("org.eclipse.kura;version=\"[1.0,2)\"", "org.eclipse.kura;version=\"1.0\"")),
                        imports, "Import-Package org.eclipse.kura: version \"1.0\" has no upper bound"),
                new Tampering("Kura import without version", j -> j.withHeader("Import-Package",
                        h -> h.replace("org.eclipse.kura.crypto;version=\"[1.0,2)\"", "org.eclipse.kura.crypto")),
                        imports, "Import-Package org.eclipse.kura.crypto: no version"),
                new Tampering("Kura wire import up to 4", j -> j.withHeader("Import-Package",
                        h -> h + ",org.eclipse.kura.wire;version=\"[2.0,4)\""), imports, "admits versions up to 4"),
                new Tampering("Paho imported", j -> j.withHeader("Import-Package",
                        h -> h + ",org.eclipse.paho.client.mqttv3;version=\"[1.2,2)\""), allowed,
                        "org.eclipse.paho.client.mqttv3: not provided by Kura"),
                new Tampering("ONNX Runtime imported", j -> j.withHeader("Import-Package",
                        h -> h + ",ai.onnxruntime;version=\"[1.29,2)\""), allowed, "ai.onnxruntime: not provided"),
                new Tampering("protobuf imported", j -> j.withHeader("Import-Package",
                        h -> h + ",com.google.protobuf"), allowed, "com.google.protobuf: not provided"),
                new Tampering("core imported", j -> j.withHeader("Import-Package",
                        h -> h + ",org.leantta.core;version=\"[0.1,1)\""), allowed, "org.leantta.core: not provided"),
                new Tampering("sun.misc required", j -> j.withHeader("Import-Package",
                        h -> h.replace("sun.misc;resolution:=optional", "sun.misc")), allowed, "a JDK internal"),
                new Tampering("slf4j below 2 only", j -> j.withHeader("Import-Package",
                        h -> h + ",org.slf4j;version=\"[1.7,2)\""), allowed, "expected [1.7,3)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tamperings")
    void eachCheckCatchesATamperedCopy(Tampering t, @TempDir Path dir) throws Exception {
        BundleJar tampered = BundleJar.read(t.change().apply(built).writeTo(dir.resolve("tampered.jar")));

        assertThat(t.check().apply(tampered)).anySatisfy(v -> assertThat(v).contains(t.expected()));
    }
}
