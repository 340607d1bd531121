package io.greenband.aggregator.adapter.messaging;

/** Puts the scripted study straight into a running engine (no broker round trip), for API and page tests. */
public final class SeededStudy {

    private SeededStudy() {
    }

    /**
     * Feeds study {@code studyId}'s events, starting {@code hoursBefore} hours before the flow test's time
     * base, in event-time order; idempotent.
     */
    public static void seed(ScoringEngine engine, String studyId, int hoursBefore) {
        FlowScript script = new FlowScript(studyId, FlowScript.T0.minusSeconds(3600L * hoursBefore));
        java.util.List<io.greenband.events.payload.GreenbandEvent> all = new java.util.ArrayList<>(script.trialEvents());
        all.addAll(script.samples());
        all.add(script.study());
        TopicReplay.feed(TopicReplay.order(all), engine);
    }
}
