package io.greenband.energy.usage;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Follows the CPU time and memory of every process tree from tick to tick and sums them per window.
 * A tree's time is the sum over its live processes of user + system time including reaped children,
 * so a child that exits moves its time into its parent's and the tree's sum keeps growing; a
 * process first seen inside a window started in it (its count starts at zero); one that exits keeps
 * the last value seen. Single-threaded: the sampler's ticker calls it.
 */
public final class UsageTracker {

    private static final System.Logger LOG = System.getLogger(UsageTracker.class.getName());

    /**
     * Linux's {@code USER_HZ}, the unit of {@code /proc} CPU times on every mainstream
     * architecture.
     */
    public static final int CLOCK_TICKS_PER_SECOND = 100;

    /** Bytes per resident page on x86-64 and most arm64 kernels. */
    public static final long PAGE_BYTES = 4096;

    private final ProcessTable table;
    private final int maxTrees;
    private Map<Long, Long> windowBase = new HashMap<>();
    private final Map<Long, Long> last = new HashMap<>();
    private final Map<Long, Long> rssPageTicks = new HashMap<>();
    private Set<Long> present = Set.of();

    /** Parent of every process at the last scan, to trace a GPU process to its ancestors. */
    private Map<Long, Long> parents = Map.of();

    private long hostBase = -1;
    private long hostLast = -1;
    private int cpuCount = 1;
    private long memTotalKb;
    private long memUsedKbSum;
    private int memTicks;
    private int ticks;
    private boolean warned;

    /** A tracker reading {@code table}, listing at most {@code maxTrees} trees per window. */
    public UsageTracker(ProcessTable table, int maxTrees) {
        if (maxTrees < 1) {
            throw new IllegalArgumentException("maxTrees must be >= 1, was " + maxTrees);
        }
        this.table = table;
        this.maxTrees = maxTrees;
    }

    /** Reads the processes; the first call sets the baselines. */
    public void tick() {
        ProcessTable.Scan scan;
        try {
            scan = table.scan();
        } catch (IOException | RuntimeException e) {
            if (!warned) {
                warned = true;
                LOG.log(
                        System.Logger.Level.WARNING,
                        "cannot read process usage: " + e + " (reported once)");
            }
            return;
        }
        Map<Long, long[]> trees = treeSums(scan.procs());
        Map<Long, Long> ppids = new HashMap<>(scan.procs().size() * 2);
        scan.procs().forEach((pid, proc) -> ppids.put(pid, proc.ppid()));
        parents = ppids;
        present = trees.keySet();
        boolean first = hostBase < 0;
        for (Map.Entry<Long, long[]> e : trees.entrySet()) {
            last.put(e.getKey(), e.getValue()[0]);
            if (first) {
                windowBase.put(e.getKey(), e.getValue()[0]);
            } else {
                rssPageTicks.merge(e.getKey(), e.getValue()[1], Long::sum);
            }
        }
        hostLast = scan.hostBusyTicks();
        if (first) {
            hostBase = hostLast;
            return;
        }
        cpuCount = scan.cpuCount();
        memTotalKb = scan.memTotalKb();
        if (scan.memAvailKb() >= 0 && scan.memTotalKb() > 0) {
            memUsedKbSum += Math.max(0, scan.memTotalKb() - scan.memAvailKb());
            memTicks++;
        }
        ticks++;
    }

    /**
     * Closes the window at the last tick: the use since the previous close, empty before two
     * readings.
     */
    public Optional<WindowUsage> closeWindow() {
        if (hostBase < 0 || ticks == 0) {
            return Optional.empty();
        }
        List<WindowUsage.TreeUse> used = new ArrayList<>();
        for (Map.Entry<Long, Long> e : last.entrySet()) {
            long delta = e.getValue() - windowBase.getOrDefault(e.getKey(), 0L);
            if (delta > 0) {
                long rss = rssPageTicks.getOrDefault(e.getKey(), 0L) * PAGE_BYTES / ticks;
                used.add(
                        new WindowUsage.TreeUse(
                                e.getKey(), (double) delta / CLOCK_TICKS_PER_SECOND, rss));
            }
        }
        used.sort(
                Comparator.comparingDouble(WindowUsage.TreeUse::cpuSeconds)
                        .reversed()
                        .thenComparingLong(WindowUsage.TreeUse::pid));
        boolean truncated = used.size() > maxTrees;
        WindowUsage out =
                new WindowUsage(
                        Math.max(0, hostLast - hostBase) / (double) CLOCK_TICKS_PER_SECOND,
                        cpuCount,
                        memTotalKb * 1024,
                        memTicks == 0
                                ? OptionalLong.empty()
                                : OptionalLong.of(memUsedKbSum * 1024 / memTicks),
                        truncated ? used.subList(0, maxTrees) : used,
                        truncated);
        // The next window starts from the values at this tick; exited processes are forgotten.
        windowBase = new HashMap<>();
        for (Long pid : present) {
            windowBase.put(pid, last.get(pid));
        }
        last.clear();
        last.putAll(windowBase);
        rssPageTicks.clear();
        hostBase = hostLast;
        memUsedKbSum = 0;
        memTicks = 0;
        ticks = 0;
        return Optional.of(out);
    }

    /**
     * The ancestors of {@code pid} at the last scan, parent first, at most {@code max}; empty for a
     * process the scan did not see. The walk stops at pid 0, at a process not seen, and at a
     * repeated pid.
     */
    public List<Long> ancestorsOf(long pid, int max) {
        List<Long> out = new ArrayList<>();
        Long parent = parents.get(pid);
        java.util.Set<Long> visited = new java.util.HashSet<>();
        visited.add(pid);
        while (parent != null && parent > 0 && out.size() < max && visited.add(parent)) {
            out.add(parent);
            parent = parents.get(parent);
        }
        return List.copyOf(out);
    }

    /** Per pid, the CPU ticks and resident pages of it and all its live descendants. */
    static Map<Long, long[]> treeSums(Map<Long, ProcessTable.Proc> procs) {
        Map<Long, long[]> sums = new HashMap<>(procs.size() * 2);
        for (Map.Entry<Long, ProcessTable.Proc> e : procs.entrySet()) {
            ProcessTable.Proc p = e.getValue();
            long pid = e.getKey();
            // Walk up the ancestors, adding this process to each; the depth bound guards against a
            // ppid cycle.
            for (int depth = 0; depth < 64 && procs.containsKey(pid); depth++) {
                long[] s = sums.computeIfAbsent(pid, k -> new long[2]);
                s[0] += p.ticks();
                s[1] += p.rssPages();
                long parent = procs.get(pid).ppid();
                if (parent == pid || parent <= 0) {
                    break;
                }
                pid = parent;
            }
        }
        return sums;
    }
}
