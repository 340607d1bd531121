package io.greenband.trainer.optim;

import ai.djl.nn.Block;
import ai.djl.training.optimizer.Optimizer;
import java.util.Objects;

/**
 * The optimiser hyperparameters of a trial.
 *
 * @param kind which optimiser
 * @param learningRate initial learning rate (> 0)
 * @param momentum momentum for SGD and RMSProp, in [0, 1); ignored by the others
 * @param weightDecay L2 weight decay (decoupled for RAdam and Ranger) of the decayed group, >= 0
 */
public record OptimizerSettings(
        OptimizerKind kind, float learningRate, float momentum, float weightDecay) {

    /** Checks the fields, naming the offending one. */
    public OptimizerSettings {
        Objects.requireNonNull(kind, "optimizer");
        if (!(learningRate > 0) || !Float.isFinite(learningRate)) {
            throw new IllegalArgumentException(
                    "learning_rate must be a positive number, got " + learningRate);
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        }
        if (!(weightDecay >= 0) || !Float.isFinite(weightDecay)) {
            throw new IllegalArgumentException("weight_decay must be >= 0, got " + weightDecay);
        }
    }

    /**
     * A new optimiser for the parameters of {@code root}: weight decay only on the decayed group,
     * learning rate from {@code schedule} stepped every {@code stepsPerEpoch} updates.
     */
    public Optimizer newOptimizer(Block root, LearningRateSchedule schedule, int stepsPerEpoch) {
        GroupedOptimizer.Builder builder =
                new GroupedOptimizer.Builder()
                        .setLearningRate(schedule.perUpdate(stepsPerEpoch))
                        .optWeightDecays(ParameterGroup.weightDecays(root, weightDecay));
        return switch (kind) {
            case SGD -> new SgdOptimizer(builder, momentum);
            case ADAM -> new AdamOptimizer(builder);
            case ADAGRAD -> new AdagradOptimizer(builder);
            case ADADELTA -> new AdadeltaOptimizer(builder);
            case RMSPROP -> new RmsPropOptimizer(builder, momentum);
            case RADAM -> new RAdam(builder);
            case RANGER -> new Ranger(builder);
        };
    }
}
