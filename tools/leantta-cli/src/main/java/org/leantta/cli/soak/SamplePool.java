package org.leantta.cli.soak;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.leantta.tooling.data.ImageSet;
import org.leantta.tooling.shift.Corruption;
import org.leantta.tooling.shift.Corruptions;

/**
 * Ready JSON bodies of test images as uint8 samples, a third clean and the rest under a few shifts (severity 3), so
 * that the gateway's per-sensor estimates keep moving; only the id is added per message.
 */
final class SamplePool {
    private static final byte[] PREFIX = "{\"id\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final List<String> SHIFTS = List.of("gaussian-noise", "fog", "contrast", "gain-offset");
    private final byte[][] bodies;

    SamplePool(ImageSet images, int size) {
        int n = Math.min(size, images.count());
        bodies = new byte[n][];
        for (int i = 0; i < n; i++) {
            float[] x = images.image(i);
            if (i % 3 != 0) {
                Corruption c = Corruptions.byName(SHIFTS.get(i % SHIFTS.size()));
                x = Corruptions.apply(c, x, images.channels(), images.height(), images.width(), 3, 0, i);
            }
            bodies[i] = body(x);
        }
    }

    private static byte[] body(float[] x) {
        StringBuilder b = new StringBuilder("\",\"encoding\":\"uint8\",\"data\":[");
        for (int k = 0; k < x.length; k++) {
            b.append(k == 0 ? "" : ",").append(Math.round(Math.max(0f, Math.min(1f, x[k])) * 255f));
        }
        return b.append("]}").toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** The sample with id {@code id}, the pool's images in turn. */
    byte[] sample(long id) {
        byte[] idBytes = Long.toString(id).getBytes(StandardCharsets.US_ASCII);
        byte[] body = bodies[(int) (id % bodies.length)];
        byte[] out = new byte[PREFIX.length + idBytes.length + body.length];
        System.arraycopy(PREFIX, 0, out, 0, PREFIX.length);
        System.arraycopy(idBytes, 0, out, PREFIX.length, idBytes.length);
        System.arraycopy(body, 0, out, PREFIX.length + idBytes.length, body.length);
        return out;
    }
}
