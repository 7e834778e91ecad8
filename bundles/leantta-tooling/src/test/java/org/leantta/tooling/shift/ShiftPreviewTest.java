package org.leantta.tooling.shift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShiftPreviewTest {

    @TempDir
    Path dir;

    private Path writeIdx(int magic, int count) throws IOException {
        Path file = dir.resolve("images.gz");
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(Files.newOutputStream(file)))) {
            out.writeInt(magic);
            out.writeInt(count);
            out.writeInt(2);
            out.writeInt(3);
            for (int i = 0; i < count * 6; i++) {
                out.writeByte(i * 40 % 256);
            }
        }
        return file;
    }

    @Test
    void readsSelectedIdxImagesAsUnitFloats() throws IOException {
        Path file = writeIdx(0x00000803, 3);
        ShiftPreview.GreyImages images = ShiftPreview.readIdx(file, new int[] {2, 0});
        assertThat(images.height()).isEqualTo(2);
        assertThat(images.width()).isEqualTo(3);
        assertThat(images.images()).hasSize(2);
        assertThat(images.images().get(1)[1]).isEqualTo(40 / 255f);
        assertThat(images.images().get(0)[0]).isEqualTo(12 * 40 % 256 / 255f);
    }

    @Test
    void rejectsWrongMagicAndOutOfRangeIndices() throws IOException {
        Path labels = writeIdx(0x00000801, 3);
        assertThatThrownBy(() -> ShiftPreview.readIdx(labels, new int[] {0})).isInstanceOf(IOException.class)
                .hasMessageContaining("magic");
        Path file = writeIdx(0x00000803, 3);
        assertThatThrownBy(() -> ShiftPreview.readIdx(file, new int[] {3}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mainWritesAGridWithOneRowPerShiftAndSixColumnsPerImage() throws IOException {
        Path out = dir.resolve("grid.png");
        ShiftPreview.main(new String[] {"--shifts", "noise,fog", "--scale", "2", "--out", out.toString()});
        BufferedImage png = ImageIO.read(out.toFile());
        BufferedImage direct = ShiftPreview.render(new ShiftPreview.GreyImages(28, 28,
                List.of(ShiftPreview.synthetic(28, 28))), Corruptions.parse("noise,fog"), 2, 0);
        assertThat(png.getWidth()).isEqualTo(direct.getWidth());
        assertThat(png.getHeight()).isEqualTo(direct.getHeight()).isGreaterThan(6 * 28 * 2);
        assertThat(png.getWidth()).isGreaterThan(6 * 28 * 2);
    }

    @Test
    void mainRejectsUnknownOptions() {
        assertThatThrownBy(() -> ShiftPreview.main(new String[] {"--size", "3"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--shifts");
    }
}
