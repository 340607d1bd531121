package io.greenband.energy.usage;

import java.util.List;
import java.util.OptionalLong;

/**
 * What the host's processes used in one window.
 *
 * @param hostCpuSeconds busy CPU time of the host (user + nice + system + irq + softirq)
 * @param cpuCount logical CPUs
 * @param memTotalBytes installed memory, 0 when unknown
 * @param memUsedBytes memory in use, mean over the window, when known
 * @param trees process trees that used CPU in the window, busiest first, at most the tracker's
 *     bound
 * @param truncated whether trees with CPU time were left out
 */
public record WindowUsage(
        double hostCpuSeconds,
        int cpuCount,
        long memTotalBytes,
        OptionalLong memUsedBytes,
        List<TreeUse> trees,
        boolean truncated) {

    public WindowUsage {
        trees = List.copyOf(trees);
    }

    /**
     * One process and its descendants.
     *
     * @param pid the root pid
     * @param cpuSeconds CPU time of the tree in the window, reaped children included
     * @param rssBytes resident memory of the tree, mean over the window's ticks
     */
    public record TreeUse(long pid, double cpuSeconds, long rssBytes) {}

    /** The CPU time of one tree, 0 when it is not listed. */
    public double cpuSecondsOf(long pid) {
        return trees.stream().filter(t -> t.pid() == pid).mapToDouble(TreeUse::cpuSeconds).sum();
    }
}
