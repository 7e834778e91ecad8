package org.leantta.kura.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.leantta.core.Sha256;

/** A model's bytes, its identity and its labels, from a file or the built-in reference model. */
record ModelFile(String id, byte[] bytes, String sha256, List<String> labels) {
    static final String BUILT_IN = "model/fmnist-resnet8-int8.onnx";
    static final String BUILT_IN_LABELS = "model/fmnist-resnet8-int8.labels";

    /** Loads and checks the configured model; throws with what to fix. */
    static ModelFile load(ModelSettings s) throws IOException {
        byte[] bytes;
        List<String> labels;
        String id;
        if (s.modelPath().isEmpty()) {
            bytes = resource(BUILT_IN);
            labels = lines(new String(resource(BUILT_IN_LABELS), java.nio.charset.StandardCharsets.UTF_8));
            id = "builtin:" + BUILT_IN.substring(BUILT_IN.lastIndexOf('/') + 1);
        } else {
            Path path = Path.of(s.modelPath());
            try {
                bytes = Files.readAllBytes(path);
            } catch (NoSuchFileException e) {
                throw new IllegalArgumentException("model.path: no such file " + path.toAbsolutePath());
            }
            Path labelFile = path.resolveSibling(stem(path.getFileName().toString()) + ".labels");
            labels = Files.isRegularFile(labelFile) ? lines(Files.readString(labelFile)) : List.of();
            id = path.getFileName().toString();
        }
        String sha = Sha256.of(bytes);
        if (!s.sha256().isEmpty() && !s.sha256().equals(sha)) {
            throw new IllegalArgumentException("model.sha256: the model " + id + " has SHA-256 " + sha
                    + ", the configuration expects " + s.sha256());
        }
        return new ModelFile(id, bytes, sha, s.labels().isEmpty() ? labels : s.labels());
    }

    private static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static List<String> lines(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ModelFile.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("built-in resource " + name + " is missing from the bundle");
            }
            return in.readAllBytes();
        }
    }
}
