package io.greenband.suggester.driver;

/** Deterministic event ids for the optimizer's numeric trial and configuration ids. */
public final class TrialIds {

    private TrialIds() {}

    /** {@code <studyId>-t0042}: the trial id trial-suggested carries (and its Kafka key). */
    public static String trialId(String studyId, long coreTrialId) {
        return studyId + "-t" + String.format("%04d", coreTrialId);
    }

    /**
     * {@code <studyId>-c0007}: the configuration id shared by every budget of one configuration.
     */
    public static String configId(String studyId, long coreConfigId) {
        return studyId + "-c" + String.format("%04d", coreConfigId);
    }
}
