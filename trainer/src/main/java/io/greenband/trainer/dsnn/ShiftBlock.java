package io.greenband.trainer.dsnn;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.Objects;

/**
 * Common part of the shift convolution and shift linear blocks: the latent parameters of Q ({@code
 * weight}) or PS ({@code shift}, {@code sign}), the optional {@code bias}, the weight map, the
 * in-place latent clamp and the PS shift penalty.
 */
public abstract class ShiftBlock extends AbstractBlock {

    /** Parameter name of the Q latent weight. */
    public static final String WEIGHT = "weight";

    /**
     * Parameter name of the PS shift tensor (no weight decay; penalised by {@link #shiftPenalty}).
     */
    public static final String SHIFT = "shift";

    /** Parameter name of the PS sign tensor (no weight decay). */
    public static final String SIGN = "sign";

    /** Parameter name of the bias. */
    public static final String BIAS = "bias";

    private static final byte VERSION = 1;

    protected final ShiftSettings settings;
    private final Shape weightShape;
    private final Parameter weight;
    private final Parameter shift;
    private final Parameter sign;
    protected final Parameter bias;

    /**
     * @param settings quantisation of this layer
     * @param weightShape shape of the effective weight
     * @param fanIn inputs per output, for the initialisers
     * @param withBias whether the layer adds a bias
     */
    protected ShiftBlock(ShiftSettings settings, Shape weightShape, long fanIn, boolean withBias) {
        super(VERSION);
        this.settings = Objects.requireNonNull(settings, "settings");
        this.weightShape = weightShape;
        int minShift = settings.minShift();
        if (settings.type() == ShiftType.Q) {
            weight =
                    addParameter(
                            Parameter.builder()
                                    .setName(WEIGHT)
                                    .setType(Parameter.Type.WEIGHT)
                                    .optShape(weightShape)
                                    .optInitializer(ShiftInitializers.uniformFanIn(fanIn))
                                    .build());
            shift = null;
            sign = null;
        } else {
            weight = null;
            shift =
                    addParameter(
                            Parameter.builder()
                                    .setName(SHIFT)
                                    .setType(Parameter.Type.OTHER)
                                    .optShape(weightShape)
                                    .optInitializer(
                                            ShiftInitializers.shiftFromDense(fanIn, minShift))
                                    .build());
            sign =
                    addParameter(
                            Parameter.builder()
                                    .setName(SIGN)
                                    .setType(Parameter.Type.OTHER)
                                    .optShape(weightShape)
                                    .optInitializer(ShiftInitializers.signFromDense())
                                    .build());
        }
        bias =
                withBias
                        ? addParameter(
                                Parameter.builder()
                                        .setName(BIAS)
                                        .setType(Parameter.Type.BIAS)
                                        .optShape(new Shape(weightShape.get(0)))
                                        .optInitializer(ShiftInitializers.uniformFanIn(fanIn))
                                        .build())
                        : null;
    }

    /** The quantisation settings of this layer. */
    public ShiftSettings settings() {
        return settings;
    }

    /** Shape of the effective weight (out, in[, kh, kw]). */
    public Shape weightShape() {
        return weightShape;
    }

    /** Number of weights (each stored in {@code weightBits} bits once trained). */
    public long weightCount() {
        return weightShape.size();
    }

    /**
     * The weight used in the forward pass: signed powers of two with straight-through gradients.
     * Stochastic rounding applies only while training; evaluation rounds deterministically. A new
     * array, which the caller closes once the layer's operation has consumed it.
     */
    protected NDArray effectiveWeight(ParameterStore store, Device device, boolean training) {
        Rounding rounding = training ? settings.rounding() : Rounding.DETERMINISTIC;
        if (settings.type() == ShiftType.Q) {
            return ShiftWeights.weightQ(
                    store.getValue(weight, device, training), settings.minShift(), rounding);
        }
        return ShiftWeights.weightPs(
                store.getValue(shift, device, training),
                store.getValue(sign, device, training),
                rounding);
    }

    /** Fixed-point bias for the forward pass (straight-through), or null without bias. */
    protected NDArray effectiveBias(ParameterStore store, Device device, boolean training) {
        return bias == null
                ? null
                : settings.activations().quantizeSte(store.getValue(bias, device, training));
    }

    /**
     * Clamps the latent parameters in place (Q: magnitude into {@code [2^minShift, 1]}; PS: shift
     * into {@code [minShift, 0]}). Call after initialisation and after every optimiser step,
     * outside any gradient collector; the PS sign latent is left unclamped, as in the reference.
     */
    public void clampLatent() {
        if (settings.type() == ShiftType.Q) {
            NDArray w = weight.getArray();
            try (NDArray clamped = ShiftWeights.clampQ(w, settings.minShift())) {
                ShiftMath.assign(w, clamped);
            }
        } else {
            NDArray p = shift.getArray();
            try (NDArray clamped = ShiftWeights.clampShift(p, settings.minShift())) {
                ShiftMath.assign(p, clamped);
            }
        }
    }

    /** The deployed weight: deterministic signed powers of two, no gradient. Caller closes it. */
    public NDArray exportWeight() {
        if (settings.type() == ShiftType.Q) {
            NDArray w = weight.getArray();
            return ShiftWeights.quantizeQ(
                    ShiftWeights.clampQ(w, settings.minShift()),
                    settings.minShift(),
                    Rounding.DETERMINISTIC);
        }
        NDArray p = ShiftWeights.clampShift(shift.getArray(), settings.minShift()).round();
        return ShiftWeights.ternarySign(sign.getArray(), Rounding.DETERMINISTIC)
                .mul(ShiftMath.pow2(p));
    }

    /** The deployed bias on the activation grid, or null without bias. Caller closes it. */
    public NDArray exportBias() {
        return bias == null ? null : settings.activations().quantize(bias.getArray());
    }

    /**
     * PS penalty {@code sum (2^P)^2} over this layer's latent shifts (0-d array, on the graph when
     * collecting gradients); null for Q. The trainer adds {@code weightDecay / 2} times it to the
     * loss instead of decaying shifts.
     */
    public NDArray shiftPenalty() {
        if (shift == null) {
            return null;
        }
        try (NDArray doubled = shift.getArray().mul(2);
                NDArray squares = ShiftMath.pow2(doubled)) {
            return squares.sum();
        }
    }
}
