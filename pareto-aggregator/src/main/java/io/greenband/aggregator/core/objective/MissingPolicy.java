package io.greenband.aggregator.core.objective;

/** What happens to a trial when one of its objectives has no value at scoring time. */
public enum MissingPolicy {
  /** Score the trial with the objective marked missing; it stays off the fronts. */
  MARK_MISSING,
  /** Score the trial as failed, naming the missing objective. */
  FAIL_TRIAL
}
