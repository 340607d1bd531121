package io.greenband.aggregator.core.objective;

import io.greenband.aggregator.core.attribution.TrialKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Collects what a study's objectives need for each trial and scores the trial once everything is
 * there or the waits ran out. Inputs may arrive in any order (a plug-in value before the trial
 * finished).
 *
 * <p>Metrics are decided when the trial finishes ({@code val_error} falls back to {@code 1 -
 * val_accuracy}); energy figures are waited for up to the plan's energy timeout and each plug-in
 * value up to its objective's wait, both counted from the trial's end. A value that did not arrive
 * is handled by its objective's {@link MissingPolicy}. Failed and lost trials are scored as failed
 * at once. A trial scored without a plug-in value is re-scored (revision + 1) when that value
 * arrives later; otherwise each trial is scored once and later inputs are ignored. One owner;
 * explicit time.
 */
public final class ObjectiveAssembler {

    /** The validation-error metric. */
    public static final String VAL_ERROR = "val_error";

    /**
     * The validation-accuracy metric, used to derive {@link #VAL_ERROR} when only it was reported.
     */
    public static final String VAL_ACCURACY = "val_accuracy";

    /** What is known of one trial so far. */
    private static final class Pending {
        TrialOutcome outcome;
        EnergyFigures energy;
        final Map<String, ProducedValue> produced = new HashMap<>();
        ScoredTrial last;
    }

    private final ObjectivePlan plan;
    private final Map<TrialKey, Pending> pending = new LinkedHashMap<>();
    private final Map<TrialKey, Pending> rescorable = new HashMap<>();
    private final Set<TrialKey> closed = new HashSet<>();
    private final double[] worstMinimized;

    /** An assembler for one study's plan. */
    public ObjectiveAssembler(ObjectivePlan plan) {
        this.plan = Objects.requireNonNull(plan, "plan must not be null");
        this.worstMinimized = new double[plan.dimension()];
        Arrays.fill(worstMinimized, Double.NaN);
    }

    /** The trial ended; scores it when nothing else is awaited. */
    public Optional<ScoredTrial> onFinished(TrialOutcome outcome) {
        Pending p = open(outcome.key());
        if (p == null) {
            return Optional.empty();
        }
        if (p.outcome == null) {
            p.outcome = outcome;
        }
        return tryScore(outcome.key(), p, outcome.finishedAt());
    }

    /** The trial's energy figures are final. */
    public Optional<ScoredTrial> onEnergy(TrialKey key, EnergyFigures energy, Instant at) {
        Pending p = open(key);
        if (p == null) {
            return Optional.empty();
        }
        p.energy = energy;
        return tryScore(key, p, at);
    }

    /** A plug-in reported a value; the latest report of a producer and objective wins. */
    public Optional<ScoredTrial> onProduced(ProducedValue value) {
        Pending late = rescorable.get(value.key());
        if (late != null) {
            return rescore(value, late);
        }
        Pending p = open(value.key());
        if (p == null) {
            return Optional.empty();
        }
        remember(p, value);
        return tryScore(value.key(), p, value.at());
    }

    /** Scores every finished trial whose waits have run out by {@code now}. */
    public List<ScoredTrial> poll(Instant now) {
        List<ScoredTrial> out = new ArrayList<>();
        for (Map.Entry<TrialKey, Pending> e : new ArrayList<>(pending.entrySet())) {
            tryScore(e.getKey(), e.getValue(), now).ifPresent(out::add);
        }
        return out;
    }

    /** Number of finished trials still waiting for a value. */
    public int waitingCount() {
        return (int) pending.values().stream().filter(p -> p.outcome != null).count();
    }

    /** The pending state of a trial not scored yet, or null when it was scored. */
    private Pending open(TrialKey key) {
        if (closed.contains(key) || rescorable.containsKey(key)) {
            return null;
        }
        return pending.computeIfAbsent(key, k -> new Pending());
    }

    private static void remember(Pending p, ProducedValue value) {
        p.produced.merge(
                value.producer() + "/" + value.objective(),
                value,
                (old, neu) -> neu.at().isBefore(old.at()) ? old : neu);
    }

    /** Re-scores a scored trial when a late value fills one of its absent plug-in objectives. */
    private Optional<ScoredTrial> rescore(ProducedValue value, Pending p) {
        remember(p, value);
        boolean fills = false;
        for (int i = 0; i < plan.dimension(); i++) {
            ObjectiveSpec spec = plan.objectives().get(i);
            if (spec.source() instanceof ObjectiveSource.Producer prod
                    && prod.matches(value.producer(), value.objective())
                    && p.last.values().get(i).isAbsent()) {
                fills = true;
            }
        }
        return fills ? Optional.of(score(value.key(), p, value.at())) : Optional.empty();
    }

    private Optional<ScoredTrial> tryScore(TrialKey key, Pending p, Instant now) {
        if (p.outcome == null) {
            return Optional.empty();
        }
        if (p.outcome.status() == TrialStatus.SUCCEEDED) {
            for (ObjectiveSpec spec : plan.objectives()) {
                if (valueOf(spec, p).isEmpty() && awaited(spec, p.outcome, now)) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(score(key, p, now));
    }

    private boolean awaited(ObjectiveSpec spec, TrialOutcome o, Instant now) {
        if (spec.source() instanceof ObjectiveSource.Energy) {
            return now.isBefore(o.finishedAt().plus(plan.energyTimeout()));
        }
        return spec.source() instanceof ObjectiveSource.Producer
                && now.isBefore(o.finishedAt().plus(spec.timeout()));
    }

    private ScoredTrial score(TrialKey key, Pending p, Instant now) {
        TrialOutcome o = p.outcome;
        int revision = p.last == null ? 0 : p.last.revision() + 1;
        List<ObjectiveValue> values = new ArrayList<>();
        if (o.status() != TrialStatus.SUCCEEDED) {
            String reason =
                    "trial "
                            + o.status().name().toLowerCase(Locale.ROOT)
                            + (o.error().isEmpty() ? "" : ": " + o.error());
            plan.objectives().forEach(spec -> values.add(ObjectiveValue.missing(spec, reason)));
            return close(
                    key,
                    p,
                    false,
                    new ScoredTrial(
                            key,
                            o.fidelity(),
                            ScoredTrial.Status.FAILED,
                            values,
                            Optional.ofNullable(p.energy),
                            reason,
                            now,
                            revision));
        }
        List<String> notes = new ArrayList<>();
        String failure = "";
        boolean producerAbsent = false;
        for (int i = 0; i < plan.dimension(); i++) {
            ObjectiveSpec spec = plan.objectives().get(i);
            OptionalDouble arrived = valueOf(spec, p);
            if (arrived.isPresent() && Double.isFinite(arrived.getAsDouble())) {
                values.add(ObjectiveValue.present(spec, arrived.getAsDouble()));
                continue;
            }
            String why =
                    arrived.isPresent()
                            ? "value " + arrived.getAsDouble() + " is not finite"
                            : whyMissing(spec);
            producerAbsent |= spec.source() instanceof ObjectiveSource.Producer;
            ObjectiveValue v = ObjectiveValue.missing(spec, why);
            if (spec.onMissing() == MissingPolicy.USE_WORST && !Double.isNaN(worstMinimized[i])) {
                v =
                        ObjectiveValue.substitute(
                                spec, spec.direction().toMinimized(worstMinimized[i]), why);
            } else if (spec.onMissing() == MissingPolicy.FAIL_TRIAL && failure.isEmpty()) {
                failure = "missing objective " + spec.name() + ": " + why;
            }
            values.add(v);
            notes.add(spec.name() + ": " + v.note());
        }
        for (int i = 0; i < values.size(); i++) {
            ObjectiveValue v = values.get(i);
            if (!v.isAbsent()) {
                double m = v.direction().toMinimized(v.value().getAsDouble());
                worstMinimized[i] =
                        Double.isNaN(worstMinimized[i]) ? m : Math.max(worstMinimized[i], m);
            }
        }
        ScoredTrial.Status status =
                failure.isEmpty() ? ScoredTrial.Status.SCORED : ScoredTrial.Status.FAILED;
        String reason = failure.isEmpty() ? String.join("; ", notes) : failure;
        return close(
                key,
                p,
                producerAbsent,
                new ScoredTrial(
                        key,
                        o.fidelity(),
                        status,
                        values,
                        Optional.ofNullable(p.energy),
                        reason,
                        now,
                        revision));
    }

    private String whyMissing(ObjectiveSpec spec) {
        ObjectiveSource source = spec.source();
        if (source instanceof ObjectiveSource.Metric m) {
            return "metric " + m.key() + " was not reported";
        }
        if (source instanceof ObjectiveSource.Energy e) {
            return e.quantity().key() + " was not available within " + plan.energyTimeout();
        }
        return "no value from producer "
                + ((ObjectiveSource.Producer) source).name()
                + " within "
                + spec.timeout();
    }

    private OptionalDouble valueOf(ObjectiveSpec spec, Pending p) {
        ObjectiveSource source = spec.source();
        if (source instanceof ObjectiveSource.Metric m) {
            Double v = p.outcome.metrics().get(m.key());
            if (v == null
                    && m.key().equals(VAL_ERROR)
                    && p.outcome.metrics().containsKey(VAL_ACCURACY)) {
                v = 1.0 - p.outcome.metrics().get(VAL_ACCURACY);
            }
            return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
        }
        if (source instanceof ObjectiveSource.Energy e) {
            return p.energy == null
                    ? OptionalDouble.empty()
                    : PerImageEnergy.value(e.quantity(), p.energy, p.outcome.metrics());
        }
        ObjectiveSource.Producer prod = (ObjectiveSource.Producer) source;
        ProducedValue latest = null;
        for (ProducedValue v : p.produced.values()) {
            if (prod.matches(v.producer(), v.objective())
                    && (latest == null || !v.at().isBefore(latest.at()))) {
                latest = v;
            }
        }
        return latest == null ? OptionalDouble.empty() : OptionalDouble.of(latest.value());
    }

    private ScoredTrial close(TrialKey key, Pending p, boolean mayImprove, ScoredTrial trial) {
        pending.remove(key);
        p.last = trial;
        if (mayImprove) {
            rescorable.put(key, p);
        } else {
            rescorable.remove(key);
            closed.add(key);
        }
        return trial;
    }
}
