package io.greenband.aggregator.adapter.persistence;

import java.time.Instant;

/**
 * One point of a stored hypervolume history.
 *
 * @param index       position in the history
 * @param at          event time
 * @param pointId     the point that caused it
 * @param frontSize   members at that time
 * @param hypervolume the value in the frame of that time
 */
public record StoredHypervolume(int index, Instant at, String pointId, int frontSize, double hypervolume) {
}
