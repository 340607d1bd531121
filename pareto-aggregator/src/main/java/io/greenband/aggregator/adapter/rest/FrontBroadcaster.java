package io.greenband.aggregator.adapter.rest;

import io.greenband.aggregator.driver.TrialScoredListener;
import io.greenband.events.payload.TrialScored;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Fans scored trials out to the live streams of the dashboards watching their study. */
@ApplicationScoped
public class FrontBroadcaster implements TrialScoredListener {

    private final BroadcastProcessor<Scored> processor = BroadcastProcessor.create();

    @Override
    public void scored(String studyId, List<TrialScored> scored) {
        for (TrialScored s : scored) {
            processor.onNext(new Scored(studyId, s));
        }
    }

    /** The scored trials of one study from now on. */
    Multi<TrialScored> of(String studyId) {
        return processor.filter(s -> s.studyId().equals(studyId)).map(Scored::event);
    }

    private record Scored(String studyId, TrialScored event) {}
}
