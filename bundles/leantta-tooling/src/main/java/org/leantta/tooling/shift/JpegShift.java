package org.leantta.tooling.shift;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.SplittableRandom;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * JPEG compression artefacts: each channel is encoded as an 8-bit grey JPEG with the JDK encoder and
 * decoded again (deterministic). Qualities follow the ImageNet-C table, as the CIFAR-10-C ones are invisible
 * at 28x28; the last is lowered to 3 because quality 5 can distort less than quality 8 at this size.
 * <p>Severity 1..5: quality = 25, 18, 12, 8, 3.
 */
final class JpegShift extends BaseCorruption {
    static final int[] QUALITY = {25, 18, 12, 8, 3};

    JpegShift() {
        super("jpeg", Family.DIGITAL);
    }

    @Override
    float[] corrupt(float[] x, int c, int h, int w, int severity, SplittableRandom rng) {
        float quality = QUALITY[severity - 1] / 100f;
        for (int ch = 0; ch < c; ch++) {
            int off = ch * h * w;
            BufferedImage decoded = decode(encode(toGray(x, off, h, w), quality));
            WritableRaster raster = decoded.getRaster();
            for (int y = 0; y < h; y++) {
                for (int col = 0; col < w; col++) {
                    x[off + y * w + col] = raster.getSample(col, y, 0) / 255f;
                }
            }
        }
        return x;
    }

    private static BufferedImage toGray(float[] x, int off, int h, int w) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster raster = image.getRaster();
        for (int y = 0; y < h; y++) {
            for (int col = 0; col < w; col++) {
                raster.setSample(col, y, 0, Math.round(Images.clamp(x[off + y * w + col]) * 255f));
            }
        }
        return image;
    }

    private static byte[] encode(BufferedImage image, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // memory streams: ImageIO's default file cache would touch the disk on every call
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("JPEG encoding failed", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static BufferedImage decode(byte[] jpeg) {
        ImageReader reader = ImageIO.getImageReadersByFormatName("jpeg").next();
        try (MemoryCacheImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(jpeg))) {
            reader.setInput(in);
            return reader.read(0);
        } catch (IOException e) {
            throw new UncheckedIOException("JPEG decoding failed", e);
        } finally {
            reader.dispose();
        }
    }
}
