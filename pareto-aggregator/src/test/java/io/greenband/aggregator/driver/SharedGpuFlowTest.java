package io.greenband.aggregator.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.greenband.events.payload.EnergySample;
import io.greenband.events.payload.GreenbandEvent;
import io.greenband.events.payload.TrialFinished;
import io.greenband.events.payload.TrialScored;
import io.greenband.events.payload.TrialStarted;
import io.greenband.events.payload.TrialStatus;
import io.greenband.events.payload.TrialSuggested;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two trials running at once on one GPU, through the scoring engine on the in-memory stores (no
 * broker, no database server): the monitor's per-process SM utilization splits the GPU, a foreign
 * process's part stays the host's other energy, and without per-process utilization the split is
 * even and says so.
 */
class SharedGpuFlowTest {

    private static final double WATTS = 300;
    private static final int WINDOWS = 6;

    private final List<TrialScored> published = new ArrayList<>();

    private List<TrialScored> run(String studyId, List<EnergySample.ProcessSeen> processes) {
        FlowScript script = new FlowScript(studyId);
        ScoringEngine engine =
                ScoringEngine.builder()
                        .setStore(new InMemoryScoreStore())
                        .setStudyStore(new InMemoryStudyStore())
                        .setPublisher(events -> events.forEach(e -> published.add((TrialScored) e)))
                        .build();
        engine.accept(script.study());
        Instant start = script.base;
        Instant end = start.plusSeconds(10L * WINDOWS);
        for (int i = 0; i < 2; i++) {
            List<GreenbandEvent> events =
                    List.of(
                            new TrialSuggested(
                                    studyId,
                                    script.trialId(i),
                                    1,
                                    "cfg-" + i,
                                    FlowScript.config(i),
                                    18.0,
                                    0,
                                    0,
                                    7L,
                                    600,
                                    "test",
                                    "fp",
                                    start.minusSeconds(1)),
                            // The trainers' pids; the GPU work runs in their children.
                            new TrialStarted(
                                    studyId,
                                    script.trialId(i),
                                    1,
                                    "trainer-" + i,
                                    script.host,
                                    List.of(script.gpu),
                                    2001 + i,
                                    FlowScript.config(i),
                                    18.0,
                                    start),
                            new TrialFinished(
                                    studyId,
                                    script.trialId(i),
                                    1,
                                    TrialStatus.SUCCEEDED,
                                    18.0,
                                    Map.of("val_error", 0.3 - 0.1 * i),
                                    start,
                                    end,
                                    script.host,
                                    List.of(script.gpu),
                                    "trainer-" + i,
                                    null,
                                    null));
            events.forEach(engine::accept);
        }
        List<EnergySample> samples = new ArrayList<>();
        for (int k = 0; k < WINDOWS; k++) {
            samples.add(sample(script, start.plusSeconds(10L * k), WATTS, processes, k));
        }
        // An idle window well past the grace period moves event time on, so the trials are scored.
        samples.add(sample(script, start.plusSeconds(400), 50, List.of(), WINDOWS));
        engine.acceptSamples(samples);
        published.sort(Comparator.comparing(TrialScored::trialId));
        return published;
    }

    private static EnergySample sample(
            FlowScript script,
            Instant from,
            double watts,
            List<EnergySample.ProcessSeen> processes,
            long seq) {
        return new EnergySample(
                "node-" + script.studyId,
                script.host,
                EnergySample.Component.GPU,
                script.gpu,
                "test GPU",
                0,
                EnergySample.Method.NVML_ENERGY_COUNTER,
                false,
                from,
                from.plusSeconds(10),
                10_000_000_000L,
                watts * 10,
                null,
                null,
                null,
                0,
                false,
                watts,
                null,
                null,
                null,
                processes,
                List.of(),
                null,
                null,
                List.of(),
                seq);
    }

    private static EnergySample.ProcessSeen gpuProcess(long pid, Double smUtil, Long... ancestors) {
        return new EnergySample.ProcessSeen(pid, "python", smUtil, 1L << 30, List.of(ancestors));
    }

    @Test
    void aSharedGpuIsChargedByTheTrialsSmShareAndForeignUseIsOther() {
        List<TrialScored> scored =
                run(
                        "smshare",
                        List.of(
                                gpuProcess(3001, 60.0, 2001L, 1L),
                                gpuProcess(3002, 20.0, 2002L, 1L),
                                gpuProcess(3999, 20.0, 1L)));
        assertThat(scored).hasSize(2);
        double window = WATTS * 10 * WINDOWS;
        TrialScored.EnergyBreakdown a = scored.get(0).energy();
        TrialScored.EnergyBreakdown b = scored.get(1).energy();
        assertThat(a.totalJoules()).isCloseTo(window * 0.6, within(1e-6));
        assertThat(b.totalJoules()).isCloseTo(window * 0.2, within(1e-6));
        assertThat(a.basis()).containsValue("SM_UTIL");
        assertThat(b.basis()).containsValue("SM_UTIL");
        // What the foreign process used is the host's, charged to neither trial; nothing is lost.
        assertThat(a.otherJoules()).isCloseTo(window * 0.2, within(1e-6));
        assertThat(a.totalJoules() + b.totalJoules() + a.otherJoules())
                .isCloseTo(window, within(1e-6));
    }

    @Test
    void withoutPerProcessUtilizationTheSplitIsEvenAndLabelled() {
        // NOT_SUPPORTED on the monitor's side: processes are listed without utilization.
        List<TrialScored> scored =
                run(
                        "even",
                        List.of(
                                gpuProcess(3001, null, 2001L, 1L),
                                gpuProcess(3002, null, 2002L, 1L),
                                gpuProcess(3999, null, 1L)));
        assertThat(scored).hasSize(2);
        double window = WATTS * 10 * WINDOWS;
        for (TrialScored t : scored) {
            assertThat(t.energy().totalJoules()).isCloseTo(window / 2, within(1e-6));
            assertThat(t.energy().basis()).containsValue("EQUAL").doesNotContainValue("SM_UTIL");
        }
    }
}
