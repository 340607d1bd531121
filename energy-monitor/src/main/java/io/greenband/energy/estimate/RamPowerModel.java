package io.greenband.energy.estimate;

import io.greenband.energy.source.Method;
import java.util.Locale;

/**
 * How memory power is estimated from its size when no DRAM counter exists. Numbers are
 * order-of-magnitude models, published as estimates.
 */
public enum RamPowerModel {
    /**
     * Watts from an estimated DIMM count with diminishing power per extra DIMM (CodeCarbon v3's
     * rules).
     */
    DIMM_MODEL(Method.RAM_DIMM_MODEL),
    /** A constant {@link #WATTS_PER_GB} per gigabyte (CodeCarbon v2). */
    PER_GB(Method.RAM_PER_GB),
    /** The configured wattage. */
    FIXED(Method.RAM_FIXED);

    /** Watts per GB of the per-GB model: 3 W per 8 GB. */
    public static final double WATTS_PER_GB = 3.0 / 8.0;

    /** Watts per DIMM on x86 and on ARM. */
    public static final double DIMM_WATTS_X86 = 5.0;

    public static final double DIMM_WATTS_ARM = 1.5;

    /** Least memory power on x86 and on ARM. */
    public static final double MIN_WATTS_X86 = 10.0;

    public static final double MIN_WATTS_ARM = 3.0;

    /** Most DIMMs the model assumes. */
    public static final int MAX_DIMMS = 32;

    private final Method method;

    RamPowerModel(Method method) {
        this.method = method;
    }

    /** The method label published with this model's estimates. */
    public Method method() {
        return method;
    }

    /**
     * Memory power in watts.
     *
     * @param totalGb installed memory in GB
     * @param arm whether the machine is ARM (lower power per DIMM)
     * @param fixedWatts the configured power, used by {@link #FIXED}
     */
    public double watts(double totalGb, boolean arm, double fixedWatts) {
        return switch (this) {
            case PER_GB -> totalGb * WATTS_PER_GB;
            case FIXED -> fixedWatts;
            case DIMM_MODEL -> dimmWatts(dimms(totalGb), arm);
        };
    }

    /** Estimated DIMM count for {@code totalGb} of memory. */
    static int dimms(double totalGb) {
        if (totalGb <= 2) {
            return 1;
        }
        if (totalGb <= 16) {
            return 2;
        }
        if (totalGb <= 64) {
            return 4;
        }
        if (totalGb <= 128) {
            return 8;
        }
        // Large machines: the biggest common module size that still gives at least 8 modules.
        int module = 4;
        for (int size : new int[] {8, 16, 32, 64, 128}) {
            if (size <= totalGb / 8) {
                module = size;
            }
        }
        return (int) Math.min(MAX_DIMMS, Math.ceil(totalGb / module));
    }

    /**
     * Power of {@code dimms} modules: full for the first 4, then 90 %, 80 % (9–16) and 70 % beyond.
     */
    static double dimmWatts(int dimms, boolean arm) {
        double per = arm ? DIMM_WATTS_ARM : DIMM_WATTS_X86;
        double w = 0;
        for (int i = 1; i <= dimms; i++) {
            w += per * (i <= 4 ? 1.0 : i <= 8 ? 0.9 : i <= 16 ? 0.8 : 0.7);
        }
        return Math.max(arm ? MIN_WATTS_ARM : MIN_WATTS_X86, w);
    }

    /** Parses {@code dimm_model}, {@code per_gb} or {@code fixed}. */
    public static RamPowerModel parse(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT).replace('-', '_')) {
            case "dimm_model", "dimm" -> DIMM_MODEL;
            case "per_gb" -> PER_GB;
            case "fixed" -> FIXED;
            default ->
                    throw new IllegalArgumentException(
                            "ram estimate model '"
                                    + text
                                    + "' is unknown; use dimm_model, per_gb, fixed or off");
        };
    }
}
