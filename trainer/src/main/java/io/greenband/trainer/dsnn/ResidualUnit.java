package io.greenband.trainer.dsnn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * CIFAR ResNet basic block: conv-BN-ReLU-conv-BN plus a shortcut, then ReLU. The shortcut is the
 * identity, or "option A" when the shape changes: every second pixel, channels zero-padded on both
 * sides (parameter-free).
 */
public final class ResidualUnit extends AbstractBlock {

    private static final NDIndex SUBSAMPLE = new NDIndex(":, :, ::2, ::2");

    private final Block conv1;
    private final Block bn1;
    private final Block conv2;
    private final Block bn2;
    private final int padChannels;
    private final boolean optionA;

    /**
     * @param conv1 first convolution (carries the stride)
     * @param conv2 second convolution
     * @param inChannels input channels
     * @param outChannels output channels
     * @param stride stride of the first convolution
     */
    public ResidualUnit(Block conv1, Block conv2, int inChannels, int outChannels, int stride) {
        this.conv1 = addChildBlock("conv1", conv1);
        this.bn1 = addChildBlock("bn1", BatchNorm.builder().build());
        this.conv2 = addChildBlock("conv2", conv2);
        this.bn2 = addChildBlock("bn2", BatchNorm.builder().build());
        this.optionA = stride != 1 || inChannels != outChannels;
        this.padChannels = (outChannels - inChannels) / 2;
        if (optionA && (stride != 2 || outChannels != 2 * inChannels)) {
            throw new IllegalArgumentException(
                    "option-A shortcut needs stride 2 and doubled channels, got stride "
                            + stride
                            + ", "
                            + inChannels
                            + " -> "
                            + outChannels);
        }
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store,
            NDList inputs,
            boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        // each intermediate is freed once consumed (autograd keeps what backward needs), as Python
        // frees them
        NDList y1 = conv1.forward(store, inputs, training);
        NDList n1 = bn1.forward(store, y1, training);
        y1.close();
        NDList r1 = new NDList(Activation.relu(n1.singletonOrThrow()));
        n1.close();
        NDList y2 = conv2.forward(store, r1, training);
        r1.close();
        NDList n2 = bn2.forward(store, y2, training);
        y2.close();
        NDArray shortcut = shortcut(x);
        NDArray sum = n2.singletonOrThrow().add(shortcut);
        n2.close();
        if (shortcut != x) {
            shortcut.close();
        }
        NDArray out = Activation.relu(sum);
        sum.close();
        return new NDList(out);
    }

    private NDArray shortcut(NDArray x) {
        if (!optionA) {
            return x;
        }
        try (NDArray sub = x.get(SUBSAMPLE)) {
            Shape shape = sub.getShape();
            try (NDArray zeros =
                    x.getManager()
                            .zeros(
                                    new Shape(
                                            shape.get(0), padChannels, shape.get(2), shape.get(3)),
                                    x.getDataType(),
                                    x.getDevice())) {
                return NDArrays.concat(new NDList(zeros, sub, zeros), 1);
            }
        }
    }

    @Override
    protected void initializeChildBlocks(
            NDManager manager, DataType dataType, Shape... inputShapes) {
        conv1.initialize(manager, dataType, inputShapes);
        Shape[] mid = conv1.getOutputShapes(inputShapes);
        bn1.initialize(manager, dataType, mid);
        conv2.initialize(manager, dataType, mid);
        bn2.initialize(manager, dataType, conv2.getOutputShapes(mid));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return conv2.getOutputShapes(conv1.getOutputShapes(inputShapes));
    }
}
