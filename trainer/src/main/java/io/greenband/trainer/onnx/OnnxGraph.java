package io.greenband.trainer.onnx;

import java.util.ArrayList;
import java.util.List;

/**
 * Builder of an ONNX model (IR version 8, default opset {@value #OPSET}): float initialisers, nodes
 * in topological order, one float input and one float output. Field numbers follow onnx.proto.
 */
public final class OnnxGraph {

    /** Operator set version the graph is written for. */
    public static final int OPSET = 13;

    private static final int IR_VERSION = 8;
    private static final int FLOAT = 1;
    private static final int INT64 = 7;
    private static final int ATTR_FLOAT = 1;
    private static final int ATTR_INT = 2;
    private static final int ATTR_INTS = 7;

    private final List<Protobuf> nodes = new ArrayList<>();
    private final List<Protobuf> initializers = new ArrayList<>();
    private int counter;

    /** A fresh value name with the given prefix. */
    public String name(String prefix) {
        return prefix + "_" + counter++;
    }

    /** Adds a float constant of {@code dims} and returns its name. */
    public String floats(String prefix, float[] values, long... dims) {
        String name = name(prefix);
        Protobuf tensor = new Protobuf();
        for (long dim : dims) {
            tensor.varint(1, dim);
        }
        tensor.varint(2, FLOAT).string(8, name).bytes(9, Protobuf.littleEndian(values));
        initializers.add(tensor);
        return name;
    }

    /** Adds an int64 constant vector and returns its name. */
    public String longs(String prefix, long... values) {
        String name = name(prefix);
        Protobuf tensor =
                new Protobuf()
                        .varint(1, values.length)
                        .varint(2, INT64)
                        .string(8, name)
                        .bytes(9, Protobuf.littleEndian(values));
        initializers.add(tensor);
        return name;
    }

    /** Adds a node with one output and returns the output's name. */
    public String node(String opType, List<String> inputs, Attribute... attributes) {
        String output = name(opType.toLowerCase(java.util.Locale.ROOT));
        Protobuf node = new Protobuf();
        for (String input : inputs) {
            node.string(1, input);
        }
        node.string(2, output).string(3, output).string(4, opType);
        for (Attribute attribute : attributes) {
            node.message(5, attribute.encode());
        }
        nodes.add(node);
        return output;
    }

    /** A node attribute. */
    public record Attribute(String name, Float floatValue, Long intValue, long[] ints) {
        /** A float attribute. */
        public static Attribute of(String name, float value) {
            return new Attribute(name, value, null, null);
        }

        /** An int attribute. */
        public static Attribute of(String name, long value) {
            return new Attribute(name, null, value, null);
        }

        /** An ints attribute. */
        public static Attribute ints(String name, long... values) {
            return new Attribute(name, null, null, values);
        }

        Protobuf encode() {
            Protobuf attribute = new Protobuf().string(1, name);
            if (floatValue != null) {
                attribute.float32(2, floatValue).varint(20, ATTR_FLOAT);
            } else if (intValue != null) {
                attribute.varint(3, intValue).varint(20, ATTR_INT);
            } else {
                for (long value : ints) {
                    attribute.varint(8, value);
                }
                attribute.varint(20, ATTR_INTS);
            }
            return attribute;
        }
    }

    /**
     * The serialised model whose graph reads {@code input} (float, dims with -1 for a symbolic
     * batch) and produces {@code output} (float, dims likewise).
     */
    public byte[] toModel(
            String graphName, String input, long[] inputDims, String output, long[] outputDims) {
        Protobuf graph = new Protobuf();
        nodes.forEach(node -> graph.message(1, node));
        graph.string(2, graphName);
        initializers.forEach(tensor -> graph.message(5, tensor));
        graph.message(11, valueInfo(input, inputDims));
        graph.message(12, valueInfo(output, outputDims));
        return new Protobuf()
                .varint(1, IR_VERSION)
                .string(2, "greenband")
                .string(3, "0.1")
                .message(7, graph)
                .message(8, new Protobuf().string(1, "").varint(2, OPSET))
                .toByteArray();
    }

    private static Protobuf valueInfo(String name, long[] dims) {
        Protobuf shape = new Protobuf();
        for (long dim : dims) {
            shape.message(
                    1, dim < 0 ? new Protobuf().string(2, "batch") : new Protobuf().varint(1, dim));
        }
        Protobuf tensorType = new Protobuf().varint(1, FLOAT).message(2, shape);
        return new Protobuf().string(1, name).message(2, new Protobuf().message(1, tensorType));
    }
}
