package io.greenband.trainer.dsnn;

/**
 * One weighted layer of a network plan: enough to build it and to count its work and storage.
 *
 * @param name layer name in definition order, e.g. {@code stage2.block0.conv1}
 * @param kind convolution or linear
 * @param shifted whether the layer is a shift layer
 * @param inChannels input channels (features for linear)
 * @param outChannels output channels (features for linear)
 * @param kernel square kernel size (1 for linear)
 * @param stride stride (1 for linear)
 * @param inputSize spatial input size (1 for linear)
 * @param bias whether the layer has a bias
 */
public record LayerSpec(
        String name,
        Kind kind,
        boolean shifted,
        int inChannels,
        int outChannels,
        int kernel,
        int stride,
        int inputSize,
        boolean bias) {

    /** Layer kind. */
    public enum Kind {
        /** 2-D convolution with padding {@code kernel / 2}. */
        CONV,
        /** Fully connected layer. */
        LINEAR
    }

    /** Spatial output size (convolutions pad by {@code kernel / 2}). */
    public int outputSize() {
        return kind == Kind.LINEAR ? 1 : (inputSize + 2 * (kernel / 2) - kernel) / stride + 1;
    }

    /** Number of weights, bias excluded. */
    public long weightCount() {
        return (long) inChannels * outChannels * kernel * kernel;
    }

    /** Multiply-accumulates per image. */
    public long macsPerImage() {
        return weightCount() * outputSize() * outputSize();
    }
}
