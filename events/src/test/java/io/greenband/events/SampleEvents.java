package io.greenband.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.greenband.events.codec.EventJson;
import io.greenband.events.payload.Budget;
import io.greenband.events.payload.Carbon;
import io.greenband.events.payload.DeadLetter;
import io.greenband.events.payload.Direction;
import io.greenband.events.payload.EnergySample;
import io.greenband.events.payload.Fidelity;
import io.greenband.events.payload.GreenbandEvent;
import io.greenband.events.payload.Objective;
import io.greenband.events.payload.ObjectiveReported;
import io.greenband.events.payload.Scheduler;
import io.greenband.events.payload.StudyDefined;
import io.greenband.events.payload.StudyStopped;
import io.greenband.events.payload.TrialFinished;
import io.greenband.events.payload.TrialProgress;
import io.greenband.events.payload.TrialScored;
import io.greenband.events.payload.TrialStarted;
import io.greenband.events.payload.TrialStatus;
import io.greenband.events.payload.TrialSuggested;
import io.greenband.events.payload.Workload;
import io.greenband.events.space.DsnnSpace;
import io.greenband.events.study.StudyDefaults;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Canonical sample events, one valid instance per type, shared with every module through the
 * test-jar ({@code greenband-events:test-jar}) so producers and consumers test against the same
 * bytes. They describe one small story: study {@code dsnn-demo}, trial {@code dsnn-demo-t0001} on
 * host {@code node-a}.
 */
public final class SampleEvents {

    /** The study id of every sample. */
    public static final String STUDY_ID = "dsnn-demo";

    /** The trial id of every trial sample. */
    public static final String TRIAL_ID = "dsnn-demo-t0001";

    /** The host of the samples. */
    public static final String HOST = "node-a";

    /** The GPU of the samples. */
    public static final String GPU = "GPU-5f1c6e2a-0d3b-4b8e-9a51-2c7d9e0f1a2b";

    /** A fixed base time; every sample time is derived from it. */
    public static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

    /** A small ConfigSpace JSON space with a condition (momentum only for SGD). */
    public static final String SPACE_JSON =
            """
            {"name": "sample", "hyperparameters": [
              {"type": "uniform_int", "name": "batch_size", "lower": 32, "upper": 128, "default_value": 128, "log": false, "meta": null},
              {"type": "categorical", "name": "optimizer", "choices": ["SGD", "Adam"], "weights": null, "default_value": "SGD", "meta": null},
              {"type": "uniform_float", "name": "learning_rate", "lower": 0.001, "upper": 0.1, "default_value": 0.1, "log": true, "meta": null},
              {"type": "uniform_float", "name": "momentum", "lower": 0.0, "upper": 0.9, "default_value": 0.9, "log": false, "meta": null}
            ],
            "conditions": [{"type": "EQ", "child": "momentum", "parent": "optimizer", "value": "SGD"}],
            "forbiddens": [], "python_module_version": "1.2.1", "format_version": 0.4}
            """;

    private SampleEvents() {}

    /** The sample space as a tree. */
    public static JsonNode space() {
        try {
            return EventJson.mapper().readTree(SPACE_JSON);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The sample configuration (what the trial trains). */
    public static Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("batch_size", 64);
        c.put("optimizer", "SGD");
        c.put("learning_rate", 0.02);
        c.put("momentum", 0.85);
        return c;
    }

    public static StudyDefined studyDefined() {
        return new StudyDefined(
                STUDY_ID,
                "DSNN demo",
                "loss vs emissions on synthetic data",
                Map.of("team", "green"),
                space(),
                List.of(
                        Objective.of("val_error", Direction.MINIMIZE, "metric:val_error"),
                        new Objective(
                                "emissions",
                                Direction.MINIMIZE,
                                "energy:emissions_g",
                                "g",
                                null,
                                null)),
                new Fidelity(Fidelity.Knob.SHIFT_DEPTH, 2, 18, 3),
                new Scheduler(
                        Scheduler.Kind.HYPERBAND, Scheduler.Ranking.PAREGO, true, 2, 2, 300, 0.2),
                new Budget(60, null, 3600L, null),
                new Carbon(null, 300.0, 1.2),
                7L,
                Workload.defaults(),
                T0);
    }

    /**
     * {@link #studyDefined()} whose objectives give a hypervolume reference point: val_error 1.0,
     * emissions 2.0 g.
     */
    public static StudyDefined studyDefinedWithReference() {
        StudyDefined s = studyDefined();
        return new StudyDefined(
                s.studyId(),
                s.name(),
                s.description(),
                s.labels(),
                s.space(),
                List.of(
                        s.objectives().get(0).withReference(1.0),
                        s.objectives().get(1).withReference(2.0)),
                s.fidelity(),
                s.scheduler(),
                s.budget(),
                s.carbon(),
                s.seed(),
                s.workload(),
                s.definedAt());
    }

    /**
     * A study on the paper's DSNN space with the study defaults (objectives, shift-depth fidelity).
     */
    public static StudyDefined dsnnStudy() {
        return new StudyDefined(
                "dsnn-paper",
                null,
                null,
                null,
                DsnnSpace.json(),
                StudyDefaults.OBJECTIVES,
                StudyDefaults.DSNN_FIDELITY,
                null,
                null,
                null,
                42L,
                null,
                T0);
    }

    public static StudyStopped studyStopped() {
        return new StudyStopped(
                STUDY_ID,
                StudyStopped.Reason.BUDGET_EXHAUSTED,
                "maxTrials 60 reached",
                T0.plusSeconds(3600));
    }

    public static TrialSuggested trialSuggested() {
        return new TrialSuggested(
                STUDY_ID,
                TRIAL_ID,
                1,
                "c0001",
                config(),
                2.0,
                0,
                0,
                1234567L,
                300,
                "initial",
                "0f3a9c",
                T0.plusSeconds(1));
    }

    public static TrialStarted trialStarted() {
        return new TrialStarted(
                STUDY_ID,
                TRIAL_ID,
                1,
                "trainer-0",
                HOST,
                List.of(GPU),
                4242L,
                config(),
                2.0,
                T0.plusSeconds(2));
    }

    public static TrialProgress trialProgress() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("train_loss", 1.25);
        m.put("val_accuracy", 0.61);
        return new TrialProgress(STUDY_ID, TRIAL_ID, 1, 3, 10, m, T0.plusSeconds(62));
    }

    public static TrialFinished trialFinished() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("val_loss", 0.82);
        m.put("val_accuracy", 0.72);
        m.put("val_error", 0.28);
        m.put("train_seconds", 180.5);
        m.put("images_per_second", 2100.0);
        m.put("shift_layers", 2.0);
        m.put("weight_bits", 5.0);
        return new TrialFinished(
                STUDY_ID,
                TRIAL_ID,
                1,
                TrialStatus.SUCCEEDED,
                2.0,
                m,
                T0.plusSeconds(2),
                T0.plusSeconds(190),
                HOST,
                List.of(GPU),
                "trainer-0",
                null,
                "models/dsnn-demo-t0001.zip");
    }

    public static EnergySample energySample() {
        return new EnergySample(
                "node-a",
                HOST,
                EnergySample.Component.GPU,
                GPU,
                "NVIDIA H200",
                0,
                EnergySample.Method.NVML_ENERGY_COUNTER,
                false,
                T0.plusSeconds(10),
                T0.plusSeconds(11),
                1_000_000_000L,
                310.5,
                1.0e7,
                1.03105e7,
                "mJ",
                0,
                false,
                310.5,
                402.0,
                700.0,
                87.0,
                List.of(new EnergySample.ProcessSeen(4242L, "java", 87.0, 4_000_000_000L)),
                List.of(),
                null,
                null,
                List.of(),
                10L);
    }

    public static ObjectiveReported objectiveReported() {
        return new ObjectiveReported(
                STUDY_ID,
                TRIAL_ID,
                1,
                "latency_ms",
                3.4,
                "ms",
                "latency-bench",
                T0.plusSeconds(200));
    }

    public static TrialScored trialScored() {
        return new TrialScored(
                STUDY_ID,
                TRIAL_ID,
                1,
                "c0001",
                2.0,
                TrialStatus.SUCCEEDED,
                List.of(
                        TrialScored.ObjectiveValue.of("val_error", Direction.MINIMIZE, 0.28, null),
                        TrialScored.ObjectiveValue.of("emissions", Direction.MINIMIZE, 4.6, "g")),
                new TrialScored.EnergyBreakdown(
                        45000.0, 1200.0, 3000.0, 46200.0, false, byComponent()),
                new TrialScored.Emissions(4.62, 0.012833, 300.0, 1.2, "fixed"),
                true,
                0,
                0,
                "0f3a9c",
                T0.plusSeconds(201));
    }

    private static Map<String, Double> byComponent() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("GPU", 40000.0);
        m.put("CPU", 5000.0);
        m.put("DRAM", 1200.0);
        return m;
    }

    public static DeadLetter deadLetter() {
        return new DeadLetter(
                STUDY_ID.getBytes(StandardCharsets.UTF_8),
                "{not json".getBytes(StandardCharsets.UTF_8),
                List.of(
                        new DeadLetter.RawHeader(
                                "ce_type",
                                "io.greenband.trial-finished.v1".getBytes(StandardCharsets.UTF_8))),
                "payload is not valid JSON: Unexpected character",
                "io.greenband.events.codec.EventDecodingException",
                "MALFORMED_JSON",
                "trial-finished",
                2,
                17L,
                "aggregator",
                T0.plusSeconds(300));
    }

    /** One sample of every event type, in {@link EventType} order. */
    public static List<GreenbandEvent> all() {
        return List.of(
                studyDefined(),
                studyStopped(),
                trialSuggested(),
                trialStarted(),
                trialProgress(),
                trialFinished(),
                energySample(),
                objectiveReported(),
                trialScored(),
                deadLetter());
    }

    /** The sample of {@code type}. */
    public static GreenbandEvent of(EventType type) {
        return all().stream().filter(e -> e.type() == type).findFirst().orElseThrow();
    }
}
