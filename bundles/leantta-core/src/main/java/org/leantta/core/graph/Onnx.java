package org.leantta.core.graph;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.ByteString;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Small helpers over the ONNX protobuf classes. */
public final class Onnx {
    private Onnx() {
    }

    /** Reads a model file, with a clear error if it is missing or not an ONNX model. */
    public static ModelProto read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new java.nio.file.NoSuchFileException(file.toString(), null, "no such model file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in.readAllBytes(), file.toString());
        }
    }

    /** Parses model bytes; {@code source} names them in errors. */
    public static ModelProto parse(byte[] bytes, String source) throws IOException {
        ModelProto model;
        try {
            model = ModelProto.parseFrom(bytes);
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new IOException(source + " is not an ONNX model: " + e.getMessage(), e);
        }
        if (!model.hasGraph() || model.getGraph().getNodeCount() == 0) {
            throw new IOException(source + " is not an ONNX model: it has no graph nodes");
        }
        return model;
    }

    /** The opset version of the default ONNX domain. */
    public static long opset(ModelProto model) {
        for (OperatorSetIdProto id : model.getOpsetImportList()) {
            if (id.getDomain().isEmpty() || id.getDomain().equals("ai.onnx")) {
                return id.getVersion();
            }
        }
        throw new IllegalArgumentException("model imports no default ONNX opset");
    }

    /** The initializer of that name, if any. */
    public static Optional<TensorProto> initializer(GraphProto graph, String name) {
        for (TensorProto t : graph.getInitializerList()) {
            if (t.getName().equals(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /**
     * The constant value of a tensor: an initializer, the output of a Constant node, or an Identity of
     * either (exporters deduplicate equal tensors that way).
     */
    public static Optional<TensorProto> constant(GraphProto graph, String name) {
        Optional<TensorProto> init = initializer(graph, name);
        if (init.isPresent()) {
            return init;
        }
        for (NodeProto node : graph.getNodeList()) {
            if (node.getOutputCount() == 1 && node.getOutput(0).equals(name)) {
                if (node.getOpType().equals("Identity")) {
                    return constant(graph, node.getInput(0));
                }
                if (node.getOpType().equals("Constant")) {
                    for (AttributeProto a : node.getAttributeList()) {
                        if (a.getName().equals("value")) {
                            return Optional.of(a.getT());
                        }
                    }
                }
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The float values of a constant tensor; {@code owner} names the node in the error if it is not constant. */
    public static float[] floatConstant(GraphProto graph, String name, String owner) {
        return floats(constant(graph, name).orElseThrow(() -> new IllegalArgumentException(
                owner + ": '" + name + "' is not a constant")));
    }

    /** Float values of a FLOAT tensor (raw_data or float_data). */
    public static float[] floats(TensorProto t) {
        if (t.getDataType() != TensorProto.DataType.FLOAT.getNumber()) {
            throw new IllegalArgumentException("tensor " + t.getName() + " is not float32 (data type "
                    + t.getDataType() + ")");
        }
        if (!t.getRawData().isEmpty()) {
            ByteBuffer buf = t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
            float[] out = new float[buf.remaining() / 4];
            buf.asFloatBuffer().get(out);
            return out;
        }
        float[] out = new float[t.getFloatDataCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = t.getFloatData(i);
        }
        return out;
    }

    /** A FLOAT tensor with the given dims, stored as raw little-endian data. */
    public static TensorProto floatTensor(String name, float[] values, long... dims) {
        ByteBuffer buf = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        buf.asFloatBuffer().put(values);
        TensorProto.Builder b = TensorProto.newBuilder().setName(name)
                .setDataType(TensorProto.DataType.FLOAT.getNumber()).setRawData(ByteString.copyFrom(buf.array()));
        for (long d : dims) {
            b.addDims(d);
        }
        return b.build();
    }

    /** An INT8 tensor stored as raw data. */
    public static TensorProto int8Tensor(String name, byte[] values, long... dims) {
        return raw(name, TensorProto.DataType.INT8, values, dims);
    }

    /** A UINT8 tensor stored as raw data. */
    public static TensorProto uint8Tensor(String name, byte[] values, long... dims) {
        return raw(name, TensorProto.DataType.UINT8, values, dims);
    }

    /** An INT32 tensor stored as raw little-endian data. */
    public static TensorProto int32Tensor(String name, int[] values, long... dims) {
        ByteBuffer buf = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        buf.asIntBuffer().put(values);
        return raw(name, TensorProto.DataType.INT32, buf.array(), dims);
    }

    private static TensorProto raw(String name, TensorProto.DataType type, byte[] data, long... dims) {
        TensorProto.Builder b = TensorProto.newBuilder().setName(name).setDataType(type.getNumber())
                .setRawData(ByteString.copyFrom(data));
        for (long d : dims) {
            b.addDims(d);
        }
        return b.build();
    }

    /** An INT64 tensor with the given dims. */
    public static TensorProto longTensor(String name, long[] values, long... dims) {
        TensorProto.Builder b = TensorProto.newBuilder().setName(name)
                .setDataType(TensorProto.DataType.INT64.getNumber());
        for (long v : values) {
            b.addInt64Data(v);
        }
        for (long d : dims) {
            b.addDims(d);
        }
        return b.build();
    }

    /** A float tensor value-info; a negative dim is symbolic (named {@code symbol}). */
    public static ValueInfoProto floatInfo(String name, String symbol, long... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (long d : dims) {
            shape.addDim(d < 0 ? TensorShapeProto.Dimension.newBuilder().setDimParam(symbol)
                    : TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        TypeProto type = TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder()
                .setElemType(TensorProto.DataType.FLOAT.getNumber()).setShape(shape)).build();
        return ValueInfoProto.newBuilder().setName(name).setType(type).build();
    }

    /** A float tensor value-info of unknown shape, e.g. an extra graph output. */
    public static ValueInfoProto floatOutput(String name) {
        TypeProto type = TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder()
                .setElemType(TensorProto.DataType.FLOAT.getNumber())).build();
        return ValueInfoProto.newBuilder().setName(name).setType(type).build();
    }

    /** Removes initializers no node or graph output reads, and the graph inputs that only declared them. */
    public static void dropUnusedInitializers(GraphProto.Builder g) {
        java.util.Set<String> used = new java.util.HashSet<>();
        g.getNodeList().forEach(n -> used.addAll(n.getInputList()));
        g.getOutputList().forEach(o -> used.add(o.getName()));
        java.util.Set<String> dropped = new java.util.HashSet<>();
        java.util.List<TensorProto> keep = new java.util.ArrayList<>();
        for (TensorProto t : g.getInitializerList()) {
            if (used.contains(t.getName())) {
                keep.add(t);
            } else {
                dropped.add(t.getName());
            }
        }
        java.util.List<ValueInfoProto> inputs = g.getInputList().stream()
                .filter(in -> !dropped.contains(in.getName())).toList();
        g.clearInitializer().addAllInitializer(keep).clearInput().addAllInput(inputs);
    }

    /** Removes the nodes whose outputs neither a graph output nor a remaining node reads, then their initializers. */
    public static void dropDeadNodes(GraphProto.Builder g) {
        if (g.getNodeList().stream().anyMatch(n -> n.getAttributeList().stream().anyMatch(a -> a.hasG()
                || a.getGraphsCount() > 0))) {
            return; // subgraphs read outer tensors without naming them as inputs: keep everything
        }
        java.util.Set<String> needed = new java.util.HashSet<>();
        g.getOutputList().forEach(o -> needed.add(o.getName()));
        java.util.List<NodeProto> kept = new java.util.ArrayList<>();
        for (int i = g.getNodeCount() - 1; i >= 0; i--) {
            NodeProto n = g.getNode(i);
            if (n.getOutputList().stream().anyMatch(needed::contains)) {
                kept.add(n);
                needed.addAll(n.getInputList());
            }
        }
        java.util.Collections.reverse(kept);
        g.clearNode().addAllNode(kept);
        dropUnusedInitializers(g);
    }

    /** The rank of a value-info's tensor type, or -1 if unknown. */
    public static int rank(ValueInfoProto info) {
        if (info.hasType() && info.getType().hasTensorType() && info.getType().getTensorType().hasShape()) {
            return info.getType().getTensorType().getShape().getDimCount();
        }
        return -1;
    }

    /** A float attribute of a node, or the default. */
    public static float floatAttribute(NodeProto node, String name, float defaultValue) {
        for (AttributeProto a : node.getAttributeList()) {
            if (a.getName().equals(name)) {
                return a.getF();
            }
        }
        return defaultValue;
    }

    /** An int attribute of a node, or the default. */
    public static long intAttribute(NodeProto node, String name, long defaultValue) {
        for (AttributeProto a : node.getAttributeList()) {
            if (a.getName().equals(name)) {
                return a.getI();
            }
        }
        return defaultValue;
    }

    public static AttributeProto ints(String name, long... values) {
        AttributeProto.Builder b = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
        for (long v : values) {
            b.addInts(v);
        }
        return b.build();
    }

    public static AttributeProto floatAttr(String name, float value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOAT).setF(value)
                .build();
    }

    public static AttributeProto intAttr(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build();
    }
}
