package org.leantta.cli;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.leantta.tooling.data.ImageSet;

/**
 * Labelled samples from a CSV file, one a line: the class number, then the sample's values as 0..255 integers in
 * the model's layout (C,H,W flattened for images, C,L for signals), as IDX images are; the model sees value / 255.
 * A first line that is not numeric is a header and skipped.
 */
final class CsvData {
    private CsvData() {
    }

    static ImageSet load(Path csv, ModelProto model) throws IOException {
        long[] shape = sampleShape(model);
        int size = Math.toIntExact(java.util.Arrays.stream(shape).reduce(1, (a, b) -> a * b));
        List<String> lines = Files.readAllLines(csv);
        if (!lines.isEmpty() && !lines.get(0).isBlank() && !Character.isDigit(lines.get(0).strip().charAt(0))) {
            lines = lines.subList(1, lines.size());
        }
        List<int[]> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                rows.add(row(lines.get(i), size, csv, i + 1));
            }
        }
        byte[] pixels = new byte[rows.size() * size];
        int[] labels = new int[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            labels[r] = rows.get(r)[0];
            for (int k = 0; k < size; k++) {
                pixels[r * size + k] = (byte) rows.get(r)[k + 1];
            }
        }
        int c = (int) shape[0];
        int h = shape.length > 1 ? (int) shape[1] : 1;
        return new ImageSet(rows.size(), c, h, size / c / h, pixels, labels);
    }

    private static int[] row(String line, int size, Path csv, int number) {
        String[] cells = line.split(",");
        if (cells.length != size + 1) {
            throw new IllegalArgumentException(csv + " line " + number + ": expected the label and " + size
                    + " values (the model's input), got " + cells.length + " cells");
        }
        int[] v = new int[cells.length];
        for (int k = 0; k < cells.length; k++) {
            try {
                v[k] = Integer.parseInt(cells[k].strip());
            } catch (NumberFormatException e) {
                v[k] = -1;
            }
            if (v[k] < 0 || (k > 0 && v[k] > 255)) {
                throw new IllegalArgumentException(csv + " line " + number + ", cell " + (k + 1) + ": expected "
                        + (k == 0 ? "a class number" : "an integer 0..255") + ", got '" + cells[k].strip() + "'");
            }
        }
        return v;
    }

    /** The model's input shape without the batch dimension; every dimension must be fixed. */
    static long[] sampleShape(ModelProto model) {
        Set<String> constants = new HashSet<>();
        model.getGraph().getInitializerList().forEach(t -> constants.add(t.getName()));
        for (ValueInfoProto in : model.getGraph().getInputList()) {
            if (!constants.contains(in.getName())) {
                var dims = in.getType().getTensorType().getShape().getDimList();
                long[] shape = new long[dims.size() - 1];
                for (int i = 1; i < dims.size(); i++) {
                    shape[i - 1] = dims.get(i).hasDimValue() ? dims.get(i).getDimValue() : -1;
                    if (shape[i - 1] <= 0) {
                        throw new IllegalArgumentException("input '" + in.getName() + "' has no fixed size in "
                                + "dimension " + i + ": export the model with a fixed per-sample shape");
                    }
                }
                return shape;
            }
        }
        throw new IllegalArgumentException("the model has no input");
    }
}
