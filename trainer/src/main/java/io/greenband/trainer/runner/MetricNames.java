package io.greenband.trainer.runner;

/** Names of the metrics in a {@link TrialResult}. */
public final class MetricNames {

    /** Validation cross entropy after the last epoch. */
    public static final String VALIDATION_LOSS = "validation_loss";

    /** Validation accuracy after the last epoch, in [0, 1]. */
    public static final String VALIDATION_ACCURACY = "validation_accuracy";

    /** Test cross entropy (only when requested). */
    public static final String TEST_LOSS = "test_loss";

    /** Test accuracy (only when requested). */
    public static final String TEST_ACCURACY = "test_accuracy";

    /**
     * Mean training cross entropy of the last epoch (without the PS shift penalty, so it compares
     * with validation_loss).
     */
    public static final String TRAIN_LOSS = "train_loss";

    /**
     * Mean PS shift penalty {@code weight_decay/2 * sum (2^P)^2} added to the training loss in the
     * last epoch; only for networks with shift layers trained with weight decay (the penalty is
     * computed for PS layers and is 0 for Q).
     */
    public static final String TRAIN_SHIFT_PENALTY = "train_shift_penalty";

    /** Training accuracy of the last epoch. */
    public static final String TRAIN_ACCURACY = "train_accuracy";

    /** Training throughput: images per second of training-step time. */
    public static final String TRAIN_IMAGES_PER_SECOND = "train_images_per_second";

    /** Inference throughput: validation images per second of forward-only time. */
    public static final String INFERENCE_IMAGES_PER_SECOND = "inference_images_per_second";

    /** Wall time of the training steps, in seconds. */
    public static final String TRAINING_SECONDS = "training_seconds";

    /** Epochs completed. */
    public static final String EPOCHS_COMPLETED = "epochs_completed";

    /** Training images seen (all epochs). */
    public static final String TRAINING_IMAGES = "training_images";

    /**
     * Images scored in evaluation passes (validation after every epoch, and the test set when
     * scored).
     */
    public static final String INFERENCE_IMAGES = "inference_images";

    /**
     * Wall time of those evaluation passes, in seconds (with {@link #TRAINING_SECONDS}: energy per
     * image).
     */
    public static final String INFERENCE_SECONDS = "inference_seconds";

    /** Multiply-accumulates per image done by shift layers (shift-and-add instead of multiply). */
    public static final String SHIFT_MACS_PER_IMAGE = "shift_macs_per_image";

    /** All multiply-accumulates per image of the convolution and linear layers. */
    public static final String TOTAL_MACS_PER_IMAGE = "total_macs_per_image";

    /** {@code shift_macs_per_image / total_macs_per_image}. */
    public static final String SHIFT_MAC_FRACTION = "shift_mac_fraction";

    /**
     * Bits to store the weights: shift weights at weight_bits, others (biases, batch norm) at 32.
     */
    public static final String WEIGHT_STORAGE_BITS = "weight_storage_bits";

    /** The same network stored entirely in 32-bit floats. */
    public static final String DENSE_WEIGHT_STORAGE_BITS = "dense_weight_storage_bits";

    /**
     * Trainable scalars of the effective network (PS counts one per weight, not shift plus sign).
     */
    public static final String PARAMETERS = "parameters";

    private MetricNames() {}

    /**
     * Runner names that events spell differently (a result's {@code validation_loss} is published
     * as {@code val_loss}).
     */
    public static final java.util.Map<String, String> EVENT_NAMES =
            java.util.Map.of(
                    VALIDATION_LOSS, "val_loss",
                    VALIDATION_ACCURACY, "val_accuracy",
                    TRAINING_SECONDS, "train_seconds",
                    TRAIN_IMAGES_PER_SECOND, "images_per_second");

    /**
     * The names a set of runner metrics is published under, {@code val_error} included when
     * accuracy is there.
     */
    public static java.util.Set<String> eventNames(java.util.Collection<String> runnerNames) {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        for (String n : runnerNames) {
            out.add(EVENT_NAMES.getOrDefault(n, n));
        }
        if (out.contains("val_accuracy")) {
            out.add("val_error");
        }
        return out;
    }
}
