package io.greenband.aggregator.driver;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Where and with which configuration a trial attempt ran (from {@code trial-started}).
 *
 * @param studyId the study
 * @param trialId the trial
 * @param attempt the attempt
 * @param fidelity its fidelity
 * @param host the host it ran on
 * @param devices GPU UUIDs or {@code cpu}
 * @param config its hyperparameters
 * @param startedAt when it started
 * @param pids its process ids on the host as the trainer reported them, empty when unknown (kept so
 *     views can split stored host samples by use again)
 */
public record StoredRun(
        String studyId,
        String trialId,
        int attempt,
        double fidelity,
        String host,
        List<String> devices,
        Map<String, Object> config,
        Instant startedAt,
        List<Long> pids) {

    /** Copies the pids. */
    public StoredRun {
        pids = pids == null ? List.of() : List.copyOf(pids);
    }

    /** A run whose process ids are not known. */
    public StoredRun(
            String studyId,
            String trialId,
            int attempt,
            double fidelity,
            String host,
            List<String> devices,
            Map<String, Object> config,
            Instant startedAt) {
        this(studyId, trialId, attempt, fidelity, host, devices, config, startedAt, List.of());
    }
}
