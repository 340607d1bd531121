package io.greenband.suggester.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The suggester service's settings, {@code greenband.suggester.*}. */
@ConfigMapping(prefix = "greenband.suggester")
public interface SuggesterConfig {

    /**
     * Whether the consumer loop starts with the application (off only for tests of other parts).
     */
    @WithDefault("true")
    boolean enabled();

    /** Longest wait of one poll; also the period of lease and wall-clock checks. */
    @WithDefault("PT0.5S")
    Duration pollTimeout();

    /** MongoDB collection of the per-study snapshots. */
    @WithDefault("suggester_snapshots")
    String snapshotCollection();

    /** Snapshot settings. */
    Snapshot snapshot();

    /** When a study's state is written to MongoDB. */
    interface Snapshot {

        /** After this many applied inputs (scores and decisions) of the study... */
        @WithDefault("20")
        int everyInputs();

        /** ...or this long after its last snapshot, whichever comes first. */
        @WithDefault("PT30S")
        Duration every();
    }

    /** The {@code ce_source} whose {@code trial-scored} events are believed: the aggregator's. */
    @WithDefault("/greenband/greenband-pareto-aggregator")
    String scorerSource();
}
