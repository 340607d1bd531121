package io.greenband.events.payload;

import java.util.List;

/**
 * What the host's processes used during an energy sample's window: the basis for charging a trial
 * its own share of a host component (CPU time for CPU package, psys and the CPU estimate; resident
 * memory for DRAM and the RAM estimate). Travels on host-scoped samples only; optional, so samples
 * without it still decode.
 *
 * @param hostCpuSeconds busy CPU time of the whole host in the window (user + nice + system + irq +
 *     softirq, from {@code /proc/stat}; steal excluded)
 * @param cpuCount logical CPUs of the host
 * @param memTotalBytes installed memory ({@code MemTotal})
 * @param memUsedBytes memory in use ({@code MemTotal - MemAvailable}), mean over the window,
 *     optional
 * @param trees the busiest process trees of the window, at most {@link #MAX_TREES}
 * @param truncated whether trees with CPU time were left out of {@code trees}; a process not listed
 *     then used at most the least CPU time listed
 */
public record HostUsage(
        double hostCpuSeconds,
        int cpuCount,
        long memTotalBytes,
        Long memUsedBytes,
        List<ProcessTree> trees,
        boolean truncated) {

    /** Bound on the listed trees, so a sample stays small whatever the host runs. */
    public static final int MAX_TREES = 256;

    public HostUsage {
        FieldChecks.atLeast(hostCpuSeconds, 0, "usage/hostCpuSeconds");
        FieldChecks.atLeast(cpuCount, 1, "usage/cpuCount");
        FieldChecks.atLeast(memTotalBytes, 0, "usage/memTotalBytes");
        if (memUsedBytes != null) {
            FieldChecks.atLeast(memUsedBytes, 0, "usage/memUsedBytes");
        }
        trees = FieldChecks.list(trees, "usage/trees");
        if (trees.size() > MAX_TREES) {
            throw new InvalidFieldException(
                    "usage/trees",
                    "usage/trees holds "
                            + trees.size()
                            + " entries, at most "
                            + MAX_TREES
                            + " are allowed");
        }
    }

    /**
     * One process and its descendants.
     *
     * @param pid the root process id
     * @param cpuSeconds CPU time (user + system, reaped children included) of the tree in the
     *     window
     * @param rssBytes resident memory of the tree, mean over the window
     */
    public record ProcessTree(long pid, double cpuSeconds, long rssBytes) {
        public ProcessTree {
            FieldChecks.atLeast(pid, 0, "usage/trees/pid");
            FieldChecks.atLeast(cpuSeconds, 0, "usage/trees/cpuSeconds");
            FieldChecks.atLeast(rssBytes, 0, "usage/trees/rssBytes");
        }
    }
}
