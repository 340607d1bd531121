package io.greenband.aggregator.core.objective;

import io.greenband.aggregator.core.attribution.TrialKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Collects what a study's objectives need for each trial and scores the trial once everything is there or
 * the waits ran out. Inputs may arrive in any order (a plug-in value before the trial finished); each trial
 * is scored once, later inputs for it are ignored. Metrics are decided when the trial finishes: a metric
 * absent then is missing ({@code val_error} falls back to {@code 1 - val_accuracy}). Energy figures are
 * waited for up to the plan's energy timeout, plug-in values up to its producer timeout, both counted from
 * the trial's end. Failed and lost trials are scored as failed at once. One owner; explicit time.
 */
public final class ObjectiveAssembler {

  /** The validation-error metric. */
  public static final String VAL_ERROR = "val_error";
  /** The validation-accuracy metric, used to derive {@link #VAL_ERROR} when only it was reported. */
  public static final String VAL_ACCURACY = "val_accuracy";

  /** What is known of one trial so far. */
  private static final class Pending {
    TrialOutcome outcome;
    EnergyFigures energy;
    final Map<String, ProducedValue> produced = new HashMap<>();
  }

  private final ObjectivePlan plan;
  private final Map<TrialKey, Pending> pending = new LinkedHashMap<>();
  private final Set<TrialKey> scored = new HashSet<>();

  /** An assembler for one study's plan. */
  public ObjectiveAssembler(ObjectivePlan plan) {
    this.plan = Objects.requireNonNull(plan, "plan must not be null");
  }

  /** The trial ended; scores it when nothing else is awaited. */
  public Optional<ScoredTrial> onFinished(TrialOutcome outcome) {
    if (scored.contains(outcome.key())) {
      return Optional.empty();
    }
    Pending p = pending.computeIfAbsent(outcome.key(), k -> new Pending());
    if (p.outcome == null) {
      p.outcome = outcome;
    }
    return tryScore(outcome.key(), p, outcome.finishedAt());
  }

  /** The trial's energy figures are final. */
  public Optional<ScoredTrial> onEnergy(TrialKey key, EnergyFigures energy, Instant at) {
    if (scored.contains(key)) {
      return Optional.empty();
    }
    Pending p = pending.computeIfAbsent(key, k -> new Pending());
    p.energy = energy;
    return tryScore(key, p, at);
  }

  /** A plug-in reported a value; the latest report of a producer and objective wins. */
  public Optional<ScoredTrial> onProduced(ProducedValue value) {
    if (scored.contains(value.key())) {
      return Optional.empty();
    }
    Pending p = pending.computeIfAbsent(value.key(), k -> new Pending());
    p.produced.merge(value.producer() + "/" + value.objective(), value,
        (old, neu) -> neu.at().isBefore(old.at()) ? old : neu);
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

  private Optional<ScoredTrial> tryScore(TrialKey key, Pending p, Instant now) {
    if (p.outcome == null) {
      return Optional.empty();
    }
    TrialOutcome o = p.outcome;
    if (o.status() != TrialStatus.SUCCEEDED) {
      List<ObjectiveValue> values = new ArrayList<>();
      String reason = "trial " + o.status().name().toLowerCase(java.util.Locale.ROOT) + (o.error().isEmpty() ? "" : ": " + o.error());
      plan.objectives().forEach(spec -> values.add(ObjectiveValue.missing(spec, reason)));
      return finish(key, new ScoredTrial(key, o.fidelity(), ScoredTrial.Status.FAILED, values,
          Optional.ofNullable(p.energy), reason, now));
    }
    boolean energyDue = !now.isBefore(o.finishedAt().plus(plan.energyTimeout()));
    boolean producersDue = !now.isBefore(o.finishedAt().plus(plan.producerTimeout()));
    List<ObjectiveValue> values = new ArrayList<>();
    for (ObjectiveSpec spec : plan.objectives()) {
      ObjectiveValue v = valueOf(spec, p);
      if (v.isMissing() && awaited(spec, energyDue, producersDue)) {
        return Optional.empty();
      }
      values.add(v);
    }
    String reason = "";
    ScoredTrial.Status status = ScoredTrial.Status.SCORED;
    for (ObjectiveValue v : values) {
      if (v.isMissing()) {
        reason = reason.isEmpty() ? v.name() + ": " + v.missingReason() : reason + "; " + v.name() + ": " + v.missingReason();
      }
    }
    if (!reason.isEmpty() && plan.missingPolicy() == MissingPolicy.FAIL_TRIAL) {
      status = ScoredTrial.Status.FAILED;
      reason = "missing objective " + reason;
    }
    return finish(key, new ScoredTrial(key, o.fidelity(), status, values, Optional.ofNullable(p.energy), reason, now));
  }

  private boolean awaited(ObjectiveSpec spec, boolean energyDue, boolean producersDue) {
    return (spec.source() instanceof ObjectiveSource.Energy && !energyDue)
        || (spec.source() instanceof ObjectiveSource.Producer && !producersDue);
  }

  private ObjectiveValue valueOf(ObjectiveSpec spec, Pending p) {
    ObjectiveSource source = spec.source();
    if (source instanceof ObjectiveSource.Metric m) {
      Double v = p.outcome.metrics().get(m.key());
      if (v == null && m.key().equals(VAL_ERROR) && p.outcome.metrics().containsKey(VAL_ACCURACY)) {
        v = 1.0 - p.outcome.metrics().get(VAL_ACCURACY);
      }
      return v == null ? ObjectiveValue.missing(spec, "metric " + m.key() + " was not reported") : checked(spec, v);
    }
    if (source instanceof ObjectiveSource.Energy e) {
      if (p.energy == null) {
        return ObjectiveValue.missing(spec, "energy was not attributed within " + plan.energyTimeout());
      }
      OptionalDouble v = p.energy.value(e.quantity());
      return v.isPresent() ? checked(spec, v.getAsDouble())
          : ObjectiveValue.missing(spec, e.quantity().key() + " was not measured for this trial");
    }
    ObjectiveSource.Producer prod = (ObjectiveSource.Producer) source;
    ProducedValue latest = null;
    for (ProducedValue v : p.produced.values()) {
      if (prod.matches(v.producer(), v.objective()) && (latest == null || !v.at().isBefore(latest.at()))) {
        latest = v;
      }
    }
    return latest == null
        ? ObjectiveValue.missing(spec, "no value from producer " + prod.name() + " within " + plan.producerTimeout())
        : checked(spec, latest.value());
  }

  private static ObjectiveValue checked(ObjectiveSpec spec, double v) {
    return Double.isFinite(v) ? ObjectiveValue.present(spec, v) : ObjectiveValue.missing(spec, "value " + v + " is not finite");
  }

  private Optional<ScoredTrial> finish(TrialKey key, ScoredTrial trial) {
    pending.remove(key);
    scored.add(key);
    return Optional.of(trial);
  }
}
