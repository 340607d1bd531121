package io.greenband.trainer.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Base of our DJL optimisers: a learning-rate tracker, weight decay per parameter id (0 for PS
 * shifts and signs), a per-parameter step count and per-parameter state tensors. Updates run in
 * place on the parameter, in a scope that frees every temporary. Single-device training.
 */
public abstract class GroupedOptimizer extends Optimizer {

    private final Tracker learningRate;
    private final Map<String, Float> weightDecays;
    private final float defaultWeightDecay;
    private final Map<String, Integer> steps = new HashMap<>();
    private final Map<String, NDArray[]> states = new HashMap<>();

    protected GroupedOptimizer(Builder builder) {
        super(builder);
        this.learningRate =
                Objects.requireNonNull(builder.learningRate, "learningRate must be set");
        this.weightDecays = Map.copyOf(builder.weightDecays);
        this.defaultWeightDecay = builder.defaultWeightDecay;
    }

    @Override
    public final void update(String parameterId, NDArray weight, NDArray grad) {
        int step = steps.merge(parameterId, 1, Integer::sum);
        float lr = learningRate.getNewValue(step - 1);
        float decay = weightDecays.getOrDefault(parameterId, defaultWeightDecay);
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDArray[] state = states.get(parameterId);
            if (state == null) {
                state = newState(weight);
                NDScope.unregister(state);
                states.put(parameterId, state);
            }
            // a rescale of 1 without clipping would only copy the gradient (x * 1 is exact): skip
            // the copy
            NDArray g =
                    clipGrad > 0
                            ? grad.mul(rescaleGrad).clip(-clipGrad, clipGrad)
                            : rescaleGrad == 1f ? grad : grad.mul(rescaleGrad);
            apply(weight, g, state, step, lr, decay);
        }
    }

    /**
     * State tensors of a parameter, created at its first update (zeros or copies of the weight).
     */
    protected abstract NDArray[] newState(NDArray weight);

    /**
     * Updates {@code weight} in place.
     *
     * @param weight the parameter
     * @param grad its gradient (already rescaled and clipped)
     * @param state the tensors from {@link #newState}, updated in place
     * @param step 1-based update count of this parameter
     * @param lr learning rate of this step
     * @param weightDecay weight decay of this parameter's group
     */
    protected abstract void apply(
            NDArray weight, NDArray grad, NDArray[] state, int step, float lr, float weightDecay);

    /**
     * The gradient with L2 weight decay added, PyTorch's coupled form ({@code g + wd*w}); RAdam and
     * Ranger decouple the decay instead and do not use this.
     */
    protected static NDArray withL2(NDArray weight, NDArray grad, float weightDecay) {
        return weightDecay != 0 ? grad.add(weight.mul(weightDecay)) : grad;
    }

    /** Zeros shaped like {@code weight}. */
    protected static NDArray zerosLike(NDArray weight) {
        return weight.zerosLike();
    }

    /** Settings shared by all our optimisers. */
    public static final class Builder extends OptimizerBuilder<Builder> {
        private Tracker learningRate;
        private Map<String, Float> weightDecays = Map.of();
        private float defaultWeightDecay;

        /** Learning rate per update (see {@link LearningRateSchedule#perUpdate}). */
        public Builder setLearningRate(Tracker learningRate) {
            this.learningRate = learningRate;
            return this;
        }

        /** Weight decay by parameter id (see {@link ParameterGroup#weightDecays}). */
        public Builder optWeightDecays(Map<String, Float> weightDecays) {
            this.weightDecays = Objects.requireNonNull(weightDecays, "weightDecays");
            return this;
        }

        /** Weight decay of parameters absent from the map (default 0). */
        public Builder optDefaultWeightDecay(float weightDecay) {
            if (weightDecay < 0) {
                throw new IllegalArgumentException("weight_decay must be >= 0, got " + weightDecay);
            }
            this.defaultWeightDecay = weightDecay;
            return this;
        }

        @Override
        protected Builder self() {
            return this;
        }
    }
}
