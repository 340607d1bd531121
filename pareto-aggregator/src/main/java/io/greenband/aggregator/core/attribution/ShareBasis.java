package io.greenband.aggregator.core.attribution;

/** How a trial's share of a device or host component was computed. */
public enum ShareBasis {
    /** The trial held the GPU alone: all of it is the trial's. */
    EXCLUSIVE_DEVICE,
    /** A shared GPU split by the per-process utilization the monitor reported. */
    SM_UTIL,
    /** The trial's CPU time against the host's busy CPU time. */
    CPU_TIME,
    /** The trial's resident memory against the host's installed memory. */
    RSS,
    /** Split evenly among the trials running (nothing better was known). */
    EQUAL
}
