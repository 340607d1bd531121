package io.greenband.aggregator.adapter.metrics;

import io.greenband.aggregator.driver.TrialScoredListener;
import io.greenband.events.payload.TrialScored;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Energy and emissions of scored trials as Prometheus counters, named in Kepler's style: {@code
 * greenband_trial_energy_joules_total{study,trial,component}}, {@code
 * greenband_trial_emissions_grams_total{study,trial}}, {@code
 * greenband_study_energy_joules_total{study}}, {@code greenband_study_emissions_grams_total{study}}
 * and {@code greenband_study_trials_scored_total{study}}. A trial's series follow its latest score
 * (a re-score replaces its figures; counters never go down). Label cardinality is bounded: at most
 * {@code maxStudies} studies and {@code maxTrials} trials keep series, the least recently scored
 * being removed first, and at most {@link #MAX_COMPONENTS} components per trial.
 */
public final class ScoredMetrics implements TrialScoredListener {

    /** Default bound on studies with series. */
    public static final int DEFAULT_MAX_STUDIES = 20;

    /** Default bound on trials with series (with ~4 components: ~2,500 series). */
    public static final int DEFAULT_MAX_TRIALS = 500;

    /**
     * Components per trial with a series; a breakdown holds GPU, CPU, DRAM and a few more at most.
     */
    public static final int MAX_COMPONENTS = 8;

    private final MeterRegistry registry;
    private final Map<String, StudySeries> studies;
    private final Map<String, TrialSeries> trials;

    /**
     * Series in {@code registry} for at most {@code maxStudies} studies and {@code maxTrials}
     * trials.
     */
    public ScoredMetrics(MeterRegistry registry, int maxStudies, int maxTrials) {
        if (maxStudies < 1 || maxTrials < 1) {
            throw new IllegalArgumentException(
                    "metrics bounds must be positive, got studies "
                            + maxStudies
                            + " and trials "
                            + maxTrials);
        }
        this.registry = registry;
        // Access order: the least recently scored entry is the eldest, removed with its meters.
        this.studies =
                new LinkedHashMap<>(16, 0.75f, true) {
                    @Override
                    protected boolean removeEldestEntry(Map.Entry<String, StudySeries> eldest) {
                        boolean evict = size() > maxStudies;
                        if (evict) {
                            eldest.getValue().meters.forEach(registry::remove);
                            trials.values()
                                    .removeIf(
                                            t ->
                                                    t.study.equals(eldest.getKey())
                                                            && t.remove(registry));
                        }
                        return evict;
                    }
                };
        this.trials =
                new LinkedHashMap<>(16, 0.75f, true) {
                    @Override
                    protected boolean removeEldestEntry(Map.Entry<String, TrialSeries> eldest) {
                        return size() > maxTrials && eldest.getValue().remove(registry);
                    }
                };
    }

    @Override
    public synchronized void scored(String studyId, List<TrialScored> scored) {
        for (TrialScored t : scored) {
            StudySeries study = studies.computeIfAbsent(studyId, this::study);
            String key = studyId + "\u0000" + t.trialId() + "\u0000" + t.attempt();
            TrialSeries trial = trials.get(key);
            if (trial == null) {
                trial = new TrialSeries(studyId);
                trials.put(key, trial);
                study.trials++;
            }
            trial.update(registry, t);
            study.joules += trial.deltaJoules;
            study.grams += trial.deltaGrams;
        }
    }

    private StudySeries study(String studyId) {
        StudySeries s = new StudySeries();
        Tags tags = Tags.of("study", studyId);
        s.meters.add(
                FunctionCounter.builder("greenband.study.energy", s, x -> x.joules)
                        .baseUnit("joules")
                        .tags(tags)
                        .description(
                                "Energy attributed to the study's scored trials (train + inference)")
                        .register(registry));
        s.meters.add(
                FunctionCounter.builder("greenband.study.emissions", s, x -> x.grams)
                        .baseUnit("grams")
                        .tags(tags)
                        .description("Emissions (gCO2eq) of the study's scored trials")
                        .register(registry));
        s.meters.add(
                FunctionCounter.builder("greenband.study.trials.scored", s, x -> x.trials)
                        .tags(tags)
                        .description("Trial attempts of the study scored")
                        .register(registry));
        return s;
    }

    /** Running totals of one study, read at scrape time. */
    private static final class StudySeries {
        volatile double joules;
        volatile double grams;
        volatile double trials;
        final List<Meter> meters = new ArrayList<>();
    }

    /** The latest figures of one trial attempt and its meters. */
    private static final class TrialSeries {
        final String study;
        final Map<String, double[]> joules = new LinkedHashMap<>();
        final double[] grams = new double[1];
        final List<Meter> meters = new ArrayList<>();
        double total;
        double deltaJoules;
        double deltaGrams;

        TrialSeries(String study) {
            this.study = study;
        }

        /**
         * Takes the trial's latest figures (never lower than before) and the increases of its
         * totals.
         */
        void update(MeterRegistry registry, TrialScored t) {
            // Attempts after the first are series of their own: one label set per attempt.
            Tags tags =
                    Tags.of(
                            "study",
                            t.studyId(),
                            "trial",
                            t.trialId() + (t.attempt() > 1 ? "#" + t.attempt() : ""));
            if (meters.isEmpty()) {
                meters.add(
                        FunctionCounter.builder("greenband.trial.emissions", grams, c -> c[0])
                                .baseUnit("grams")
                                .tags(tags)
                                .description("Emissions (gCO2eq) of the trial's energy")
                                .register(registry));
            }
            for (Map.Entry<String, Double> e : t.energy().byComponent().entrySet()) {
                String component = e.getKey().toLowerCase(Locale.ROOT);
                double[] cell = joules.get(component);
                if (cell == null) {
                    if (joules.size() >= MAX_COMPONENTS) {
                        continue;
                    }
                    double[] fresh = new double[1];
                    cell = fresh;
                    joules.put(component, fresh);
                    meters.add(
                            FunctionCounter.builder("greenband.trial.energy", fresh, c -> c[0])
                                    .baseUnit("joules")
                                    .tags(tags.and("component", component))
                                    .description("Energy attributed to the trial per component")
                                    .register(registry));
                }
                cell[0] = Math.max(cell[0], e.getValue());
            }
            double newTotal = Math.max(total, t.energy().totalJoules());
            deltaJoules = newTotal - total;
            total = newTotal;
            double g = Math.max(grams[0], t.emissions().grams());
            deltaGrams = g - grams[0];
            grams[0] = g;
        }

        /** Removes the trial's meters; true, for use in removal predicates. */
        boolean remove(MeterRegistry registry) {
            meters.forEach(registry::remove);
            return true;
        }
    }
}
