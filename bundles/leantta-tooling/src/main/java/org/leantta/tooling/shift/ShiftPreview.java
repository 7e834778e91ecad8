package org.leantta.tooling.shift;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import javax.imageio.ImageIO;

/**
 * Writes a PNG grid of every corruption (rows) at severities 0..5 (columns) for one or more images.
 *
 * <p>Usage: {@code ShiftPreview [--idx images-idx3-ubyte.gz] [--images 0,1,2] [--shifts all] [--scale 4]
 * [--seed 0] [--out shifts.png]}; without {@code --idx} a synthetic 28x28 image is used.
 */
public final class ShiftPreview {

    private static final int LABEL_WIDTH = 110;
    private static final int HEADER = 16;
    private static final int GAP = 2;
    private static final int BLOCK_GAP = 12;

    /** Grey images of one size, as [H][W] planes with values in [0,1]. */
    public record GreyImages(int height, int width, List<float[]> images) {
    }

    private ShiftPreview() {
    }

    /** Command-line entry point; see the class documentation for the options. */
    public static void main(String[] args) throws IOException {
        Options o = Options.parse(args);
        GreyImages input = o.idx() == null
                ? new GreyImages(28, 28, List.of(synthetic(28, 28)))
                : readIdx(o.idx(), o.indices());
        ImageIO.write(render(input, Corruptions.parse(o.shifts()), o.scale(), o.seed()), "png", o.out().toFile());
        System.out.println("wrote " + o.out().toAbsolutePath());
    }

    private record Options(Path idx, int[] indices, String shifts, int scale, long seed, Path out) {
        static Options parse(String[] args) {
            Map<String, String> v = new HashMap<>(Map.of("--images", "0", "--shifts", "all", "--scale", "4",
                    "--seed", "0", "--out", "shifts.png"));
            for (int i = 0; i < args.length; i += 2) {
                if (!v.containsKey(args[i]) && !args[i].equals("--idx")) {
                    throw new IllegalArgumentException("unknown option '" + args[i] + "'; expected --idx, --images,"
                            + " --shifts, --scale, --seed or --out");
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("option " + args[i] + " needs a value");
                }
                v.put(args[i], args[i + 1]);
            }
            int[] indices = Arrays.stream(v.get("--images").split(",")).map(String::trim)
                    .mapToInt(Integer::parseInt).toArray();
            return new Options(v.containsKey("--idx") ? Path.of(v.get("--idx")) : null, indices, v.get("--shifts"),
                    Integer.parseInt(v.get("--scale")), Long.parseLong(v.get("--seed")), Path.of(v.get("--out")));
        }
    }

    /** Renders the grid; severity 0 is the clean image, sample index k is used for the k-th image. */
    public static BufferedImage render(GreyImages input, List<Corruption> shifts, int scale, long seed) {
        int h = input.height();
        int w = input.width();
        int cell = w * scale + GAP;
        int block = 6 * cell + BLOCK_GAP;
        int rowHeight = h * scale + GAP;
        BufferedImage grid = new BufferedImage(LABEL_WIDTH + input.images().size() * block,
                HEADER + (shifts.size() + 1) * rowHeight, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = labels(grid, shifts, input.images().size(), block, cell, rowHeight);
        for (int row = 0; row <= shifts.size(); row++) {
            Corruption c = row == 0 ? null : shifts.get(row - 1);
            for (int k = 0; k < input.images().size(); k++) {
                float[] img = input.images().get(k);
                for (int s = 0; s <= 5; s++) {
                    float[] shown = c == null || s == 0 ? img : Corruptions.apply(c, img, 1, h, w, s, seed, k);
                    paint(grid, shown, h, w, scale, LABEL_WIDTH + k * block + s * cell, HEADER + row * rowHeight);
                }
            }
        }
        g.dispose();
        return grid;
    }

    private static Graphics2D labels(BufferedImage grid, List<Corruption> shifts, int images, int block, int cell,
            int rowHeight) {
        Graphics2D g = grid.createGraphics();
        g.setColor(new Color(0x40, 0x60, 0x80));
        g.fillRect(0, 0, grid.getWidth(), grid.getHeight());
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (int k = 0; k < images; k++) {
            for (int s = 0; s <= 5; s++) {
                g.drawString(s == 0 ? "clean" : "sev " + s, LABEL_WIDTH + k * block + s * cell + 2, HEADER - 4);
            }
        }
        for (int row = 0; row <= shifts.size(); row++) {
            String name = row == 0 ? "clean" : shifts.get(row - 1).name();
            g.drawString(name, 4, HEADER + row * rowHeight + rowHeight / 2 + 4);
        }
        return g;
    }

    private static void paint(BufferedImage grid, float[] img, int h, int w, int scale, int left, int top) {
        for (int y = 0; y < h * scale; y++) {
            for (int x = 0; x < w * scale; x++) {
                int v = Math.round(Images.clamp(img[(y / scale) * w + x / scale]) * 255);
                grid.setRGB(left + x, top + y, (v << 16) | (v << 8) | v);
            }
        }
    }

    /** Reads the images at the given indices from a gzipped IDX3 file (magic 0x00000803, unsigned bytes). */
    public static GreyImages readIdx(Path path, int[] indices) throws IOException {
        try (InputStream raw = Files.newInputStream(path);
                DataInputStream in = new DataInputStream(new GZIPInputStream(raw, 1 << 16))) {
            int magic = in.readInt();
            if (magic != 0x00000803) {
                throw new IOException(path + ": not an IDX3 image file (magic 0x" + Integer.toHexString(magic) + ")");
            }
            int count = in.readInt();
            int rows = in.readInt();
            int cols = in.readInt();
            int last = Arrays.stream(indices).max().orElse(0);
            if (Arrays.stream(indices).min().orElse(0) < 0 || last >= count) {
                throw new IllegalArgumentException("image index out of range 0.." + (count - 1));
            }
            byte[][] raws = new byte[last + 1][rows * cols];
            for (int i = 0; i <= last; i++) {
                in.readFully(raws[i]);
            }
            return new GreyImages(rows, cols, Arrays.stream(indices).mapToObj(i -> toFloats(raws[i])).toList());
        }
    }

    private static float[] toFloats(byte[] bytes) {
        float[] out = new float[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = (bytes[i] & 0xFF) / 255f;
        }
        return out;
    }

    /** A garment-like synthetic image: a shaded, striped T-shirt silhouette on a dark background. */
    public static float[] synthetic(int h, int w) {
        float[] img = new float[h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double u = (x + 0.5) / w;
                double v = (y + 0.5) / h;
                boolean body = u > 0.28 && u < 0.72 && v > 0.15 && v < 0.92;
                boolean sleeves = v > 0.15 && v < 0.42 && u > 0.1 && u < 0.9 && v - 0.15 > Math.abs(u - 0.5) - 0.35;
                boolean neck = Math.hypot(u - 0.5, v - 0.12) < 0.1;
                if ((body || sleeves) && !neck) {
                    double shade = 0.55 + 0.3 * Math.cos(3 * (u - 0.5)) * (1 - 0.4 * v);
                    img[y * w + x] = (float) (shade + ((y / 3) % 2 == 0 ? 0.1 : -0.05));
                }
            }
        }
        return img;
    }
}
