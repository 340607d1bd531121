package io.greenband.aggregator.core.objective;

import static org.assertj.core.api.Assertions.assertThat;
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

/**
 * Joules per training image and per 1,000 inferences, from a trial's energy and its trainer's
 * counts.
 */
class PerImageEnergyTest {

    private static final Instant END = Instant.parse("2026-05-01T10:00:00Z");
    private static final TrialKey T = new TrialKey("t1", 0);

    /** 900 s of training steps over 45,000 images, 100 s of evaluation over 20,000 images. */
    private static final Map<String, Double> COUNTS =
            Map.of(
                    "training_images",
                    45_000.0,
                    "train_seconds",
                    900.0,
                    "inference_images",
                    20_000.0,
                    "inference_seconds",
                    100.0,
                    "val_error",
                    0.2);

    private static EnergyFigures window(
            double joules, OptionalDouble inference, OptionalDouble perK) {
        Emissions e =
                Emissions.of(
                        new EnergyBreakdown(joules, 0, 0),
                        1.0,
                        CarbonIntensity.worldDefault("test"));
        return new EnergyFigures(joules, inference, perK, Map.of("cpu", joules), true, e, false);
    }

    @Test
    void withoutAMeasuredPhaseTheWindowIsSplitByTheTrainersSeconds() {
        EnergyFigures f = window(10_000, OptionalDouble.empty(), OptionalDouble.empty());
        // 90% of 10 kJ over 45,000 images; 10% over 20,000 images, per 1,000
        assertThat(
                        PerImageEnergy.value(EnergyQuantity.TRAIN_JOULES_PER_IMAGE, f, COUNTS)
                                .getAsDouble())
                .isCloseTo(0.2, within(1e-12));
        assertThat(
                        PerImageEnergy.value(EnergyQuantity.INFERENCE_JOULES_PER_1K, f, COUNTS)
                                .getAsDouble())
                .isCloseTo(50.0, within(1e-9));
        assertThat(PerImageEnergy.value(EnergyQuantity.TOTAL_JOULES, f, COUNTS).getAsDouble())
                .isEqualTo(10_000.0);
    }

    @Test
    void aMeasuredInferencePhaseIsUsedAsMeasured() {
        EnergyFigures f = window(10_000, OptionalDouble.of(3_000), OptionalDouble.of(150));
        assertThat(
                        PerImageEnergy.value(EnergyQuantity.INFERENCE_JOULES_PER_1K, f, COUNTS)
                                .getAsDouble())
                .isEqualTo(150.0);
        assertThat(
                        PerImageEnergy.value(EnergyQuantity.TRAIN_JOULES_PER_IMAGE, f, COUNTS)
                                .getAsDouble())
                .isCloseTo(7_000 / 45_000.0, within(1e-12));
    }

    @Test
    void missingOrInvalidCountsGiveNoValue() {
        EnergyFigures f = window(10_000, OptionalDouble.empty(), OptionalDouble.empty());
        assertThat(
                        PerImageEnergy.value(
                                EnergyQuantity.TRAIN_JOULES_PER_IMAGE,
                                f,
                                Map.of("train_seconds", 5.0)))
                .isEmpty();
        assertThat(
                        PerImageEnergy.value(
                                EnergyQuantity.INFERENCE_JOULES_PER_1K,
                                f,
                                Map.of(
                                        "inference_images",
                                        0.0,
                                        "inference_seconds",
                                        1.0,
                                        "train_seconds",
                                        1.0)))
                .isEmpty();
        assertThat(
                        PerImageEnergy.value(
                                EnergyQuantity.TRAIN_JOULES_PER_IMAGE,
                                f,
                                Map.of(
                                        "training_images",
                                        10.0,
                                        "train_seconds",
                                        -1.0,
                                        "inference_seconds",
                                        1.0)))
                .isEmpty();
        assertThat(f.value(EnergyQuantity.TRAIN_JOULES_PER_IMAGE)).isEmpty();
    }

    @Test
    void aStudyCanMinimiseBothAsObjectives() {
        ObjectivePlan plan =
                ObjectivePlan.builder()
                        .addObjective("error", "minimize", "metric:val_error")
                        .addObjective("train_j", "minimize", "energy:train_joules_per_image")
                        .addObjective("infer_j", "minimize", "energy:inference_joules_per_1k")
                        .optEnergyTimeout(Duration.ofSeconds(60))
                        .build();
        ObjectiveAssembler assembler = new ObjectiveAssembler(plan);
        assertThat(
                        assembler.onFinished(
                                new TrialOutcome(T, 20, TrialStatus.SUCCEEDED, COUNTS, END, "")))
                .isEmpty();
        ScoredTrial s =
                assembler
                        .onEnergy(
                                T,
                                window(10_000, OptionalDouble.empty(), OptionalDouble.empty()),
                                END.plusSeconds(31))
                        .orElseThrow();
        assertThat(s.status()).isEqualTo(ScoredTrial.Status.SCORED);
        assertThat(s.values().get(1).value().getAsDouble()).isCloseTo(0.2, within(1e-12));
        assertThat(s.values().get(2).value().getAsDouble()).isCloseTo(50.0, within(1e-9));

        // a trainer that did not report the counts: the objective is missing, not zero
        TrialKey other = new TrialKey("t2", 0);
        assembler.onFinished(
                new TrialOutcome(
                        other, 20, TrialStatus.SUCCEEDED, Map.of("val_error", 0.3), END, ""));
        ScoredTrial missing = assembler.poll(END.plusSeconds(61)).get(0);
        assertThat(missing.values().get(1).isAbsent()).isTrue();
        assertThat(missing.values().get(2).isAbsent()).isTrue();
    }
}
