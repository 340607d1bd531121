package io.greenband.aggregator.driver;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Where and with which configuration a trial attempt ran (from {@code trial-started}).
 *
 * @param studyId   the study
 * @param trialId   the trial
 * @param attempt   the attempt
 * @param fidelity  its fidelity
 * @param host      the host it ran on
 * @param devices   GPU UUIDs or {@code cpu}
 * @param config    its hyperparameters
 * @param startedAt when it started
 */
public record StoredRun(String studyId, String trialId, int attempt, double fidelity, String host, List<String> devices,
    Map<String, Object> config, Instant startedAt) {
}
