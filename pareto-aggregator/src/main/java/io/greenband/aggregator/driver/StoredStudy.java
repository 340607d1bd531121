package io.greenband.aggregator.driver;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A study as the API lists it.
 *
 * @param studyId     the study
 * @param name        its display name
 * @param objectives  objective names in vector order
 * @param directions  {@code minimize}/{@code maximize} per objective
 * @param fingerprint the definition's fingerprint
 * @param maxFidelity the top fidelity
 * @param definedAt   when it was defined
 * @param stoppedAt   when it stopped, if it did
 * @param stopReason  why it stopped, empty while running
 */
public record StoredStudy(String studyId, String name, List<String> objectives, List<String> directions,
    String fingerprint, double maxFidelity, Instant definedAt, Optional<Instant> stoppedAt, String stopReason) {
}
