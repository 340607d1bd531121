package io.greenband.energy.nvml;

/**
 * One NVML per-process utilization sample.
 *
 * @param pid host process id
 * @param timestampMicros the sample's CPU timestamp in microseconds (pass the largest seen to ask
 *     for newer ones)
 * @param smUtilPct SM utilization over the sample period, percent
 */
public record ProcessSmSample(long pid, long timestampMicros, int smUtilPct) {}
