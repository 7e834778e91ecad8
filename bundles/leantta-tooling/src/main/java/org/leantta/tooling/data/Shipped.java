package org.leantta.tooling.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Locates the shipped reference model and data: system property {@code leantta.home}, else environment
 * variable {@code LEANTTA_HOME}, else the nearest parent of the working directory holding {@code models/}.
 */
public final class Shipped {
    public static final String MODEL = "models/fmnist-resnet8.onnx";
    public static final String LABELS = "models/fmnist-resnet8.labels";
    public static final String TEST_IMAGES = "models/fashion-mnist/t10k-images-idx3-ubyte.gz";
    public static final String TEST_LABELS = "models/fashion-mnist/t10k-labels-idx1-ubyte.gz";
    public static final String VAL_IMAGES = "models/fashion-mnist/val-images-idx3-ubyte.gz";
    public static final String VAL_LABELS = "models/fashion-mnist/val-labels-idx1-ubyte.gz";

    private Shipped() {
    }

    /** The project's home folder. */
    public static Path home() {
        String prop = System.getProperty("leantta.home", System.getenv("LEANTTA_HOME"));
        if (prop != null && !prop.isBlank()) {
            return Paths.get(prop).toAbsolutePath();
        }
        for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve(MODEL))) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find the shipped files (" + MODEL + "); set -Dleantta.home "
                + "or LEANTTA_HOME to the project folder");
    }

    /** A shipped file, by its path relative to the home folder. */
    public static Path file(String relative) {
        return home().resolve(relative);
    }

    /** The shipped test split. */
    public static ImageSet testSet() {
        return load(TEST_IMAGES, TEST_LABELS);
    }

    /** The shipped validation split (training images held out from training). */
    public static ImageSet validationSet() {
        return load(VAL_IMAGES, VAL_LABELS);
    }

    private static ImageSet load(String images, String labels) {
        try {
            return Idx.load(file(images), file(labels));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
