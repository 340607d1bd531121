package io.greenband.events.study;

import io.greenband.events.payload.Direction;
import io.greenband.events.payload.Fidelity;
import io.greenband.events.payload.Objective;
import io.greenband.events.payload.StudyDefined;
import io.greenband.events.space.DsnnSpace;
import java.util.List;

/**
 * Defaults a study file may leave out (per-section defaults live in the payload records
 * themselves).
 */
public final class StudyDefaults {

    /**
     * The paper's two objectives: validation error (from the trainer) and emissions (from the
     * aggregator's energy accounting), both minimized.
     */
    public static final List<Objective> OBJECTIVES =
            List.of(
                    Objective.of("val_error", Direction.MINIMIZE, "metric:val_error"),
                    new Objective(
                            "emissions_g",
                            Direction.MINIMIZE,
                            "energy:emissions_g",
                            "g",
                            null,
                            null));

    /**
     * The fidelity of studies on the bundled DSNN space: shift depth up to {@link
     * DsnnSpace#SHIFT_DEPTH_MAX}. Table 1's range starts at 0, but Hyperband needs a positive
     * minimum budget; 2 with eta 3 gives three rungs (about 2.2, 6.7 and 20 shift layers).
     */
    public static final Fidelity DSNN_FIDELITY =
            new Fidelity(Fidelity.Knob.SHIFT_DEPTH, 2, DsnnSpace.SHIFT_DEPTH_MAX, 3);

    private StudyDefaults() {}

    /**
     * The paper's study: the bundled DSNN space, {@link #OBJECTIVES}, {@link #DSNN_FIDELITY} and
     * every section's defaults (Hyperband with ParEGO, 100 trials, world-average carbon intensity).
     */
    public static StudyDefined dsnn(String studyId, long seed) {
        return new StudyDefined(
                studyId,
                null,
                "DSNN on the space of the paper's Table 1",
                null,
                DsnnSpace.json(),
                OBJECTIVES,
                DSNN_FIDELITY,
                null,
                null,
                null,
                seed,
                null,
                null);
    }
}
