package io.greenband.aggregator.driver;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A study as the API lists it.
 *
 * @param studyId the study
 * @param name its display name
 * @param objectives objective names in vector order
 * @param directions {@code minimize}/{@code maximize} per objective
 * @param fingerprint the definition's fingerprint
 * @param maxFidelity the top fidelity
 * @param definedAt when it was defined
 * @param stoppedAt when it stopped, if it did
 * @param stopReason why it stopped, empty while running
 * @param units the unit of each objective in vector order, empty text when it has none
 */
public record StoredStudy(
        String studyId,
        String name,
        List<String> objectives,
        List<String> directions,
        String fingerprint,
        double maxFidelity,
        Instant definedAt,
        Optional<Instant> stoppedAt,
        String stopReason,
        List<String> units) {

    public StoredStudy {
        // Studies stored before units were kept have none: one empty unit per objective.
        units =
                units == null || units.size() != objectives.size()
                        ? objectives.stream().map(o -> "").toList()
                        : List.copyOf(units);
    }

    /** A study without objective units. */
    public StoredStudy(
            String studyId,
            String name,
            List<String> objectives,
            List<String> directions,
            String fingerprint,
            double maxFidelity,
            Instant definedAt,
            Optional<Instant> stoppedAt,
            String stopReason) {
        this(
                studyId,
                name,
                objectives,
                directions,
                fingerprint,
                maxFidelity,
                definedAt,
                stoppedAt,
                stopReason,
                null);
    }
}
