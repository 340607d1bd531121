package io.greenband.energy.source;

import java.util.Locale;

/** Where a number comes from; published as the {@code source} label. */
public enum SourceKind {
    /** NVIDIA Management Library. */
    NVML,
    /** Linux powercap RAPL counters. */
    RAPL,
    /** A model, not a measurement. */
    ESTIMATE;

    /** The lower-case label used in events and metrics, e.g. {@code nvml}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
