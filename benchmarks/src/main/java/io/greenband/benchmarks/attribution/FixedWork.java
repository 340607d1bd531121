package io.greenband.benchmarks.attribution;

import java.lang.management.ManagementFactory;

/**
 * A command-backend style trial program: a fixed number of single-threaded arithmetic rounds, then
 * its own CPU seconds on stdout ({@code cpu_seconds=...}). Run as a child process.
 */
public final class FixedWork {

    private FixedWork() {}

    /** Runs {@code args[0]} rounds. */
    public static void main(String[] args) {
        long rounds = Long.parseLong(args[0]);
        System.out.println("result=" + spin(rounds));
        System.out.println("cpu_seconds=" + processCpuSeconds());
    }

    /** The work: an xorshift chain the JIT cannot fold away. */
    static long spin(long rounds) {
        long x = 88172645463325252L;
        for (long i = 0; i < rounds; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
        }
        return x;
    }

    /** CPU time of this JVM so far, -1 when unknown. */
    static double processCpuSeconds() {
        if (ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1e9;
        }
        return -1;
    }
}
