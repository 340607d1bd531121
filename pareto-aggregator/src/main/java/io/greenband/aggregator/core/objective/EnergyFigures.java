package io.greenband.aggregator.core.objective;

import io.greenband.aggregator.core.attribution.DeviceEnergy;
import io.greenband.aggregator.core.attribution.ShareBasis;
import io.greenband.aggregator.core.attribution.TrialEnergy;
import io.greenband.aggregator.core.emissions.Emissions;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;

/**
 * A trial's energy objectives, from the attribution and emissions layers. The inference phase is
 * taken to lie inside the trial's window (the ledger clips it so), so training energy is the
 * window's energy minus the inference energy.
 *
 * @param windowJoules IT energy over the trial's whole window
 * @param inferenceJoules IT energy of the inference phase, when measured
 * @param inferenceJoulesPer1k that energy per 1,000 inputs, when measured
 * @param byComponent window energy per component wire name ({@code gpu}, {@code cpu-package}, ...)
 * @param estimated whether any of the energy is modelled rather than measured
 * @param emissions emissions of the window's energy
 * @param partial whether part of the window was unmeasured
 * @param basis per component wire name, how the trial's share was computed ({@code CPU_TIME},
 *     {@code RSS}, ...; joined by {@code +} when several applied)
 * @param otherJoules host energy used by no trial while the trial ran (kept apart, not in the
 *     window)
 */
public record EnergyFigures(
        double windowJoules,
        OptionalDouble inferenceJoules,
        OptionalDouble inferenceJoulesPer1k,
        Map<String, Double> byComponent,
        boolean estimated,
        Emissions emissions,
        boolean partial,
        Map<String, String> basis,
        double otherJoules) {

    /** Figures without attribution details. */
    public EnergyFigures(
            double windowJoules,
            OptionalDouble inferenceJoules,
            OptionalDouble inferenceJoulesPer1k,
            Map<String, Double> byComponent,
            boolean estimated,
            Emissions emissions,
            boolean partial) {
        this(
                windowJoules,
                inferenceJoules,
                inferenceJoulesPer1k,
                byComponent,
                estimated,
                emissions,
                partial,
                Map.of(),
                0);
    }

    /** Checks the fields. */
    public EnergyFigures {
        if (!Double.isFinite(windowJoules) || windowJoules < 0) {
            throw new IllegalArgumentException(
                    "windowJoules is " + windowJoules + ": it must be finite and >= 0");
        }
        inferenceJoules = inferenceJoules == null ? OptionalDouble.empty() : inferenceJoules;
        inferenceJoulesPer1k =
                inferenceJoulesPer1k == null ? OptionalDouble.empty() : inferenceJoulesPer1k;
        byComponent =
                byComponent == null
                        ? Map.of()
                        : Collections.unmodifiableMap(new TreeMap<>(byComponent));
        basis = basis == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(basis));
    }

    /**
     * Figures from the trial's energy and, when the trainer reported an inference phase, that
     * phase's energy and the number of inputs it processed.
     */
    public static EnergyFigures of(
            TrialEnergy trial,
            Emissions emissions,
            Optional<TrialEnergy> inference,
            long inferenceInputs) {
        OptionalDouble joules =
                inference
                        .map(e -> OptionalDouble.of(e.totalJoules()))
                        .orElse(OptionalDouble.empty());
        OptionalDouble perK = OptionalDouble.empty();
        if (joules.isPresent() && inferenceInputs > 0) {
            perK = OptionalDouble.of(joules.getAsDouble() / inferenceInputs * 1000.0);
        }
        Map<String, Double> byComponent = new TreeMap<>();
        Map<String, Set<ShareBasis>> bases = new TreeMap<>();
        double other = 0;
        for (DeviceEnergy d : trial.devices()) {
            byComponent.merge(d.component().wireName(), d.joules(), Double::sum);
            bases.computeIfAbsent(d.component().wireName(), k -> EnumSet.noneOf(ShareBasis.class))
                    .addAll(d.basis());
            other += d.otherJoules();
        }
        Map<String, String> basis = new TreeMap<>();
        bases.forEach(
                (component, set) -> {
                    if (!set.isEmpty()) {
                        basis.put(
                                component, String.join("+", set.stream().map(Enum::name).toList()));
                    }
                });
        return new EnergyFigures(
                trial.totalJoules(),
                joules,
                perK,
                byComponent,
                trial.hasEstimates(),
                emissions,
                trial.partial(),
                basis,
                other);
    }

    /** Training energy: the window's energy minus the inference phase. */
    public double trainJoules() {
        return Math.max(0, windowJoules - inferenceJoules.orElse(0));
    }

    /**
     * The value of one energy quantity, empty when not measured. The per-image quantity also needs
     * the trial's counts; {@code ObjectiveAssembler} derives it with them ({@code PerImageEnergy}).
     */
    public OptionalDouble value(EnergyQuantity quantity) {
        return switch (quantity) {
            case EMISSIONS_G -> OptionalDouble.of(emissions.gramsCo2eq());
            case TRAIN_JOULES -> OptionalDouble.of(trainJoules());
            case TRAIN_KWH -> OptionalDouble.of(trainJoules() / Emissions.JOULES_PER_KWH);
            case TOTAL_JOULES -> OptionalDouble.of(windowJoules);
            case INFERENCE_JOULES_PER_1K -> inferenceJoulesPer1k;
            case TRAIN_JOULES_PER_IMAGE -> OptionalDouble.empty();
        };
    }
}
