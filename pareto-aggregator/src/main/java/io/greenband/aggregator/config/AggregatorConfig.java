package io.greenband.aggregator.config;

import io.greenband.aggregator.adapter.metrics.ScoredMetrics;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Settings under {@code greenband.aggregator}. */
@ConfigMapping(prefix = "greenband.aggregator")
public interface AggregatorConfig {

    /** How long after a trial's end energy samples are still awaited before its energy is final. */
    @WithDefault("30s")
    Duration gracePeriod();

    /** Unmeasured time up to this long inside a trial window does not mark its energy partial. */
    @WithDefault("500ms")
    Duration gapTolerance();

    /** How often the timer lets idle time pass (finalizes energy, ends objective waits). */
    @WithDefault("1s")
    Duration tickInterval();

    /** Energy samples older than this (behind the newest event time) are dropped from memory. */
    @WithDefault("6h")
    Duration retention();

    /**
     * How far ahead of this process's clock an event may be stamped and still move event time; an
     * event stamped later is handled but leaves the clock where it is, so one producer with a clock
     * far ahead cannot finalize everyone's trials early.
     */
    @WithDefault("5m")
    Duration maxClockSkew();

    /** Whether the raw energy samples are written to the {@code energy_samples} collection. */
    @WithDefault("true")
    boolean storeSamples();

    /**
     * Whether a starting aggregator first restores its memory (studies, trial windows, samples,
     * trials awaiting objectives) from the records below its consumer groups' committed offsets.
     */
    @WithDefault("true")
    boolean recoverOnStart();

    /** Names this replica's consumer groups for the topics every replica reads in full. */
    @WithDefault("local")
    String replica();

    /**
     * Power bounds per component ({@code gpu}, {@code cpu}, {@code dram}, {@code ram-est}, {@code
     * psys}) in watts.
     */
    Map<String, Double> maxPowerWatts();

    /**
     * The consumer group of the trial topics, shared by the replicas; default {@code
     * <application>-trials}.
     */
    Optional<String> trialsGroup();

    /** Bearer token for write endpoints; when absent it is read from {@link #apiTokenFile()}. */
    Optional<String> apiToken();

    /** File holding the bearer token (a Kubernetes Secret mount). */
    @WithDefault("/etc/greenband/api-token/token")
    String apiTokenFile();

    /**
     * Most studies with energy and emissions series at {@code /q/metrics}; the least recently
     * scored is dropped.
     */
    @WithDefault("" + ScoredMetrics.DEFAULT_MAX_STUDIES)
    int metricsMaxStudies();

    /**
     * Most trials with per-trial series at {@code /q/metrics}; the least recently scored is
     * dropped.
     */
    @WithDefault("" + ScoredMetrics.DEFAULT_MAX_TRIALS)
    int metricsMaxTrials();
}
