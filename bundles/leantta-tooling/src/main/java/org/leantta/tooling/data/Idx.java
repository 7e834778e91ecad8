package org.leantta.tooling.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Reads and writes IDX files (the MNIST / Fashion-MNIST format), gzipped or not.
 *
 * <p>Images: magic 0x00000803 (unsigned bytes, 3 dimensions: count, rows, cols) or 0x00000804 with
 * dimensions count, channels, rows, cols. Labels: magic 0x00000801.
 */
public final class Idx {
    private static final int UBYTE = 0x08;

    private Idx() {
    }

    /** Loads an image file and, if {@code labelFile} is not null, its labels. */
    public static ImageSet load(Path imageFile, Path labelFile) throws IOException {
        int[] labels = labelFile == null ? null : readLabels(labelFile);
        try (DataInputStream in = open(imageFile)) {
            int[] dims = header(in, imageFile, 3, 4);
            int count = dims[0];
            int channels = dims.length == 4 ? dims[1] : 1;
            int height = dims[dims.length - 2];
            int width = dims[dims.length - 1];
            byte[] pixels = new byte[Math.multiplyExact(Math.multiplyExact(count, channels), height * width)];
            readFully(in, pixels, imageFile);
            if (labels != null && labels.length != count) {
                throw new IOException(labelFile + " has " + labels.length + " labels but " + imageFile
                        + " has " + count + " images");
            }
            return new ImageSet(count, channels, height, width, pixels, labels);
        }
    }

    /** Reads a label file (magic 0x00000801). */
    public static int[] readLabels(Path file) throws IOException {
        try (DataInputStream in = open(file)) {
            int[] dims = header(in, file, 1, 1);
            byte[] raw = new byte[dims[0]];
            readFully(in, raw, file);
            int[] labels = new int[raw.length];
            for (int i = 0; i < raw.length; i++) {
                labels[i] = raw[i] & 0xFF;
            }
            return labels;
        }
    }

    /** Writes images (and labels, if present) as gzipped IDX files; values are floats in [0, 1]. */
    public static void write(Path imageFile, Path labelFile, int channels, int height, int width,
                             float[][] images, int[] labels) throws IOException {
        try (DataOutputStream out = create(imageFile)) {
            out.writeInt(channels == 1 ? 0x00000803 : 0x00000804);
            out.writeInt(images.length);
            if (channels != 1) {
                out.writeInt(channels);
            }
            out.writeInt(height);
            out.writeInt(width);
            for (float[] image : images) {
                for (float v : image) {
                    out.writeByte(Math.round(Math.max(0f, Math.min(1f, v)) * 255f));
                }
            }
        }
        if (labelFile != null) {
            try (DataOutputStream out = create(labelFile)) {
                out.writeInt(0x00000801);
                out.writeInt(labels.length);
                for (int label : labels) {
                    out.writeByte(label);
                }
            }
        }
    }

    private static DataOutputStream create(Path file) throws IOException {
        OutputStream raw = Files.newOutputStream(file);
        return new DataOutputStream(file.toString().endsWith(".gz") ? new GZIPOutputStream(raw) : raw);
    }

    private static DataInputStream open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such IDX file");
        }
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        boolean gzip = b1 == 0x1f && b2 == 0x8b;
        return new DataInputStream(gzip ? new BufferedInputStream(new GZIPInputStream(in, 1 << 16)) : in);
    }

    private static int[] header(DataInputStream in, Path file, int minDims, int maxDims) throws IOException {
        int magic = in.readInt();
        int type = (magic >>> 8) & 0xFF;
        int ndims = magic & 0xFF;
        if ((magic >>> 16) != 0 || type != UBYTE || ndims < minDims || ndims > maxDims) {
            throw new IOException(String.format("%s is not an unsigned-byte IDX file with %d..%d dimensions "
                    + "(magic 0x%08x)", file, minDims, maxDims, magic));
        }
        int[] dims = new int[ndims];
        for (int i = 0; i < ndims; i++) {
            dims[i] = in.readInt();
            if (dims[i] < 0) {
                throw new IOException(file + ": negative dimension " + dims[i]);
            }
        }
        return dims;
    }

    private static void readFully(DataInputStream in, byte[] buf, Path file) throws IOException {
        try {
            in.readFully(buf);
        } catch (EOFException e) {
            throw new IOException(file + " is truncated: expected " + buf.length + " data bytes", e);
        }
    }
}
