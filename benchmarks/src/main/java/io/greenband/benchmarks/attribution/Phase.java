package io.greenband.benchmarks.attribution;

import java.util.Map;

/**
 * One run of a trial, alone or beside the foreign load, attributed by one rule.
 *
 * @param attributedJoules energy charged to the trial
 * @param measuredJoules energy the host's streams measured while the trial ran
 * @param otherJoules energy of that time used by processes outside the trial
 * @param idleJoules idle share of that time (the estimate's baseline)
 * @param trialCpuSeconds the trial's own CPU time, as it reported it
 * @param wallSeconds the trial's duration
 * @param byComponent attributed joules per component
 * @param basis how each component was split
 */
record Phase(
        double attributedJoules,
        double measuredJoules,
        double otherJoules,
        double idleJoules,
        double trialCpuSeconds,
        double wallSeconds,
        Map<String, Double> byComponent,
        Map<String, String> basis) {

    /** The share of the measured energy left as other. */
    double otherShare() {
        return measuredJoules > 0 ? otherJoules / measuredJoules : 0;
    }
}
