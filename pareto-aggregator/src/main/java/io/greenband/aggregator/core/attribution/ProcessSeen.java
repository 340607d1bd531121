package io.greenband.aggregator.core.attribution;

import java.util.List;
import java.util.OptionalDouble;

/**
 * A process a sample saw on its device or host.
 *
 * @param pid the process id
 * @param utilizationPercent its utilization in the window (SM or CPU-time share), when known
 * @param ancestors its ancestors' pids, parent first, as the monitor saw them (empty when unknown):
 *     a trial whose pid is the process's or one of these owns it
 */
public record ProcessSeen(long pid, OptionalDouble utilizationPercent, List<Long> ancestors) {

    /** Checks the utilization. */
    public ProcessSeen {
        utilizationPercent =
                utilizationPercent == null ? OptionalDouble.empty() : utilizationPercent;
        if (utilizationPercent.isPresent()) {
            double u = utilizationPercent.getAsDouble();
            if (!Double.isFinite(u) || u < 0) {
                throw new IllegalArgumentException(
                        "utilizationPercent of pid " + pid + " is " + u + ": it must be >= 0");
            }
        }
        ancestors = ancestors == null ? List.of() : List.copyOf(ancestors);
    }

    /** A process without known ancestors. */
    public ProcessSeen(long pid, OptionalDouble utilizationPercent) {
        this(pid, utilizationPercent, List.of());
    }

    /** A process with known utilization. */
    public static ProcessSeen of(long pid, double utilizationPercent) {
        return new ProcessSeen(pid, OptionalDouble.of(utilizationPercent));
    }

    /** Whether {@code pids} names this process or one of its ancestors. */
    public boolean ownedByAny(java.util.Collection<Long> pids) {
        if (pids.contains(pid)) {
            return true;
        }
        for (Long a : ancestors) {
            // pid 1 is every process's ancestor: a trial reporting it runs in another pid
            // namespace, and owns nothing by it.
            if (a > 1 && pids.contains(a)) {
                return true;
            }
        }
        return false;
    }
}
