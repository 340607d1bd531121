package io.greenband.aggregator.adapter.messaging;

import io.greenband.events.deadletter.RejectedEvent;
import io.greenband.events.deadletter.RejectedEvent.Reason;
import io.greenband.events.payload.EnergySample;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The energy-sample ids read so far, each with a hash of its first payload: a sample id read again
 * with the same payload is a redelivery (the ledger counts it once), with another payload a {@code
 * CONFLICT} where the first stands. A hash, not the payload, is kept because samples arrive by the
 * tens of thousands per second; equal payloads always hash equal, so a redelivery is never refused.
 * Thread-safe.
 */
public final class SampleIds {

    private final Map<String, Integer> firstPayload = new ConcurrentHashMap<>();

    /**
     * Takes {@code sample} as read; throws {@link RejectedEvent} ({@code CONFLICT}) when its id
     * held another payload.
     */
    public void admit(EnergySample sample) {
        int hash = sample.hashCode();
        Integer first = firstPayload.putIfAbsent(sample.sampleId(), hash);
        if (first != null && first != hash) {
            throw new RejectedEvent(
                    Reason.CONFLICT,
                    "energy sample "
                            + sample.sampleId()
                            + " was read before with a different payload; the first stands");
        }
    }

    /** How many sample ids are known. */
    public int size() {
        return firstPayload.size();
    }
}
