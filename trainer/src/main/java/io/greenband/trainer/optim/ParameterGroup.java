package io.greenband.trainer.optim;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import io.greenband.trainer.dsnn.ShiftBlock;
import java.util.HashMap;
import java.util.Map;

/**
 * Parameter groups of a shift network. Only {@link #DECAYED} parameters get weight decay: PS shifts
 * are penalised through the loss instead, PS signs not at all (as in the reference).
 */
public enum ParameterGroup {
    /** Dense and Q weights, biases, batch-norm parameters. */
    DECAYED,
    /** PS shift tensors. */
    SHIFT,
    /** PS sign tensors. */
    SIGN;

    /** Group of a parameter by its name. */
    public static ParameterGroup of(Parameter parameter) {
        return switch (parameter.getName()) {
            case ShiftBlock.SHIFT -> SHIFT;
            case ShiftBlock.SIGN -> SIGN;
            default -> DECAYED;
        };
    }

    /** Weight decay per parameter id of every parameter of {@code root}. */
    public static Map<String, Float> weightDecays(Block root, float weightDecay) {
        Map<String, Float> decays = new HashMap<>();
        for (Parameter parameter : root.getParameters().values()) {
            decays.put(parameter.getId(), of(parameter) == DECAYED ? weightDecay : 0f);
        }
        return decays;
    }
}
