package io.greenband.aggregator.adapter.persistence;

import java.time.Instant;
import java.util.List;

/**
 * One point of a stored hypervolume history.
 *
 * @param index position in the history
 * @param at event time
 * @param pointId the point that caused it
 * @param frontSize members at that time
 * @param hypervolume the value in the frame of that time
 * @param frame the rule of that frame ({@code FIXED} or {@code DERIVED}), null in documents written
 *     before entries recorded it
 * @param reference that frame's reference point in minimized objective units, empty when not
 *     recorded
 */
public record StoredHypervolume(
        int index,
        Instant at,
        String pointId,
        int frontSize,
        double hypervolume,
        String frame,
        List<Double> reference) {}
