package io.greenband.aggregator.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.greenband.aggregator.core.attribution.TrialKey;
import io.greenband.events.payload.GreenbandEvent;
import io.greenband.events.payload.TrialScored;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The scoring flow on the in-memory stores, with no broker and no database server: events in any of
 * the orders consumers may see them give the same scores, views and listener calls.
 */
class ScoringFlowTest {

    private final List<TrialScored> published = new ArrayList<>();
    private final List<TrialScored> heard = new ArrayList<>();
    private final InMemoryScoreStore store = new InMemoryScoreStore();
    private final InMemoryStudyStore studies = new InMemoryStudyStore();

    private ScoringEngine engine() {
        return ScoringEngine.builder()
                .setStore(store)
                .setStudyStore(studies)
                .setPublisher(events -> events.forEach(e -> published.add((TrialScored) e)))
                .optListener((studyId, scored) -> heard.addAll(scored))
                .build();
    }

    @Test
    void trialsBeforeSamplesAreScoredWithTheirWholeEnergy() {
        FlowScript script = new FlowScript("unit");
        ScoringEngine engine = engine();
        engine.accept(script.study());
        script.trialEvents().forEach(engine::accept);
        engine.acceptSamples(script.samples());
        assertScores(script);
    }

    @Test
    void samplesBeforeTrialsGiveTheSameScores() {
        FlowScript script = new FlowScript("unit");
        ScoringEngine engine = engine();
        script.samples().forEach(s -> engine.acceptSamples(List.of(s)));
        script.trialEvents().forEach(engine::accept);
        engine.accept(script.study());
        assertScores(script);
    }

    @Test
    void eventTimeOrderGivesTheSameScores() {
        FlowScript script = new FlowScript("unit");
        ScoringEngine engine = engine();
        List<GreenbandEvent> all = new ArrayList<>(script.trialEvents());
        all.addAll(script.samples());
        all.add(script.study());
        ReplayOrder.feed(ReplayOrder.of(all), engine);
        assertScores(script);
    }

    @Test
    void redeliveredEventsChangeNothing() {
        FlowScript script = new FlowScript("unit");
        ScoringEngine engine = engine();
        engine.accept(script.study());
        script.trialEvents().forEach(engine::accept);
        engine.acceptSamples(script.samples());
        engine.accept(script.study());
        script.trialEvents().forEach(engine::accept);
        engine.acceptSamples(script.samples());
        assertScores(script);
        assertThat(store.sampleCount()).isEqualTo(script.samples().size());
    }

    private void assertScores(FlowScript script) {
        assertThat(published).hasSize(3);
        assertThat(heard).containsExactlyElementsOf(published);
        published.sort(Comparator.comparing(TrialScored::trialId));
        for (int i = 0; i < 3; i++) {
            assertThat(published.get(i).energy().totalJoules())
                    .as("joules of trial " + i)
                    .isCloseTo(FlowScript.joules(i), within(1e-6));
            assertThat(published.get(i).objectives().get(1).value())
                    .isCloseTo(FlowScript.grams(i), within(1e-9));
            TrialKey key = new TrialKey(script.trialId(i), published.get(i).attempt());
            assertThat(store.trialEnergy(key)).as("energy view of trial " + i).isPresent();
        }
        // The views: every trial, the study and its runs, a front at the study's fidelity with a
        // history.
        assertThat(store.trials(script.studyId)).hasSize(3);
        assertThat(studies.study(script.studyId)).isPresent();
        assertThat(studies.runs(script.studyId)).hasSize(3);
        double fidelity = published.get(0).fidelity();
        assertThat(store.front(script.studyId, fidelity))
                .hasValueSatisfying(
                        f -> {
                            assertThat(f.members()).isNotEmpty();
                            assertThat(f.hypervolume()).isPositive();
                        });
        assertThat(store.history(script.studyId, fidelity)).isNotEmpty();
    }
}
