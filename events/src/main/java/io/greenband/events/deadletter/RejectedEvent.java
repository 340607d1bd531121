package io.greenband.events.deadletter;

import java.util.Objects;

/**
 * Thrown by a consumer's handler for an event that decoded but that the log does not vouch for; the
 * intake dead-letters the record with {@link #reason()} as its kind. Cores may throw it: it names
 * no framework.
 */
public final class RejectedEvent extends RuntimeException {

    /** Why an event that decoded is refused. */
    public enum Reason {
        /**
         * The event names a study the {@code studies} topic does not hold (or holds only as a
         * refused record).
         */
        UNKNOWN_STUDY,
        /** The event names a trial (or attempt) the log never suggested or started. */
        UNKNOWN_TRIAL,
        /**
         * The event contradicts the order of its trial's life beyond what a redelivery explains.
         */
        OUT_OF_ORDER,
        /**
         * An event with the same id was read before with a different payload; the first one stands.
         */
        CONFLICT,
        /**
         * The event comes from a source not allowed to publish it (e.g. a trial-scored not from the
         * aggregator).
         */
        UNTRUSTED_SOURCE,
        /**
         * A measurement no real device could produce (e.g. power above the bound of its component).
         */
        IMPLAUSIBLE,
        /** The event is well formed but its content cannot be applied. */
        INVALID_EVENT
    }

    private final Reason reason;

    /** A refusal for {@code reason}, with a message naming what was found and what was expected. */
    public RejectedEvent(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** Why. */
    public Reason reason() {
        return reason;
    }
}
