package io.greenband.energy.estimate;

import io.greenband.energy.source.Method;
import java.util.Locale;

/** How CPU power is modelled from the TDP when nothing measures it. */
public enum CpuPowerModel {
    /**
     * P = TDP × (0.1 + 0.9 u): a tenth of the TDP at idle plus the TDP per core for each busy core,
     * so every CPU-second costs the same (0.9 × TDP / cores) whatever else the host runs, and a
     * process is charged by its own CPU time (CodeCarbon's process-mode rule, above the idle
     * tenth).
     */
    CPU_TIME(Method.CPU_LOAD_MODEL),
    /**
     * P = TDP × (0.1 + 0.9 u³): a tenth of the TDP at idle, rising steeply with load (the curve
     * CodeCarbon v3 uses in its load mode).
     */
    CPU_LOAD(Method.CPU_LOAD_MODEL),
    /** P = TDP / 2 whatever the load. */
    CONSTANT(Method.TDP_CONSTANT);

    /** Share of the TDP drawn at idle in the load model. */
    public static final double IDLE_SHARE = 0.1;

    /** Share of the TDP drawn by the constant model. */
    public static final double CONSTANT_SHARE = 0.5;

    private final Method method;

    CpuPowerModel(Method method) {
        this.method = method;
    }

    /** The method label published with estimates of this model. */
    public Method method() {
        return method;
    }

    /**
     * Power in watts for a machine of {@code tdpWatts} at busy fraction {@code utilization} (0..1).
     */
    public double watts(double tdpWatts, double utilization) {
        if (!(tdpWatts > 0)) {
            throw new IllegalArgumentException("tdpWatts must be positive, was " + tdpWatts);
        }
        double u = Math.max(0.0, Math.min(1.0, utilization));
        return switch (this) {
            case CPU_TIME -> tdpWatts * (IDLE_SHARE + (1 - IDLE_SHARE) * u);
            case CPU_LOAD -> tdpWatts * (IDLE_SHARE + (1 - IDLE_SHARE) * u * u * u);
            case CONSTANT -> tdpWatts * CONSTANT_SHARE;
        };
    }

    /**
     * Parses {@code cpu_time}, {@code cpu_load} or {@code constant} (case and dash/underscore
     * insensitive).
     */
    public static CpuPowerModel parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        return switch (t) {
            case "cpu_time", "time" -> CPU_TIME;
            case "cpu_load", "load" -> CPU_LOAD;
            case "constant" -> CONSTANT;
            default ->
                    throw new IllegalArgumentException(
                            "cpu estimate model '"
                                    + text
                                    + "' is unknown; use cpu_time, cpu_load or constant");
        };
    }
}
