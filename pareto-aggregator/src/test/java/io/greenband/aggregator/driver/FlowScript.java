package io.greenband.aggregator.driver;

import io.greenband.events.SampleEvents;
import io.greenband.events.payload.Carbon;
import io.greenband.events.payload.Direction;
import io.greenband.events.payload.EnergySample;
import io.greenband.events.payload.Fidelity;
import io.greenband.events.payload.GreenbandEvent;
import io.greenband.events.payload.Objective;
import io.greenband.events.payload.StudyDefined;
import io.greenband.events.payload.TrialFinished;
import io.greenband.events.payload.TrialStarted;
import io.greenband.events.payload.TrialStatus;
import io.greenband.events.payload.TrialSuggested;
import io.greenband.events.payload.Workload;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A scripted study: three trials run one after another on one GPU of one host (so every sample is
 * on one partition, in order), each with its own error and power; a last idle sample moves event
 * time past the grace period of the last trial. Trial i runs [100 i, 100 i + 60) s after the base
 * time, sampled every 10 s.
 */
public final class FlowScript {

    public static final Instant T0 = SampleEvents.T0;
    public static final double INTENSITY = 300.0;
    public static final double PUE = 1.2;
    public static final double[] ERRORS = {0.30, 0.20, 0.25};
    public static final double[] WATTS = {200, 300, 150};
    public static final int SAMPLES_PER_TRIAL = 6;

    public final String studyId;
    public final String host;
    public final String gpu;
    public final Instant base;

    public FlowScript(String studyId) {
        this(studyId, T0);
    }

    /**
     * A script whose events start at {@code base} (test classes sharing one engine use different
     * hours).
     */
    public FlowScript(String studyId, Instant base) {
        this.studyId = studyId;
        this.base = base;
        this.host = studyId + "-host";
        this.gpu = "GPU-" + studyId;
    }

    public String trialId(int i) {
        return studyId + "-t" + i;
    }

    /**
     * Trial i's configuration: the sample configuration with its own learning rate, batch size and
     * optimizer.
     */
    public static Map<String, Object> config(int i) {
        Map<String, Object> c = new java.util.LinkedHashMap<>(SampleEvents.config());
        c.put("learning_rate", 0.004 * Math.pow(2.5, i % 4));
        c.put("batch_size", 32 << (i % 3));
        c.put("optimizer", i % 2 == 0 ? "SGD" : "Adam");
        if (i % 2 != 0) {
            c.remove("momentum"); // momentum only for SGD
        }
        return c;
    }

    /** Expected joules of trial i. */
    public static double joules(int i) {
        return WATTS[i] * 10 * SAMPLES_PER_TRIAL;
    }

    /** Expected grams CO2eq of trial i. */
    public static double grams(int i) {
        return joules(i) / 3_600_000.0 * PUE * INTENSITY;
    }

    public StudyDefined study() {
        return new StudyDefined(
                studyId,
                null,
                null,
                Map.of(),
                SampleEvents.space(),
                List.of(
                        Objective.of("val_error", Direction.MINIMIZE, "metric:val_error"),
                        Objective.of("emissions", Direction.MINIMIZE, "energy:emissions_g")),
                new Fidelity(Fidelity.Knob.SHIFT_DEPTH, 2, 18, 3),
                null,
                null,
                new Carbon(null, INTENSITY, PUE),
                7L,
                Workload.defaults(),
                base);
    }

    /**
     * {@link #study()} with a hypervolume reference point: {@code error} for val_error, {@code
     * grams} for emissions.
     */
    public StudyDefined studyWithReference(double error, double grams) {
        StudyDefined s = study();
        return new StudyDefined(
                s.studyId(),
                s.name(),
                s.description(),
                s.labels(),
                s.space(),
                List.of(
                        s.objectives().get(0).withReference(error),
                        s.objectives().get(1).withReference(grams)),
                s.fidelity(),
                s.scheduler(),
                s.budget(),
                s.carbon(),
                s.seed(),
                s.workload(),
                s.definedAt());
    }

    /** Trial events: suggested, started and finished of each trial. */
    public List<GreenbandEvent> trialEvents() {
        List<GreenbandEvent> out = new ArrayList<>();
        for (int i = 0; i < ERRORS.length; i++) {
            Instant start = base.plusSeconds(100L * i);
            Instant end = start.plusSeconds(60);
            out.add(
                    new TrialSuggested(
                            studyId,
                            trialId(i),
                            1,
                            "cfg-" + i,
                            config(i),
                            18.0,
                            0,
                            0,
                            7L,
                            600,
                            "test",
                            "fp",
                            start.minusSeconds(1)));
            out.add(
                    new TrialStarted(
                            studyId,
                            trialId(i),
                            1,
                            "trainer-0",
                            host,
                            List.of(gpu),
                            1000 + i,
                            config(i),
                            18.0,
                            start));
            out.add(
                    new TrialFinished(
                            studyId,
                            trialId(i),
                            1,
                            TrialStatus.SUCCEEDED,
                            18.0,
                            Map.of("val_error", ERRORS[i], "val_accuracy", 1 - ERRORS[i]),
                            start,
                            end,
                            host,
                            List.of(gpu),
                            "trainer-0",
                            null,
                            null));
        }
        return out;
    }

    /** Samples of the three trials and the closing idle sample, in time order. */
    public List<EnergySample> samples() {
        List<EnergySample> out = new ArrayList<>();
        long seq = 0;
        for (int i = 0; i < ERRORS.length; i++) {
            for (int k = 0; k < SAMPLES_PER_TRIAL; k++) {
                Instant from = base.plusSeconds(100L * i + 10L * k);
                out.add(sample(from, WATTS[i], seq++));
            }
        }
        out.add(sample(base.plusSeconds(400), 50, seq));
        return out;
    }

    /**
     * One more trial {@code i} (3 or later) run like the others, [100 i, 100 i + 60) s after the
     * base time, with its samples and an idle sample past its grace period; {@code seq} numbers its
     * samples after the script's.
     */
    public List<GreenbandEvent> extraTrial(int i, double error, double watts) {
        List<GreenbandEvent> out = new ArrayList<>();
        Instant start = base.plusSeconds(100L * i + 400);
        Instant end = start.plusSeconds(60);
        out.add(
                new TrialSuggested(
                        studyId,
                        trialId(i),
                        1,
                        "cfg-" + i,
                        config(i),
                        18.0,
                        0,
                        0,
                        7L,
                        600,
                        "test",
                        "fp",
                        start.minusSeconds(1)));
        out.add(
                new TrialStarted(
                        studyId,
                        trialId(i),
                        1,
                        "trainer-0",
                        host,
                        List.of(gpu),
                        1000 + i,
                        config(i),
                        18.0,
                        start));
        out.add(
                new TrialFinished(
                        studyId,
                        trialId(i),
                        1,
                        TrialStatus.SUCCEEDED,
                        18.0,
                        Map.of("val_error", error, "val_accuracy", 1 - error),
                        start,
                        end,
                        host,
                        List.of(gpu),
                        "trainer-0",
                        null,
                        null));
        long seq = 1000L * i;
        for (int k = 0; k < SAMPLES_PER_TRIAL; k++) {
            out.add(sample(start.plusSeconds(10L * k), watts, seq++));
        }
        out.add(sample(end.plusSeconds(60), 50, seq));
        return out;
    }

    private EnergySample sample(Instant from, double watts, long seq) {
        return new EnergySample(
                "node-" + studyId,
                host,
                EnergySample.Component.GPU,
                gpu,
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
                List.of(),
                List.of(),
                null,
                null,
                List.of(),
                seq);
    }
}
