package io.greenband.benchmarks;

import io.greenband.trainer.dsnn.ResNet20;
import io.greenband.trainer.dsnn.ShiftSettings;
import io.greenband.trainer.dsnn.ShiftType;
import java.util.List;

/**
 * A network the trainer benchmark measures: the float ResNet20, or the DSNN with a shift type and
 * depth.
 *
 * @param name JSON key: {@code float}, {@code q-<depth>} or {@code ps-<depth>}
 * @param type shift type, null for float
 * @param depth shift depth (0: only the linear layer shifted; 19: every layer)
 */
record TrainerVariant(String name, ShiftType type, int depth) {

    /** The variants of one run, float first. */
    static final List<TrainerVariant> ALL =
            List.of(
                    new TrainerVariant("float", null, 0),
                    dsnn(ShiftType.Q, 0),
                    dsnn(ShiftType.Q, 10),
                    dsnn(ShiftType.Q, 19),
                    dsnn(ShiftType.PS, 0),
                    dsnn(ShiftType.PS, 10),
                    dsnn(ShiftType.PS, 19));

    private static TrainerVariant dsnn(ShiftType type, int depth) {
        return new TrainerVariant(
                type.name().toLowerCase(java.util.Locale.ROOT) + "-" + depth, type, depth);
    }

    /**
     * The network plan: the trainer's default shift settings (5 bits, 16.16 fixed point,
     * deterministic).
     */
    ResNet20 plan() {
        ResNet20.Builder builder =
                ResNet20.builder()
                        .setShiftDepth(depth)
                        .setShiftSettings(
                                ShiftSettings.defaults(type == null ? ShiftType.Q : type));
        return (type == null ? builder.optFloat() : builder).build();
    }
}
