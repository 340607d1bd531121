package io.greenband.trainer.dsnn;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * CIFAR ResNet20 (3 stages of 3 basic blocks, 16/32/64 channels, option-A shortcuts) in which the
 * last {@code shift_depth} of the 19 convolutions are shift layers and the final linear layer
 * always is. {@link Builder#optFloat()} gives the plain float network (no shift layer at all), the
 * baseline of the benchmarks. Use {@link #builder()}.
 */
public final class ResNet20 {

    /** Convolutions in ResNet20: the stem plus two per basic block. */
    public static final int CONVOLUTIONS = 19;

    private static final int[] STAGE_CHANNELS = {16, 32, 64};
    private static final int BLOCKS_PER_STAGE = 3;

    private final int shiftDepth;
    private final ShiftSettings settings;
    private final int numClasses;
    private final int imageSize;
    private final int inputChannels;
    private final boolean dense;

    private ResNet20(Builder builder) {
        this.dense = builder.dense;
        this.shiftDepth = builder.dense ? 0 : builder.shiftDepth;
        this.settings = builder.settings;
        this.numClasses = builder.numClasses;
        this.imageSize = builder.imageSize;
        this.inputChannels = builder.inputChannels;
    }

    /** Starts a builder; {@code setShiftDepth} and {@code setShiftSettings} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** Layers in definition order (19 convolutions, then the linear layer). */
    public List<LayerSpec> layers() {
        List<LayerSpec> layers = new ArrayList<>();
        int firstShifted = CONVOLUTIONS - Math.min(shiftDepth, CONVOLUTIONS);
        int size = imageSize;
        layers.add(
                conv(
                        "stem.conv",
                        layers.size() >= firstShifted,
                        inputChannels,
                        STAGE_CHANNELS[0],
                        1,
                        size));
        int in = STAGE_CHANNELS[0];
        for (int stage = 0; stage < STAGE_CHANNELS.length; stage++) {
            int out = STAGE_CHANNELS[stage];
            for (int block = 0; block < BLOCKS_PER_STAGE; block++) {
                int stride = stage > 0 && block == 0 ? 2 : 1;
                String prefix = "stage" + (stage + 1) + ".block" + block;
                LayerSpec first =
                        conv(
                                prefix + ".conv1",
                                layers.size() >= firstShifted,
                                in,
                                out,
                                stride,
                                size);
                layers.add(first);
                size = first.outputSize();
                layers.add(
                        conv(prefix + ".conv2", layers.size() >= firstShifted, out, out, 1, size));
                in = out;
            }
        }
        layers.add(
                new LayerSpec(
                        "linear", LayerSpec.Kind.LINEAR, !dense, in, numClasses, 1, 1, 1, true));
        return layers;
    }

    private static LayerSpec conv(
            String name, boolean shifted, int in, int out, int stride, int size) {
        return new LayerSpec(name, LayerSpec.Kind.CONV, shifted, in, out, 3, stride, size, false);
    }

    /**
     * Builds the DJL block; its input is {@code (N, inputChannels, imageSize, imageSize)}, its
     * output the logits.
     */
    public Block newBlock() {
        List<LayerSpec> layers = layers();
        SequentialBlock net = new ReleasingSequentialBlock();
        net.add(layerBlock(layers.get(0))).add(BatchNorm.builder().build()).add(Activation::relu);
        int next = 1;
        for (int stage = 0; stage < STAGE_CHANNELS.length; stage++) {
            for (int block = 0; block < BLOCKS_PER_STAGE; block++) {
                LayerSpec conv1 = layers.get(next++);
                LayerSpec conv2 = layers.get(next++);
                net.add(
                        new ResidualUnit(
                                layerBlock(conv1),
                                layerBlock(conv2),
                                conv1.inChannels(),
                                conv1.outChannels(),
                                conv1.stride()));
            }
        }
        net.add(Pool.globalAvgPool2dBlock())
                .add(Blocks.batchFlattenBlock())
                .add(layerBlock(layers.get(next)));
        return net;
    }

    private Block layerBlock(LayerSpec spec) {
        long fanIn = (long) spec.inChannels() * spec.kernel() * spec.kernel();
        if (spec.kind() == LayerSpec.Kind.LINEAR && !spec.shifted()) {
            Linear linear =
                    Linear.builder().setUnits(spec.outChannels()).optBias(spec.bias()).build();
            linear.setInitializer(
                    ShiftInitializers.uniformFanIn(spec.inChannels()), Parameter.Type.WEIGHT);
            return linear;
        }
        if (spec.kind() == LayerSpec.Kind.LINEAR) {
            return new ShiftLinear(settings, spec.inChannels(), spec.outChannels(), spec.bias());
        }
        if (spec.shifted()) {
            return new ShiftConv2d(
                    settings,
                    spec.inChannels(),
                    spec.outChannels(),
                    spec.kernel(),
                    spec.stride(),
                    spec.kernel() / 2,
                    spec.bias());
        }
        Conv2d conv =
                Conv2d.builder()
                        .setKernelShape(new Shape(spec.kernel(), spec.kernel()))
                        .setFilters(spec.outChannels())
                        .optStride(new Shape(spec.stride(), spec.stride()))
                        .optPadding(new Shape(spec.kernel() / 2, spec.kernel() / 2))
                        .optBias(spec.bias())
                        .build();
        conv.setInitializer(ShiftInitializers.uniformFanIn(fanIn), Parameter.Type.WEIGHT);
        return conv;
    }

    /** Input shape for a batch of {@code batchSize} images. */
    public Shape inputShape(int batchSize) {
        return new Shape(batchSize, inputChannels, imageSize, imageSize);
    }

    /** Channels of the input images (3 for RGB, 1 for gray). */
    public int inputChannels() {
        return inputChannels;
    }

    /** Builder of {@link ResNet20}. */
    public static final class Builder {
        private Integer shiftDepth;
        private ShiftSettings settings;
        private int numClasses = 10;
        private int imageSize = 32;
        private int inputChannels = 3;
        private boolean dense;

        private Builder() {}

        /**
         * Every layer dense, the linear one included: the float ResNet20 (shift depth and settings
         * unused).
         */
        public Builder optFloat() {
            this.dense = true;
            return this;
        }

        /** Number of final convolutions to turn into shift layers: 0 none, 19 or more all. */
        public Builder setShiftDepth(int shiftDepth) {
            this.shiftDepth = shiftDepth;
            return this;
        }

        /** Quantisation of the shift layers. */
        public Builder setShiftSettings(ShiftSettings settings) {
            this.settings = settings;
            return this;
        }

        /** Number of classes (default 10). */
        public Builder optNumClasses(int numClasses) {
            this.numClasses = numClasses;
            return this;
        }

        /**
         * Square image size (default 32); must be a multiple of 4 so both stride-2 stages halve it.
         */
        public Builder optImageSize(int imageSize) {
            this.imageSize = imageSize;
            return this;
        }

        /**
         * Channels of the input images (default 3, RGB; 1 for gray images such as Fashion-MNIST).
         */
        public Builder optInputChannels(int inputChannels) {
            this.inputChannels = inputChannels;
            return this;
        }

        /** Checks the fields and builds. */
        public ResNet20 build() {
            if (shiftDepth == null || shiftDepth < 0) {
                throw new IllegalArgumentException(
                        "shift_depth must be set and >= 0, got " + shiftDepth);
            }
            Objects.requireNonNull(settings, "shiftSettings must be set");
            if (numClasses < 2) {
                throw new IllegalArgumentException("numClasses must be >= 2, got " + numClasses);
            }
            if (imageSize < 4 || imageSize % 4 != 0) {
                throw new IllegalArgumentException(
                        "imageSize must be a positive multiple of 4, got " + imageSize);
            }
            if (inputChannels < 1 || inputChannels > 4) {
                throw new IllegalArgumentException(
                        "inputChannels must be 1-4, got " + inputChannels);
            }
            return new ResNet20(this);
        }
    }
}
