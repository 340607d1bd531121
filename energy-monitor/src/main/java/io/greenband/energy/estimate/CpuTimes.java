package io.greenband.energy.estimate;

import java.util.List;

/**
 * The machine-wide CPU time counters of {@code /proc/stat}'s first line, in clock ticks.
 *
 * @param busy user + nice + system + irq + softirq + steal
 * @param total busy + idle + iowait
 */
public record CpuTimes(long busy, long total) {

    /**
     * Parses the aggregate {@code cpu} line of {@code /proc/stat}. Guest time is already part of
     * user time, so it is not added again.
     */
    public static CpuTimes parse(List<String> procStatLines) {
        for (String line : procStatLines) {
            if (line.startsWith("cpu ")) {
                String[] f = line.trim().split("\\s+");
                if (f.length < 5) {
                    throw new IllegalArgumentException(
                            "/proc/stat cpu line has too few fields: '" + line + "'");
                }
                long[] v = new long[8];
                for (int i = 0; i < 8 && i + 1 < f.length; i++) {
                    v[i] = Long.parseLong(f[i + 1]);
                }
                long idle = v[3] + v[4];
                long busy = v[0] + v[1] + v[2] + v[5] + v[6] + v[7];
                return new CpuTimes(busy, busy + idle);
            }
        }
        throw new IllegalArgumentException("/proc/stat has no aggregate 'cpu ' line");
    }

    /** The busy fraction (0..1) between {@code earlier} and this reading; 0 when no time passed. */
    public double utilizationSince(CpuTimes earlier) {
        long dt = total - earlier.total;
        if (dt <= 0) {
            return 0.0;
        }
        double u = (double) (busy - earlier.busy) / dt;
        return Math.max(0.0, Math.min(1.0, u));
    }

    /** The busy fraction since boot. */
    public double utilizationSinceBoot() {
        return utilizationSince(new CpuTimes(0, 0));
    }
}
