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

    private static ObjectivePlan plan(MissingPolicy robustnessPolicy) {
        return ObjectivePlan.builder()
                .addObjective("error", "minimize", "metric:val_error")
                .addObjective("co2", "minimize", "energy:emissions_g")
                .addObjective(
                        ObjectiveSpec.of("robustness", "maximize", "producer:robust")
                                .with(Duration.ofSeconds(60), robustnessPolicy))
                .optEnergyTimeout(Duration.ofSeconds(90))
                .build();
    }

    private static EnergyFigures energy(double joules) {
        Emissions e =
                Emissions.of(
                        new EnergyBreakdown(joules, 0, 0),
                        1.0,
                        CarbonIntensity.worldDefault("test"));
        return new EnergyFigures(
                joules,
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                Map.of("gpu", joules),
                false,
                e,
                false);
    }

    private static TrialOutcome succeeded(TrialKey key, Map<String, Double> metrics) {
        return new TrialOutcome(key, 20, TrialStatus.SUCCEEDED, metrics, END, "");
    }

    @Test
    void scoresWhenTheLastValueArrivesWhateverTheOrder() {
        ObjectiveAssembler assembler = new ObjectiveAssembler(plan(MissingPolicy.MARK_MISSING));
        assertThat(
                        assembler.onProduced(
                                new ProducedValue(
                                        T, "robust", "robustness", 0.8, END.minusSeconds(5))))
                .isEmpty();
        assertThat(assembler.onFinished(succeeded(T, Map.of("val_error", 0.12)))).isEmpty();
        ScoredTrial s = assembler.onEnergy(T, energy(3.6e6), END.plusSeconds(31)).orElseThrow();
        assertThat(s.status()).isEqualTo(ScoredTrial.Status.SCORED);
        assertThat(s.reason()).isEmpty();
        assertThat(s.revision()).isZero();
        double grams = 1.0 * CarbonIntensity.WORLD_DEFAULT_G_PER_KWH;
        assertThat(s.minimizedVector().orElseThrow())
                .containsExactly(new double[] {0.12, grams, -0.8}, within(1e-12));
        assertThat(s.values().get(2).value().getAsDouble()).isEqualTo(0.8);
        assertThat(s.scoredAt()).isEqualTo(END.plusSeconds(31));
        assertThat(assembler.onProduced(new ProducedValue(T, "robust", "robustness", 0.9, END)))
                .isEmpty();
        assertThat(assembler.onFinished(succeeded(T, Map.of("val_error", 0.12)))).isEmpty();
        assertThat(assembler.waitingCount()).isZero();
    }

    @Test
    void producerTimeoutMarksTheObjectiveMissingAndALateValueRescores() {
        ObjectiveAssembler assembler = new ObjectiveAssembler(plan(MissingPolicy.MARK_MISSING));
        assembler.onFinished(succeeded(T, Map.of("val_accuracy", 0.9)));
        assembler.onEnergy(T, energy(1000), END.plusSeconds(30));
        assertThat(assembler.poll(END.plusSeconds(59))).isEmpty();
        ScoredTrial s = assembler.poll(END.plusSeconds(60)).get(0);
        assertThat(s.status()).isEqualTo(ScoredTrial.Status.SCORED);
        assertThat(s.values().get(0).value().getAsDouble())
                .isCloseTo(0.1, within(1e-12)); // 1 - val_accuracy
        assertThat(s.values().get(2).isMissing()).isTrue();
        assertThat(s.reason()).contains("robustness").contains("producer robust");
        assertThat(s.minimizedVector()).isEmpty();
        assertThat(assembler.poll(END.plusSeconds(600))).isEmpty();

        assertThat(
                        assembler.onProduced(
                                new ProducedValue(T, "other", "x", 1, END.plusSeconds(700))))
                .isEmpty();
        ScoredTrial late =
                assembler
                        .onProduced(
                                new ProducedValue(
                                        T, "robust", "robustness", 0.7, END.plusSeconds(700)))
                        .orElseThrow();
        assertThat(late.revision()).isEqualTo(1);
        assertThat(late.minimizedVector().orElseThrow()[2]).isEqualTo(-0.7);
        assertThat(
                        assembler.onProduced(
                                new ProducedValue(
                                        T, "robust", "robustness", 0.6, END.plusSeconds(800))))
                .isEmpty();
    }

    @Test
    void useWorstSubstitutesTheWorstObservedValue() {
        ObjectiveAssembler assembler = new ObjectiveAssembler(plan(MissingPolicy.USE_WORST));
        TrialKey[] keys = {new TrialKey("a", 0), new TrialKey("b", 0), new TrialKey("c", 0)};
        double[] robustness = {0.9, 0.4};
        for (int i = 0; i < 2; i++) {
            assembler.onFinished(succeeded(keys[i], Map.of("val_error", 0.2)));
            assembler.onEnergy(keys[i], energy(100), END);
            assembler
                    .onProduced(
                            new ProducedValue(keys[i], "robust", "robustness", robustness[i], END))
                    .orElseThrow();
        }
        assembler.onFinished(succeeded(keys[2], Map.of("val_error", 0.2)));
        assembler.onEnergy(keys[2], energy(100), END);
        ScoredTrial c = assembler.poll(END.plusSeconds(60)).get(0);
        ObjectiveValue r = c.values().get(2);
        assertThat(r.substituted()).isTrue();
        assertThat(r.value().getAsDouble())
                .isEqualTo(0.4); // maximized: the smallest seen is the worst
        assertThat(c.minimizedVector()).isPresent();
        assertThat(c.reason()).contains("worst observed value used");

        ScoredTrial fixed =
                assembler
                        .onProduced(
                                new ProducedValue(
                                        keys[2], "robust", "robustness", 0.95, END.plusSeconds(90)))
                        .orElseThrow();
        assertThat(fixed.revision()).isEqualTo(1);
        assertThat(fixed.values().get(2).substituted()).isFalse();
    }

    @Test
    void useWorstWithNothingObservedYetMarksMissing() {
        ObjectiveAssembler assembler = new ObjectiveAssembler(plan(MissingPolicy.USE_WORST));
        assembler.onFinished(succeeded(T, Map.of("val_error", 0.2)));
        assembler.onEnergy(T, energy(100), END);
        ScoredTrial s = assembler.poll(END.plusSeconds(60)).get(0);
        assertThat(s.values().get(2).isMissing()).isTrue();
        assertThat(s.status()).isEqualTo(ScoredTrial.Status.SCORED);
    }

    @Test
    void failTrialPolicyFailsOnAMissingValueNamingIt() {
        ObjectivePlan p =
                ObjectivePlan.builder()
                        .addObjective(
                                ObjectiveSpec.of("co2", "minimize", "energy:emissions_g")
                                        .with(null, MissingPolicy.FAIL_TRIAL))
                        .optEnergyTimeout(Duration.ofSeconds(90))
                        .build();
        ObjectiveAssembler assembler = new ObjectiveAssembler(p);
        assembler.onFinished(succeeded(T, Map.of("val_error", 0.3)));
        assertThat(assembler.poll(END.plusSeconds(89))).isEmpty(); // energy still awaited
        ScoredTrial s = assembler.poll(END.plusSeconds(90)).get(0);
        assertThat(s.status()).isEqualTo(ScoredTrial.Status.FAILED);
        assertThat(s.reason()).startsWith("missing objective co2");
        assertThat(s.energy()).isEmpty();
        assertThat(assembler.onEnergy(T, energy(5), END.plusSeconds(95)))
                .isEmpty(); // energy is never re-scored
    }

    @Test
    void failedTrialsAreScoredFailedAtOnceAndNonFiniteMetricsAreMissing() {
        ObjectiveAssembler assembler = new ObjectiveAssembler(plan(MissingPolicy.MARK_MISSING));
        ScoredTrial failed =
                assembler
                        .onFinished(
                                new TrialOutcome(
                                        T, 5, TrialStatus.FAILED, Map.of(), END, "diverged"))
                        .orElseThrow();
        assertThat(failed.status()).isEqualTo(ScoredTrial.Status.FAILED);
        assertThat(failed.reason()).isEqualTo("trial failed: diverged");
        assertThat(failed.values()).allMatch(ObjectiveValue::isMissing);
        assertThat(assembler.onProduced(new ProducedValue(T, "robust", "robustness", 0.5, END)))
                .isEmpty();

        ObjectivePlan metricsOnly =
                ObjectivePlan.builder()
                        .addObjective("error", "min", "metric:val_error")
                        .addObjective("acc", "max", "metric:val_accuracy")
                        .build();
        ScoredTrial nan =
                new ObjectiveAssembler(metricsOnly)
                        .onFinished(
                                succeeded(T, Map.of("val_error", Double.NaN, "val_accuracy", 0.7)))
                        .orElseThrow();
        assertThat(nan.values().get(0).note()).contains("not finite");
        assertThat(nan.values().get(1).value().getAsDouble()).isEqualTo(0.7);
    }

    @Test
    void producerSourceCanSelectOneObjectiveOfAProducer() {
        ObjectivePlan p =
                ObjectivePlan.builder()
                        .addObjective("lat", "min", "producer:bench/latency_ms")
                        .build();
        ObjectiveAssembler assembler = new ObjectiveAssembler(p);
        assembler.onFinished(succeeded(T, Map.of()));
        assertThat(assembler.onProduced(new ProducedValue(T, "bench", "memory_mb", 512, END)))
                .isEmpty();
        ScoredTrial s =
                assembler
                        .onProduced(new ProducedValue(T, "bench", "latency_ms", 4.2, END))
                        .orElseThrow();
        assertThat(s.values().get(0).value().getAsDouble()).isEqualTo(4.2);
    }

    @Test
    void energyQuantitiesSeparateInferenceFromTraining() {
        Emissions e =
                Emissions.of(
                        new EnergyBreakdown(9000, 0, 0), 1.0, CarbonIntensity.worldDefault("test"));
        EnergyFigures f =
                new EnergyFigures(
                        9000,
                        OptionalDouble.of(1800),
                        OptionalDouble.of(18),
                        Map.of(),
                        false,
                        e,
                        false);
        assertThat(f.value(EnergyQuantity.TOTAL_JOULES).getAsDouble()).isEqualTo(9000.0);
        assertThat(f.value(EnergyQuantity.TRAIN_JOULES).getAsDouble()).isEqualTo(7200.0);
        assertThat(f.value(EnergyQuantity.TRAIN_KWH).getAsDouble())
                .isCloseTo(7200 / 3.6e6, within(1e-15));
        assertThat(f.value(EnergyQuantity.INFERENCE_JOULES_PER_1K).getAsDouble()).isEqualTo(18.0);
    }

    @Test
    void malformedSpecificationsAreRejectedWithTheFix() {
        assertThatThrownBy(() -> ObjectiveSource.parse("metrics:val_error"))
                .hasMessageContaining("use metric, energy or producer");
        assertThatThrownBy(() -> ObjectiveSource.parse("energy:kwh"))
                .hasMessageContaining("inference_joules_per_1k");
        assertThatThrownBy(() -> Direction.parse("smaller"))
                .hasMessageContaining("minimize or maximize");
        assertThatThrownBy(
                        () ->
                                ObjectivePlan.builder()
                                        .addObjective("a", "min", "metric:x")
                                        .addObjective("a", "max", "metric:y")
                                        .build())
                .hasMessageContaining("'a' appears twice");
        assertThatThrownBy(() -> ObjectivePlan.builder().build())
                .hasMessageContaining("objectives is empty");
        assertThatThrownBy(
                        () ->
                                ObjectiveSpec.of("p", "min", "producer:x")
                                        .with(Duration.ofSeconds(-1), null))
                .hasMessageContaining("timeout of objective p");
        assertThat(ObjectiveSource.parse("producer:bench/latency_ms").text())
                .isEqualTo("producer:bench/latency_ms");
        assertThat(ObjectiveSpec.of("p", "min", "producer:x").timeout())
                .isEqualTo(ObjectiveSpec.DEFAULT_PRODUCER_WAIT);
        assertThat(ObjectiveSpec.of("m", "min", "metric:x").timeout()).isZero();
    }
}
