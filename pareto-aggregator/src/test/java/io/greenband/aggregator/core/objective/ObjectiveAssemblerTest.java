package io.greenband.aggregator.core.objective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.greenband.aggregator.core.attribution.TrialKey;
import io.greenband.aggregator.core.emissions.CarbonIntensity;
import io.greenband.aggregator.core.emissions.Emissions;
import io.greenband.aggregator.core.emissions.EnergyBreakdown;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ObjectiveAssemblerTest {

  private static final Instant END = Instant.parse("2026-05-01T10:00:00Z");
  private static final TrialKey T = new TrialKey("t1", 0);

  private static ObjectivePlan plan(MissingPolicy policy) {
    return ObjectivePlan.builder()
        .addObjective("error", "minimize", "metric:val_error")
        .addObjective("co2", "minimize", "energy:emissions_g")
        .addObjective("robustness", "maximize", "producer:robust")
        .optProducerTimeout(Duration.ofSeconds(60))
        .optEnergyTimeout(Duration.ofSeconds(90))
        .optMissingPolicy(policy)
        .build();
  }

  private static EnergyFigures energy(double joules) {
    Emissions e = Emissions.of(new EnergyBreakdown(joules, 0, 0), 1.0, CarbonIntensity.worldDefault("test"));
    return new EnergyFigures(joules, OptionalDouble.empty(), e, false);
  }

  private static TrialOutcome succeeded(Map<String, Double> metrics) {
    return new TrialOutcome(T, 20, TrialStatus.SUCCEEDED, metrics, END, "");
  }

  @Test
  void scoresWhenTheLastValueArrivesWhateverTheOrder() {
    ObjectiveAssembler assembler = new ObjectiveAssembler(plan(MissingPolicy.MARK_MISSING));
    assertThat(assembler.onProduced(new ProducedValue(T, "robust", "robustness", 0.8, END.minusSeconds(5)))).isEmpty();
    assertThat(assembler.onFinished(succeeded(Map.of("val_error", 0.12)))).isEmpty();
    ScoredTrial s = assembler.onEnergy(T, energy(3.6e6), END.plusSeconds(31)).orElseThrow();
    assertThat(s.status()).isEqualTo(ScoredTrial.Status.SCORED);
    assertThat(s.reason()).isEmpty();
    double grams = 1.0 * CarbonIntensity.WORLD_DEFAULT_G_PER_KWH;
    assertThat(s.minimizedVector().orElseThrow()).containsExactly(new double[] {0.12, grams, -0.8}, within(1e-12));
    assertThat(s.values().get(2).value().getAsDouble()).isEqualTo(0.8);
    assertThat(s.scoredAt()).isEqualTo(END.plusSeconds(31));
    assertThat(assembler.onProduced(new ProducedValue(T, "robust", "robustness", 0.9, END))).isEmpty();
    assertThat(assembler.onFinished(succeeded(Map.of("val_error", 0.12)))).isEmpty();
    assertThat(assembler.waitingCount()).isZero();
  }

  @Test
  void producerTimeoutMarksTheObjectiveMissing() {
    ObjectiveAssembler assembler = new ObjectiveAssembler(plan(MissingPolicy.MARK_MISSING));
    assembler.onFinished(succeeded(Map.of("val_accuracy", 0.9)));
    assembler.onEnergy(T, energy(1000), END.plusSeconds(30));
    assertThat(assembler.poll(END.plusSeconds(59))).isEmpty();
    ScoredTrial s = assembler.poll(END.plusSeconds(60)).get(0);
    assertThat(s.status()).isEqualTo(ScoredTrial.Status.SCORED);
    assertThat(s.values().get(0).value().getAsDouble()).isCloseTo(0.1, within(1e-12)); // 1 - val_accuracy
    assertThat(s.values().get(2).isMissing()).isTrue();
    assertThat(s.reason()).contains("robustness").contains("producer robust");
    assertThat(s.minimizedVector()).isEmpty();
    assertThat(assembler.poll(END.plusSeconds(600))).isEmpty();
  }

  @Test
  void failTrialPolicyFailsOnAMissingValueNamingIt() {
    ObjectiveAssembler assembler = new ObjectiveAssembler(plan(MissingPolicy.FAIL_TRIAL));
    assembler.onFinished(succeeded(Map.of("val_error", 0.3)));
    assembler.onProduced(new ProducedValue(T, "robust", "robustness", 0.5, END.plusSeconds(1)));
    assertThat(assembler.poll(END.plusSeconds(89))).isEmpty(); // energy still awaited
    ScoredTrial s = assembler.poll(END.plusSeconds(90)).get(0);
    assertThat(s.status()).isEqualTo(ScoredTrial.Status.FAILED);
    assertThat(s.reason()).startsWith("missing objective co2");
    assertThat(s.energy()).isEmpty();
  }

  @Test
  void failedTrialsAreScoredFailedAtOnceAndNonFiniteMetricsAreMissing() {
    ObjectiveAssembler assembler = new ObjectiveAssembler(plan(MissingPolicy.MARK_MISSING));
    ScoredTrial failed = assembler.onFinished(new TrialOutcome(T, 5, TrialStatus.FAILED, Map.of(), END, "diverged"))
        .orElseThrow();
    assertThat(failed.status()).isEqualTo(ScoredTrial.Status.FAILED);
    assertThat(failed.reason()).isEqualTo("trial failed: diverged");
    assertThat(failed.values()).allMatch(ObjectiveValue::isMissing);

    ObjectivePlan metricsOnly = ObjectivePlan.builder().addObjective("error", "min", "metric:val_error")
        .addObjective("acc", "max", "metric:val_accuracy").build();
    ScoredTrial nan = new ObjectiveAssembler(metricsOnly)
        .onFinished(succeeded(Map.of("val_error", Double.NaN, "val_accuracy", 0.7))).orElseThrow();
    assertThat(nan.values().get(0).missingReason()).contains("not finite");
    assertThat(nan.values().get(1).value().getAsDouble()).isEqualTo(0.7);
  }

  @Test
  void producerSourceCanSelectOneObjectiveOfAProducer() {
    ObjectivePlan p = ObjectivePlan.builder().addObjective("lat", "min", "producer:bench/latency_ms").build();
    ObjectiveAssembler assembler = new ObjectiveAssembler(p);
    assembler.onFinished(succeeded(Map.of()));
    assertThat(assembler.onProduced(new ProducedValue(T, "bench", "memory_mb", 512, END))).isEmpty();
    ScoredTrial s = assembler.onProduced(new ProducedValue(T, "bench", "latency_ms", 4.2, END)).orElseThrow();
    assertThat(s.values().get(0).value().getAsDouble()).isEqualTo(4.2);
  }

  @Test
  void malformedSpecificationsAreRejectedWithTheFix() {
    assertThatThrownBy(() -> ObjectiveSource.parse("metrics:val_error")).hasMessageContaining("use metric, energy or producer");
    assertThatThrownBy(() -> ObjectiveSource.parse("energy:kwh")).hasMessageContaining("inference_joules_per_1k");
    assertThatThrownBy(() -> Direction.parse("smaller")).hasMessageContaining("minimize or maximize");
    assertThatThrownBy(() -> ObjectivePlan.builder().addObjective("a", "min", "metric:x")
        .addObjective("a", "max", "metric:y").build()).hasMessageContaining("'a' appears twice");
    assertThatThrownBy(() -> ObjectivePlan.builder().build()).hasMessageContaining("objectives is empty");
    assertThat(ObjectiveSource.parse("producer:bench/latency_ms").text()).isEqualTo("producer:bench/latency_ms");
  }
}
