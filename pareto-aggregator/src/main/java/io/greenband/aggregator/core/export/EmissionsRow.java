package io.greenband.aggregator.core.export;

import io.greenband.aggregator.core.attribution.TrialKey;
import io.greenband.aggregator.core.emissions.Emissions;
import java.time.Instant;
import java.util.Objects;

/**
 * One trial's line of the emissions export.
 *
 * @param studyId         the study (written as project_name and experiment_id)
 * @param key             the trial attempt (written as run_id)
 * @param end             when the trial ended (written as timestamp, UTC)
 * @param durationSeconds the trial's duration
 * @param emissions       its emissions
 * @param gpuCount        GPUs it held
 */
public record EmissionsRow(String studyId, TrialKey key, Instant end, double durationSeconds, Emissions emissions,
    int gpuCount) {

  /** Checks the fields. */
  public EmissionsRow {
    Objects.requireNonNull(studyId, "studyId must not be null");
    Objects.requireNonNull(key, "key must not be null");
    Objects.requireNonNull(end, "end of trial " + key + " must not be null");
    Objects.requireNonNull(emissions, "emissions of trial " + key + " must not be null");
    if (!Double.isFinite(durationSeconds) || durationSeconds < 0) {
      throw new IllegalArgumentException("durationSeconds of trial " + key + " is " + durationSeconds + ": it must be >= 0");
    }
  }
}
