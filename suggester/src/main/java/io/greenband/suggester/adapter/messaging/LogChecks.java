package io.greenband.suggester.adapter.messaging;

import io.greenband.events.codec.ReceivedEvent;
import io.greenband.events.deadletter.RejectedEvent;
import io.greenband.events.deadletter.RejectedEvent.Reason;
import io.greenband.events.kafka.EventCodec;
import io.greenband.events.payload.GreenbandEvent;
import io.greenband.events.payload.StudyDefined;
import io.greenband.events.payload.StudyScoped;
import io.greenband.events.payload.StudyStopped;
import io.greenband.events.payload.TrialFinished;
import io.greenband.events.payload.TrialScored;
import io.greenband.events.topic.Topic;
import io.greenband.events.topic.TopicRegistry;
import io.greenband.servicekit.intake.TopicIndex;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Predicate;

/**
 * What the suggester checks before its driver sees an event: a trial event names a study the {@code
 * studies} topic holds ({@code UNKNOWN_STUDY}); a {@code trial-scored} comes from the aggregator's
 * {@code ce_source} ({@code UNTRUSTED_SOURCE}), for an attempt the log shows finished ({@code
 * UNKNOWN_TRIAL}), and is the first payload of its id ({@code CONFLICT}); so is a {@code
 * trial-finished}. Lookups read the topics forward on demand, so they hold after a restart from a
 * snapshot too.
 */
final class LogChecks implements AutoCloseable {

    private final String scorerSource;
    private final TopicIndex<StudyDefined> studies;
    private final TopicIndex<TrialFinished> finished;
    private final TopicIndex<TrialFinished> finishedById;
    private final TopicIndex<TrialScored> scores;

    LogChecks(Properties client, TopicRegistry topics, EventCodec codec, String scorerSource) {
        this.scorerSource = scorerSource;
        this.studies =
                new TopicIndex<>(
                        client,
                        topics.name(Topic.STUDIES),
                        codec,
                        e ->
                                e.payload() instanceof StudyDefined s
                                        ? Optional.of(Map.entry(s.studyId(), s))
                                        : Optional.empty());
        this.finished =
                new TopicIndex<>(
                        client,
                        topics.name(Topic.TRIAL_FINISHED),
                        codec,
                        e ->
                                e.payload() instanceof TrialFinished f
                                        ? Optional.of(Map.entry(f.trialId() + ":" + f.attempt(), f))
                                        : Optional.empty());
        this.finishedById =
                new TopicIndex<>(
                        client,
                        topics.name(Topic.TRIAL_FINISHED),
                        codec,
                        e ->
                                e.payload() instanceof TrialFinished f
                                        ? Optional.of(Map.entry(e.id(), f))
                                        : Optional.empty());
        this.scores =
                new TopicIndex<>(
                        client,
                        topics.name(Topic.TRIAL_SCORED),
                        codec,
                        e ->
                                e.payload() instanceof TrialScored s
                                                && scorerSource.equals(e.source().toString())
                                        ? Optional.of(Map.entry(e.id(), s))
                                        : Optional.empty());
    }

    /**
     * Throws {@link RejectedEvent} when the log does not vouch for {@code event}; {@code known}
     * tells driver studies.
     */
    void check(ReceivedEvent event, Predicate<String> known) {
        GreenbandEvent payload = event.payload();
        String studyId = studyOf(payload);
        if (studyId != null && !known.test(studyId) && studies.find(studyId).isEmpty()) {
            throw new RejectedEvent(
                    Reason.UNKNOWN_STUDY,
                    payload.type().kebabName()
                            + " names study "
                            + studyId
                            + ", which studies does not hold (or holds only as a refused definition)");
        }
        if (payload instanceof TrialFinished f) {
            Optional<TrialFinished> first = finishedById.find(event.id());
            if (first.isPresent() && !first.get().equals(f)) {
                throw new RejectedEvent(
                        Reason.CONFLICT,
                        "trial-finished "
                                + event.id()
                                + " was published before with a different payload; the first stands");
            }
        }
        if (payload instanceof TrialScored s) {
            if (!scorerSource.equals(String.valueOf(event.source()))) {
                throw new RejectedEvent(
                        Reason.UNTRUSTED_SOURCE,
                        "trial-scored from "
                                + event.source()
                                + "; scores are accepted only from "
                                + scorerSource
                                + " (greenband.suggester.scorer-source)");
            }
            if (finished.find(s.trialId() + ":" + s.attempt()).isEmpty()) {
                throw new RejectedEvent(
                        Reason.UNKNOWN_TRIAL,
                        "trial "
                                + s.trialId()
                                + " attempt "
                                + s.attempt()
                                + " is scored but trial-finished holds no end of it");
            }
            Optional<TrialScored> first = scores.find(event.id());
            if (first.isPresent() && !first.get().equals(s)) {
                throw new RejectedEvent(
                        Reason.CONFLICT,
                        "trial-scored "
                                + event.id()
                                + " was published before with a different payload; the first stands");
            }
        }
    }

    /** The study of a trial event (study events themselves are checked by the driver). */
    private static String studyOf(GreenbandEvent e) {
        return e instanceof StudyDefined || e instanceof StudyStopped
                ? null
                : StudyScoped.studyOf(e).orElse(null);
    }

    @Override
    public void close() {
        studies.close();
        finished.close();
        finishedById.close();
        scores.close();
    }
}
