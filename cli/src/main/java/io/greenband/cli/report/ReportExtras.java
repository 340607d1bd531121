package io.greenband.cli.report;

import io.greenband.events.payload.EnergySample;
import io.greenband.events.payload.GreenbandEvent;
import io.greenband.events.payload.TrialProgress;
import io.greenband.events.payload.TrialSuggested;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the report draws beyond the scores, folded from a study's events: each trial's
 * configuration, its learning curve (from {@code trial-progress}) and the power of each device
 * (from {@code energy-sample}). Bounded like the aggregator's views: at most {@link #MAX_TRIALS}
 * trials, {@link #MAX_EPOCHS} epochs and {@link #MAX_METRICS} metrics each, {@link
 * #MAX_POWER_POINTS} power windows (then every other one is dropped and the stride doubles).
 */
public final class ReportExtras {

    static final int MAX_TRIALS = 10_000;
    static final int MAX_EPOCHS = 1000;
    static final int MAX_METRICS = 16;
    static final int MAX_POWER_POINTS = 5000;

    private final String studyId;
    private final Map<String, Map<String, Object>> configs = new LinkedHashMap<>();
    private final Map<String, TreeMap<Integer, Map<String, Object>>> curves = new LinkedHashMap<>();
    private final Map<String, Integer> curveEpochs = new LinkedHashMap<>();
    private final List<Map<String, Object>> power = new ArrayList<>();
    private final List<String> hosts = new ArrayList<>();
    private Map<String, Object> importances;
    private long powerSeen;
    private int stride = 1;

    /** Extras of study {@code studyId}. */
    public ReportExtras(String studyId) {
        this.studyId = studyId;
    }

    /**
     * Takes one event of any topic; energy samples are all kept (a local run's monitor watches its
     * one machine).
     */
    public void add(GreenbandEvent event) {
        if (event instanceof TrialSuggested s
                && s.studyId().equals(studyId)
                && configs.size() < MAX_TRIALS) {
            configs.put(s.trialId() + "#" + s.attempt(), s.config());
        } else if (event instanceof TrialProgress p
                && p.studyId().equals(studyId)
                && !p.metrics().isEmpty()
                && p.epoch() <= MAX_EPOCHS) {
            String key = p.trialId() + "#" + p.attempt();
            if (!curves.containsKey(key) && curves.size() >= MAX_TRIALS) {
                return;
            }
            Map<String, Object> metrics = new LinkedHashMap<>();
            new TreeMap<>(p.metrics())
                    .entrySet().stream()
                            .limit(MAX_METRICS)
                            .forEach(m -> metrics.put(m.getKey(), m.getValue()));
            curves.computeIfAbsent(key, k -> new TreeMap<>())
                    .put(
                            p.epoch(),
                            Map.of(
                                    "epoch",
                                    p.epoch(),
                                    "metrics",
                                    metrics,
                                    "at",
                                    p.at().toString()));
            if (p.epochs() != null) {
                curveEpochs.put(key, p.epochs());
            }
        } else if (event instanceof EnergySample e && e.windowEnd().isAfter(e.windowStart())) {
            addPower(e);
        }
    }

    private void addPower(EnergySample e) {
        if (powerSeen++ % stride != 0) {
            return;
        }
        double seconds = (e.windowEnd().toEpochMilli() - e.windowStart().toEpochMilli()) / 1000.0;
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("start", e.windowStart().toString());
        p.put("end", e.windowEnd().toString());
        p.put("host", e.host());
        p.put("device", e.deviceId() == null ? "" : e.deviceId());
        p.put("component", e.component().name().toLowerCase(java.util.Locale.ROOT));
        p.put("watts", e.energyJoules() / seconds);
        power.add(p);
        if (power.size() > MAX_POWER_POINTS) {
            // Halve the resolution: keep every other window from here on and in what is kept.
            List<Map<String, Object>> kept = new ArrayList<>();
            for (int i = 0; i < power.size(); i += 2) {
                kept.add(power.get(i));
            }
            power.clear();
            power.addAll(kept);
            stride *= 2;
        }
    }

    /**
     * Sets the study's parameter importances ({@link StudyImportances}' shape), drawn instead of a
     * note.
     */
    public void importances(Map<String, Object> view) {
        this.importances = view;
    }

    /**
     * The study's parameter importances, empty when none were read (e.g. a random-search study).
     */
    java.util.Optional<Map<String, Object>> importances() {
        return java.util.Optional.ofNullable(importances);
    }

    /**
     * The configuration of a trial attempt ({@code trialId#attempt}), empty when it was not seen.
     */
    Map<String, Object> config(String key) {
        return configs.getOrDefault(key, Map.of());
    }

    /** Learning curves in the aggregator's {@code /progress} shape. */
    List<Map<String, Object>> curves() {
        List<Map<String, Object>> out = new ArrayList<>();
        curves.forEach(
                (key, points) -> {
                    int hash = key.lastIndexOf('#');
                    Map<String, Object> c = new LinkedHashMap<>();
                    c.put("trialId", key.substring(0, hash));
                    c.put("attempt", Integer.parseInt(key.substring(hash + 1)));
                    c.put("epochs", curveEpochs.get(key));
                    c.put("points", List.copyOf(points.values()));
                    out.add(c);
                });
        return out;
    }

    /** Power windows in the aggregator's {@code /power} shape. */
    List<Map<String, Object>> power() {
        return List.copyOf(power);
    }
}
