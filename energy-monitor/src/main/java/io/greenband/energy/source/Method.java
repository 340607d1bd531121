package io.greenband.energy.source;

import java.util.Locale;

/** How a device's energy is obtained, and therefore how the sampler turns readings into joules. */
public enum Method {
    /** NVML's cumulative energy counter (Volta and newer). */
    NVML_ENERGY_COUNTER(Basis.COUNTER, false),
    /**
     * NVML board power integrated over time (trapezoid) by the source, where the counter is not
     * supported; handed to the sampler as a running counter in joules.
     */
    NVML_POWER_INTEGRATION(Basis.COUNTER, false),
    /** A RAPL {@code energy_uj} counter, wrap-around already corrected by the reader. */
    RAPL(Basis.COUNTER, false),
    /** TDP scaled by machine CPU load (a CodeCarbon-style curve). */
    CPU_LOAD_MODEL(Basis.MEAN_POWER, true),
    /** Half of the TDP, whatever the load. */
    TDP_CONSTANT(Basis.MEAN_POWER, true),
    /** Memory power from an estimated DIMM count (CodeCarbon v3 heuristic). */
    RAM_DIMM_MODEL(Basis.MEAN_POWER, true),
    /** Memory power proportional to its size. */
    RAM_PER_GB(Basis.MEAN_POWER, true),
    /** A configured memory power. */
    RAM_FIXED(Basis.MEAN_POWER, true);

    /** What a reading's number means for this method. */
    public enum Basis {
        /** A cumulative counter in joules: energy is the difference of two readings. */
        COUNTER,
        /** Mean power since the previous reading: energy is that power times the interval. */
        MEAN_POWER
    }

    private final Basis basis;
    private final boolean estimated;

    Method(Basis basis, boolean estimated) {
        this.basis = basis;
        this.estimated = estimated;
    }

    /** How readings of this method become energy. */
    public Basis basis() {
        return basis;
    }

    /** Whether the method is a model rather than a measurement. */
    public boolean estimated() {
        return estimated;
    }

    /** The lower-case label used in events and metrics, e.g. {@code nvml_energy_counter}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
