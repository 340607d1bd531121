package io.greenband.aggregator.adapter.messaging;

import io.greenband.aggregator.driver.FlowScript;
import io.greenband.aggregator.driver.ScoringEngine;

/**
 * Puts the scripted study straight into a running engine (no broker round trip), for API and page
 * tests.
 */
public final class SeededStudy {

    private SeededStudy() {}

    /**
     * Feeds study {@code studyId}'s events, starting {@code hoursBefore} hours before the flow
     * test's time base, in event-time order; idempotent.
     */
    public static void seed(ScoringEngine engine, String studyId, int hoursBefore) {
        FlowScript script =
                new FlowScript(studyId, FlowScript.T0.minusSeconds(3600L * hoursBefore));
        feed(engine, script, script.study());
    }

    /**
     * Like {@link #seed}, with a study whose reference point is {@code error} for val_error and
     * {@code grams} for emissions; scored, its front has hypervolume (0.25 - 0.20)(grams - 1.8) +
     * (error - 0.25)(grams - 0.9).
     */
    public static void seedWithReference(
            ScoringEngine engine, String studyId, int hoursBefore, double error, double grams) {
        FlowScript script =
                new FlowScript(studyId, FlowScript.T0.minusSeconds(3600L * hoursBefore));
        feed(engine, script, script.studyWithReference(error, grams));
    }

    /**
     * Scores one more trial {@code i} (3 or later) of a study seeded with {@link #seed}, with its
     * own error and power, as if it had just run: the engine stores and publishes it (the live
     * stream sees it).
     */
    public static void addTrial(
            ScoringEngine engine,
            String studyId,
            int hoursBefore,
            int i,
            double error,
            double watts) {
        FlowScript script =
                new FlowScript(studyId, FlowScript.T0.minusSeconds(3600L * hoursBefore));
        TopicReplay.feed(TopicReplay.order(script.extraTrial(i, error, watts)), engine);
    }

    private static void feed(
            ScoringEngine engine,
            FlowScript script,
            io.greenband.events.payload.StudyDefined study) {
        java.util.List<io.greenband.events.payload.GreenbandEvent> all =
                new java.util.ArrayList<>(script.trialEvents());
        all.addAll(script.samples());
        all.add(study);
        TopicReplay.feed(TopicReplay.order(all), engine);
    }
}
