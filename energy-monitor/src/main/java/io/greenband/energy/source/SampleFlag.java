package io.greenband.energy.source;

/** Conditions worth knowing about a reading or a window; they travel with the published sample. */
public enum SampleFlag {
    /**
     * The tick came much later than scheduled (GC pause, CPU starvation); energy is still right.
     */
    GAP,
    /**
     * A counter went backwards (driver reload, counter without a known range): interval dropped.
     */
    RESET,
    /** The interval's power exceeded what the device can draw; interval dropped. */
    IMPLAUSIBLE,
    /** A RAPL interval was long enough for the counter to wrap more than once. */
    POSSIBLE_MISSED_WRAP,
    /** The device stopped answering (e.g. NVML GPU_IS_LOST); it is no longer sampled. */
    DEVICE_LOST,
    /** A value could not be read for lack of permission. */
    PERMISSION_DENIED,
    /** No energy could be obtained for this device in this tick. */
    NO_DATA,
    /** A RAPL counter wrapped around in this tick and was corrected with its range. */
    WRAPPED
}
