package io.greenband.events.topic;

/**
 * The logical topics of greenband's event log (DESIGN §3), with their defaults. The name on the
 * broker is {@link #defaultName()} behind an optional prefix; see {@link TopicRegistry}.
 */
public enum Topic {
    /** Study definitions and stops; compacted, so the latest definition of each study is kept. */
    STUDIES("studies", "studyId", 3, "compact"),
    /** Suggested trials, keyed by trial so they spread over one consumer group of trainers. */
    TRIAL_SUGGESTED("trial-suggested", "trialId", 12, "delete"),
    /** A trainer picked up a trial. */
    TRIAL_STARTED("trial-started", "studyId", 6, "delete"),
    /** Per-epoch progress; doubles as the lease heartbeat. */
    TRIAL_PROGRESS("trial-progress", "studyId", 6, "delete"),
    /** A trial ended (SUCCEEDED, FAILED or LOST). */
    TRIAL_FINISHED("trial-finished", "studyId", 6, "delete"),
    /** Energy measured on one device over one window. */
    ENERGY_SAMPLE("energy-sample", "host/device", 6, "delete"),
    /** An objective value from a plug-in producer. */
    OBJECTIVE_REPORTED("objective-reported", "studyId", 6, "delete"),
    /** A trial's full objective vector, assembled by the aggregator. */
    TRIAL_SCORED("trial-scored", "studyId", 6, "delete"),
    /** Records no consumer could process, with the reason and their origin. */
    DEAD_LETTER("dead-letter", "original key", 1, "delete");

    private final String defaultName;
    private final String keyedBy;
    private final int defaultPartitions;
    private final String cleanupPolicy;

    Topic(String defaultName, String keyedBy, int defaultPartitions, String cleanupPolicy) {
        this.defaultName = defaultName;
        this.keyedBy = keyedBy;
        this.defaultPartitions = defaultPartitions;
        this.cleanupPolicy = cleanupPolicy;
    }

    /** The topic name without prefix, e.g. {@code trial-suggested}. */
    public String defaultName() {
        return defaultName;
    }

    /** What the record key holds. */
    public String keyedBy() {
        return keyedBy;
    }

    /** Partitions created by default. */
    public int defaultPartitions() {
        return defaultPartitions;
    }

    /** {@code delete} or {@code compact}. */
    public String cleanupPolicy() {
        return cleanupPolicy;
    }
}
