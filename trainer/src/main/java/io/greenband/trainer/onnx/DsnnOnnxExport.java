package io.greenband.trainer.onnx;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import io.greenband.trainer.dsnn.FixedPoint;
import io.greenband.trainer.dsnn.LayerSpec;
import io.greenband.trainer.dsnn.ResNet20;
import io.greenband.trainer.dsnn.ResidualUnit;
import io.greenband.trainer.dsnn.ShiftConv2d;
import io.greenband.trainer.dsnn.ShiftLinear;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Exports a trained shift ResNet20 (inference mode) to ONNX. Shift layers get their deployed
 * weights, exact signed powers of two, and their input rounding onto the fixed-point grid (Mul,
 * Floor, Div, Clip); batch norm uses the running statistics.
 */
public final class DsnnOnnxExport {

    /** Name of the graph input: normalised images {@code (batch, channels, size, size)}. */
    public static final String INPUT = "images";

    /** File name of the exported model in a trial's model folder. */
    public static final String FILE = "dsnn.onnx";

    private static final float BN_EPSILON = 1e-5f;

    private final OnnxGraph graph = new OnnxGraph();
    private final List<LayerSpec> layers;
    private final int channels;
    private int layer;

    private DsnnOnnxExport(ResNet20 plan) {
        this.layers = plan.layers();
        this.channels = plan.inputChannels();
    }

    /**
     * Writes the ONNX model of {@code block} (built by {@code plan}, initialised) to {@code file}.
     */
    public static void write(Block block, ResNet20 plan, int imageSize, int numClasses, Path file)
            throws IOException {
        Files.write(file, export(block, plan, imageSize, numClasses));
    }

    /** The serialised ONNX model of {@code block}, built by {@code plan} and initialised. */
    public static byte[] export(Block block, ResNet20 plan, int imageSize, int numClasses) {
        return new DsnnOnnxExport(plan).build(block, imageSize, numClasses);
    }

    private byte[] build(Block block, int imageSize, int numClasses) {
        List<Block> children = block.getChildren().values();
        if (children.size() != 15) {
            throw new IllegalArgumentException(
                    "expected the 15-child ResNet20 block of ResNet20.newBlock(), got "
                            + children.size()
                            + " children");
        }
        String x = conv(children.get(0), INPUT);
        x = graph.node("Relu", List.of(batchNorm(children.get(1), x)));
        for (int i = 3; i < 12; i++) {
            x = residual(expect(children.get(i), ResidualUnit.class), x);
        }
        x =
                graph.node(
                        "Flatten",
                        List.of(graph.node("GlobalAveragePool", List.of(x))),
                        OnnxGraph.Attribute.of("axis", 1L));
        String logits = linear(expect(children.get(14), ShiftLinear.class), x);
        return graph.toModel(
                "dsnn_resnet20",
                INPUT,
                new long[] {-1, channels, imageSize, imageSize},
                logits,
                new long[] {-1, numClasses});
    }

    private String residual(ResidualUnit unit, String input) {
        List<Block> parts = unit.getChildren().values();
        LayerSpec first = layers.get(layer);
        String y = graph.node("Relu", List.of(batchNorm(parts.get(1), conv(parts.get(0), input))));
        y = batchNorm(parts.get(3), conv(parts.get(2), y));
        String shortcut = input;
        if (first.stride() != 1 || first.inChannels() != first.outChannels()) {
            String sliced =
                    graph.node(
                            "Slice",
                            List.of(
                                    input,
                                    graph.longs("starts", 0, 0),
                                    graph.longs("ends", Long.MAX_VALUE, Long.MAX_VALUE),
                                    graph.longs("axes", 2, 3),
                                    graph.longs("steps", 2, 2)));
            long pad = (first.outChannels() - first.inChannels()) / 2;
            shortcut =
                    graph.node(
                            "Pad",
                            List.of(sliced, graph.longs("pads", 0, pad, 0, 0, 0, pad, 0, 0)));
        }
        return graph.node("Relu", List.of(graph.node("Add", List.of(y, shortcut))));
    }

    private String conv(Block block, String input) {
        LayerSpec spec = layers.get(layer++);
        long k = spec.kernel();
        long p = k / 2;
        OnnxGraph.Attribute[] attributes = {
            OnnxGraph.Attribute.ints("kernel_shape", k, k),
            OnnxGraph.Attribute.ints("pads", p, p, p, p),
            OnnxGraph.Attribute.ints("strides", spec.stride(), spec.stride())
        };
        long[] dims = {spec.outChannels(), spec.inChannels(), k, k};
        if (block instanceof ShiftConv2d shift) {
            String weight = graph.floats("shift_weight", values(shift.exportWeight()), dims);
            return graph.node(
                    "Conv",
                    List.of(fixedPoint(shift.settings().activations(), input), weight),
                    attributes);
        }
        Conv2d dense = expect(block, Conv2d.class);
        String weight =
                graph.floats(
                        "weight", values(dense.getParameters().get("weight").getArray()), dims);
        return graph.node("Conv", List.of(input, weight), attributes);
    }

    private String linear(ShiftLinear block, String input) {
        LayerSpec spec = layers.get(layer++);
        String weight =
                graph.floats(
                        "shift_weight",
                        values(block.exportWeight()),
                        spec.outChannels(),
                        spec.inChannels());
        NDArray bias = block.exportBias();
        String biasName =
                bias == null
                        ? graph.floats("bias", new float[spec.outChannels()], spec.outChannels())
                        : graph.floats("bias", values(bias), spec.outChannels());
        return graph.node(
                "Gemm",
                List.of(fixedPoint(block.settings().activations(), input), weight, biasName),
                OnnxGraph.Attribute.of("transB", 1L));
    }

    private String batchNorm(Block block, String input) {
        BatchNorm norm = expect(block, BatchNorm.class);
        long channels = norm.getParameters().get("gamma").getArray().size();
        return graph.node(
                "BatchNormalization",
                List.of(
                        input,
                        graph.floats(
                                "gamma",
                                values(norm.getParameters().get("gamma").getArray()),
                                channels),
                        graph.floats(
                                "beta",
                                values(norm.getParameters().get("beta").getArray()),
                                channels),
                        graph.floats(
                                "mean",
                                values(norm.getParameters().get("runningMean").getArray()),
                                channels),
                        graph.floats(
                                "var",
                                values(norm.getParameters().get("runningVar").getArray()),
                                channels)),
                OnnxGraph.Attribute.of("epsilon", BN_EPSILON));
    }

    /** {@code clip(floor(x * 2^F) / 2^F, min, max)}, the shift layers' input rounding. */
    private String fixedPoint(FixedPoint format, String input) {
        float scale = (float) Math.scalb(1.0, format.fractionBits());
        String scaleName = graph.floats("scale", new float[] {scale});
        String floored = graph.node("Floor", List.of(graph.node("Mul", List.of(input, scaleName))));
        return graph.node(
                "Clip",
                List.of(
                        graph.node("Div", List.of(floored, scaleName)),
                        graph.floats("min", new float[] {(float) format.min()}),
                        graph.floats("max", new float[] {(float) format.max()})));
    }

    private static float[] values(NDArray array) {
        return array.toFloatArray();
    }

    private static <T> T expect(Block block, Class<T> type) {
        if (!type.isInstance(block)) {
            throw new IllegalArgumentException(
                    "expected a "
                            + type.getSimpleName()
                            + " in the ResNet20 block, found "
                            + block.getClass().getSimpleName());
        }
        return type.cast(block);
    }

    /** Whether every value is 0 or a signed power of two with exponent in {@code [minShift, 0]}. */
    public static boolean signedPowersOfTwo(float[] values, int minShift) {
        for (float v : values) {
            if (v != 0f) {
                float magnitude = Math.abs(v);
                int exponent = Math.getExponent(magnitude);
                if (magnitude != Math.scalb(1f, exponent) || exponent < minShift || exponent > 0) {
                    return false;
                }
            }
        }
        return true;
    }
}
