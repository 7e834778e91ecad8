package org.leantta.kura.model;

import org.leantta.kura.Configs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leantta.core.Sha256;

/** Loading a model file: identity, checksum and labels (the bytes need not be a model here). */
class ModelFileTest {
    private static final byte[] BYTES = "not really onnx".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    @Test
    void aFileIsIdentifiedByNameAndChecksumAndTakesTheLabelsNextToIt() throws Exception {
        Path model = givenFile("m.onnx", BYTES);
        givenFile("m.labels", "cat\n\n  dog \nbird\n".getBytes(StandardCharsets.UTF_8));

        ModelFile f = ModelFile.load(settings(Map.of("model.path", model.toString())));

        assertThat(f.id()).isEqualTo("m.onnx");
        assertThat(f.bytes()).isEqualTo(BYTES);
        assertThat(f.sha256()).isEqualTo(Sha256.of(BYTES)).hasSize(64);
        assertThat(f.labels()).containsExactly("cat", "dog", "bird");
    }

    @Test
    void configuredLabelsWin() throws Exception {
        Path model = givenFile("m.onnx", BYTES);
        givenFile("m.labels", "cat\ndog\n".getBytes(StandardCharsets.UTF_8));

        assertThat(ModelFile.load(settings(Map.of("model.path", model.toString(), "labels", "x,y"))).labels())
                .containsExactly("x", "y");
    }

    @Test
    void aMissingFileIsRefusedWithItsPath() {
        Path missing = dir.resolve("nope.onnx");

        assertThatThrownBy(() -> ModelFile.load(settings(Map.of("model.path", missing.toString()))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("model.path: no such file " + missing.toAbsolutePath());
    }

    @Test
    void aChecksumMismatchIsRefusedShowingBoth() throws Exception {
        Path model = givenFile("m.onnx", BYTES);
        String expected = "0".repeat(64);

        assertThatThrownBy(() -> ModelFile.load(settings(Map.of("model.path", model.toString(),
                "model.sha256", expected))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("model.sha256: the model m.onnx has SHA-256 " + Sha256.of(BYTES)
                        + ", the configuration expects " + expected);
    }

    @Test
    void aMatchingChecksumIsAccepted() throws Exception {
        Path model = givenFile("m.onnx", BYTES);

        assertThat(ModelFile.load(settings(Map.of("model.path", model.toString(),
                "model.sha256", Sha256.of(BYTES).toUpperCase()))).id()).isEqualTo("m.onnx");
    }

    @Test
    void sha256OfTheEmptyInputIsTheKnownValue() {
        assertThat(Sha256.of(new byte[0]))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    private Path givenFile(String name, byte[] content) throws Exception {
        return Files.write(dir.resolve(name), content);
    }

    private static ModelSettings settings(Map<String, Object> overrides) {
        return ModelSettings.from(Configs.of(LeanTtaModelConfig.class, new HashMap<>(overrides)));
    }
}
