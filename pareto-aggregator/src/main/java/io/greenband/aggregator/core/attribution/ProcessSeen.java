package io.greenband.aggregator.core.attribution;

import java.util.OptionalDouble;

/**
 * A process a sample saw on its device or host.
 *
 * @param pid                the process id
 * @param utilizationPercent its utilization in the window (SM or CPU-time share), when known
 */
public record ProcessSeen(long pid, OptionalDouble utilizationPercent) {

  /** Checks the utilization. */
  public ProcessSeen {
    utilizationPercent = utilizationPercent == null ? OptionalDouble.empty() : utilizationPercent;
    if (utilizationPercent.isPresent()) {
      double u = utilizationPercent.getAsDouble();
      if (!Double.isFinite(u) || u < 0) {
        throw new IllegalArgumentException("utilizationPercent of pid " + pid + " is " + u + ": it must be >= 0");
      }
    }
  }

  /** A process with known utilization. */
  public static ProcessSeen of(long pid, double utilizationPercent) {
    return new ProcessSeen(pid, OptionalDouble.of(utilizationPercent));
  }
}
