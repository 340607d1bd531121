package io.greenband.trainer.runner;

import io.greenband.trainer.dsnn.LayerSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Work and storage of a network plan: multiply-accumulates done by shift layers versus all, and
 * weight storage with shift weights at {@code weight_bits} and everything else at 32 bits. Every
 * convolution is followed by a batch norm with a scale and a shift per channel.
 *
 * @param shiftMacsPerImage MACs per image in shift layers
 * @param totalMacsPerImage MACs per image in all convolution and linear layers
 * @param storageBits weight storage in bits
 * @param denseStorageBits the same network stored in 32-bit floats
 * @param parameters trainable scalars of the effective network
 */
public record NetworkCost(
        long shiftMacsPerImage,
        long totalMacsPerImage,
        long storageBits,
        long denseStorageBits,
        long parameters) {

    private static final int FLOAT_BITS = 32;

    /** Costs of {@code layers} with shift weights of {@code weightBits} bits. */
    public static NetworkCost of(List<LayerSpec> layers, int weightBits) {
        long shiftMacs = 0;
        long totalMacs = 0;
        long bits = 0;
        long parameters = 0;
        for (LayerSpec layer : layers) {
            long extra =
                    (layer.bias() ? layer.outChannels() : 0)
                            + (layer.kind() == LayerSpec.Kind.CONV ? 2L * layer.outChannels() : 0);
            totalMacs += layer.macsPerImage();
            shiftMacs += layer.shifted() ? layer.macsPerImage() : 0;
            bits +=
                    layer.weightCount() * (layer.shifted() ? weightBits : FLOAT_BITS)
                            + extra * FLOAT_BITS;
            parameters += layer.weightCount() + extra;
        }
        return new NetworkCost(shiftMacs, totalMacs, bits, parameters * FLOAT_BITS, parameters);
    }

    /** These costs under their metric names. */
    public Map<String, Double> metrics() {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put(MetricNames.SHIFT_MACS_PER_IMAGE, (double) shiftMacsPerImage);
        metrics.put(MetricNames.TOTAL_MACS_PER_IMAGE, (double) totalMacsPerImage);
        metrics.put(MetricNames.SHIFT_MAC_FRACTION, (double) shiftMacsPerImage / totalMacsPerImage);
        metrics.put(MetricNames.WEIGHT_STORAGE_BITS, (double) storageBits);
        metrics.put(MetricNames.DENSE_WEIGHT_STORAGE_BITS, (double) denseStorageBits);
        metrics.put(MetricNames.PARAMETERS, (double) parameters);
        return metrics;
    }
}
