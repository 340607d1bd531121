package io.greenband.energy.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Settings of the energy monitor, under {@code greenband.energy}. */
@ConfigMapping(prefix = "greenband.energy")
public interface EnergyConfig {

    /**
     * Host name published with samples; default: env {@code NODE_NAME}, then the machine's host
     * name.
     */
    Optional<String> host();

    /** Node id published with samples; default: the host. */
    Optional<String> nodeId();

    /** Time between two readings of every source. */
    @WithDefault("1s")
    Duration interval();

    /**
     * Length of a published window, a whole multiple of {@link #interval()}; default: one interval.
     */
    Optional<Duration> window();

    /** Publishing of {@code energy-sample} events. */
    Publish publish();

    /** GPUs through NVML. */
    Nvml nvml();

    /** CPU packages and DRAM through powercap RAPL. */
    Rapl rapl();

    /** Labelled estimates where nothing measures. */
    Estimate estimate();

    /** Process usage, by which host energy is charged to trials. */
    Usage usage();

    /** What the samples tell of the machine (for emissions reports). */
    Machine machine();

    /** Machine facts settings. */
    interface Machine {
        /** Whether samples carry the machine's facts (os, CPU, memory, GPUs, location). */
        @WithDefault("true")
        boolean enabled();

        /** Where the machine runs: an ISO 3166-1 alpha-2 or alpha-3 country code. */
        java.util.Optional<String> country();

        /**
         * A region within the country (a state, province or cloud region), at most 64 characters.
         */
        java.util.Optional<String> region();

        /** The os-release file naming the distribution. */
        @WithDefault("/etc/os-release")
        String osRelease();
    }

    /** Process usage settings. */
    interface Usage {
        /** Whether to read the CPU time and memory of process trees each tick. */
        @WithDefault("true")
        boolean enabled();

        /**
         * The proc root; in a container, the host's (with the host's pid namespace), e.g. {@code
         * /host/proc}.
         */
        @WithDefault("/proc")
        String procRoot();

        /** Most process trees listed per window (the busiest); at most 256. */
        @WithDefault("256")
        int maxTrees();
    }

    /** Publishing settings. */
    interface Publish {
        /** Whether samples go to Kafka (off: metrics only). */
        @WithDefault("true")
        boolean enabled();

        /** The CloudEvents {@code source} of published samples. */
        @WithDefault("/greenband/energy-monitor")
        String eventSource();

        /** Samples held while Kafka is slow; beyond it the oldest are dropped and counted. */
        @WithDefault("10000")
        int outboxCapacity();
    }

    /** NVML settings. */
    interface Nvml {
        /** Whether to try NVML. */
        @WithDefault("true")
        boolean enabled();

        /** The library to load: a soname or an absolute path (e.g. under a mounted driver root). */
        @WithDefault("libnvidia-ml.so.1")
        String library();

        /**
         * Power poll period for GPUs without an energy counter; {@code 0s}: integrate at the tick
         * rate.
         */
        @WithDefault("100ms")
        Duration powerPollInterval();
    }

    /** RAPL settings. */
    interface Rapl {
        /** Whether to try RAPL. */
        @WithDefault("true")
        boolean enabled();

        /** The powercap root; in a container, the host's, e.g. {@code /host/sys/class/powercap}. */
        @WithDefault("/sys/class/powercap")
        String root();

        /** Domains to read: {@code package}, {@code package+dram} or {@code psys}. */
        @WithDefault("package+dram")
        String domains();
    }

    /** Estimate settings. */
    interface Estimate {
        /**
         * CPU model when RAPL gives no CPU reading: {@code cpu_time}, {@code cpu_load}, {@code
         * constant} or {@code off}.
         */
        @WithDefault("cpu_time")
        String cpu();

        /** Whole-machine CPU TDP in watts; default: the bundled table, else 4 W per logical CPU. */
        Optional<Double> cpuTdpWatts();

        /**
         * Memory model when RAPL has no DRAM zone: {@code dimm_model}, {@code per_gb}, {@code
         * fixed} or {@code off}.
         */
        @WithDefault("dimm_model")
        String ram();

        /** Memory power in watts for the {@code fixed} model. */
        Optional<Double> ramWatts();

        /** Where the memory size is read. */
        @WithDefault("/proc/meminfo")
        String meminfo();

        /** Where machine CPU times are read. */
        @WithDefault("/proc/stat")
        String procStat();

        /** Where the CPU model and socket count are read. */
        @WithDefault("/proc/cpuinfo")
        String cpuinfo();
    }
}
