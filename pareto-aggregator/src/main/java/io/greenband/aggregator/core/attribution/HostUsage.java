package io.greenband.aggregator.core.attribution;

import java.util.Map;

/**
 * What the host's processes used during one host-component sample, reduced to what splitting it
 * needs: a trial is charged {@code (joules - baselineJoules) × amount(trial) / max(hostAmount, Σ
 * amounts)}; the baseline is idle energy and the rest, used by no trial, is the host's {@code
 * other} energy.
 *
 * @param basis {@link ShareBasis#CPU_TIME} (CPU seconds) or {@link ShareBasis#RSS} (bytes)
 * @param hostAmount the host's total in the window (busy CPU seconds, or installed memory)
 * @param byPid use of each listed process tree, by root pid
 * @param truncated whether trees with use were left out, so an unlisted pid's use is unknown
 * @param baselineJoules energy the window draws whatever runs (a model's idle share), at most the
 *     sample's
 */
public record HostUsage(
        ShareBasis basis,
        double hostAmount,
        Map<Long, Double> byPid,
        boolean truncated,
        double baselineJoules) {

    /** Checks and copies the fields. */
    public HostUsage {
        if (basis != ShareBasis.CPU_TIME && basis != ShareBasis.RSS) {
            throw new IllegalArgumentException("usage basis must be CPU_TIME or RSS, was " + basis);
        }
        if (!Double.isFinite(hostAmount) || hostAmount < 0) {
            throw new IllegalArgumentException("hostAmount must be >= 0, was " + hostAmount);
        }
        byPid = Map.copyOf(byPid);
        for (Map.Entry<Long, Double> e : byPid.entrySet()) {
            double v = e.getValue();
            if (!Double.isFinite(v) || v < 0) {
                throw new IllegalArgumentException(
                        "use of pid " + e.getKey() + " must be >= 0, was " + v);
            }
        }
        if (!Double.isFinite(baselineJoules) || baselineJoules < 0) {
            throw new IllegalArgumentException(
                    "baselineJoules must be >= 0, was " + baselineJoules);
        }
    }

    /**
     * The memory split of a window ({@link ShareBasis#RSS}): a tree's amount is its resident bytes
     * times the CPU seconds it ran, against installed memory times the host's CPU capacity of the
     * window (CPUs × seconds). Memory is charged while it is worked with: a trial held back by
     * foreign load keeps its memory longer but does not touch it meanwhile, and the static power of
     * the memory is the host's. A tree's share is therefore never above its share of the window's
     * CPU capacity, so never above its CPU-time share.
     *
     * @param trees per root pid: {CPU seconds, mean resident bytes} in the window
     * @param memTotalBytes installed memory
     * @param cpuCount logical CPUs
     * @param windowSeconds the window's length
     * @param truncated whether trees with use were left out
     * @param baselineJoules the window's idle share
     */
    public static HostUsage residentWhileRunning(
            Map<Long, double[]> trees,
            long memTotalBytes,
            int cpuCount,
            double windowSeconds,
            boolean truncated,
            double baselineJoules) {
        Map<Long, Double> byPid = new java.util.HashMap<>();
        for (Map.Entry<Long, double[]> e : trees.entrySet()) {
            byPid.merge(e.getKey(), e.getValue()[0] * e.getValue()[1], Double::sum);
        }
        double capacity =
                (double) Math.max(0, memTotalBytes)
                        * Math.max(1, cpuCount)
                        * Math.max(0, windowSeconds);
        return new HostUsage(ShareBasis.RSS, capacity, byPid, truncated, baselineJoules);
    }
}
