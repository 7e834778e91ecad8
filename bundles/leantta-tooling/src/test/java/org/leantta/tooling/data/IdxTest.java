package org.leantta.tooling.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxTest {
    @TempDir
    Path tmp;

    @Test
    void writesAndReadsGzippedAndPlainFiles() throws Exception {
        float[][] images = {{0f, 1f, 0.5f, 0.25f, 0f, 1f}, {1f, 1f, 0f, 0f, 0.2f, 0.8f}};
        for (String suffix : new String[] {"", ".gz"}) {
            Path i = tmp.resolve("i" + suffix);
            Path l = tmp.resolve("l" + suffix);
            Idx.write(i, l, 1, 2, 3, images, new int[] {7, 3});
            ImageSet set = Idx.load(i, l);
            assertThat(set.count()).isEqualTo(2);
            assertThat(set.height()).isEqualTo(2);
            assertThat(set.width()).isEqualTo(3);
            assertThat(set.label(0)).isEqualTo(7);
            assertThat(set.image(1)[5]).isEqualTo(Math.round(0.8f * 255) / 255f);
        }
    }

    @Test
    void mismatchedTruncatedAndForeignFilesAreClearErrors() throws Exception {
        Path i = tmp.resolve("i");
        Path l = tmp.resolve("l");
        Idx.write(i, l, 1, 2, 2, new float[][] {{0, 0, 0, 0}, {1, 1, 1, 1}}, new int[] {1, 2});
        Path l1 = tmp.resolve("l1");
        Idx.write(tmp.resolve("unused"), l1, 1, 2, 2, new float[][] {{0, 0, 0, 0}}, new int[] {1});
        assertThatThrownBy(() -> Idx.load(i, l1)).hasMessageContaining("has 1 labels but");
        byte[] full = Files.readAllBytes(i);
        Path cut = tmp.resolve("cut");
        Files.write(cut, java.util.Arrays.copyOf(full, full.length - 2));
        assertThatThrownBy(() -> Idx.load(cut, null)).hasMessageContaining("truncated");
        Path text = tmp.resolve("text");
        Files.writeString(text, "hello world, not idx");
        assertThatThrownBy(() -> Idx.load(text, null)).hasMessageContaining("is not an unsigned-byte IDX file");
        assertThatThrownBy(() -> Idx.load(tmp.resolve("missing"), null)).hasMessageContaining("no such IDX file");
    }
}
