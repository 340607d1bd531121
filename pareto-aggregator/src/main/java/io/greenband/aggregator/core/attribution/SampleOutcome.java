package io.greenband.aggregator.core.attribution;

import java.util.Set;

/**
 * What the ledger did with one sample.
 *
 * @param status how it was handled
 * @param missedFinalized finalized trials whose window the sample overlaps: their published energy
 *     does not include it (it is counted as late in the totals)
 */
public record SampleOutcome(Status status, Set<TrialKey> missedFinalized) {

    /** How a sample was handled. */
    public enum Status {
        /** Stored and attributed. */
        ACCEPTED,
        /** Its id was seen before: ignored. */
        DUPLICATE,
        /** A different sample of the same stream already covers part of its window: ignored. */
        OVERLAPPING_WINDOW,
        /**
         * Its window starts before the ledger's prune horizon: ignored (see {@link
         * EnergyLedger#prune}).
         */
        EXPIRED
    }

    /** Copies the set. */
    public SampleOutcome {
        missedFinalized = Set.copyOf(missedFinalized);
    }

    /** Whether the sample arrived after the grace period of a trial it overlaps. */
    public boolean late() {
        return !missedFinalized.isEmpty();
    }
}
