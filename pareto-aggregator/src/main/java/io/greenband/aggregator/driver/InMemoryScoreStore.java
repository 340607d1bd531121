package io.greenband.aggregator.driver;

import io.greenband.aggregator.core.attribution.EnergySample;
import io.greenband.aggregator.core.attribution.TrialEnergy;
import io.greenband.aggregator.core.attribution.TrialKey;
import io.greenband.aggregator.core.export.EmissionsRow;
import io.greenband.aggregator.core.export.MachineFacts;
import io.greenband.aggregator.core.study.StudyScoring;
import io.greenband.aggregator.core.study.TrialResult;
import io.greenband.pareto.HypervolumeFrame;
import io.greenband.pareto.HypervolumeHistory;
import io.greenband.pareto.ParetoPoint;
import io.greenband.pareto.TrackedFront;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A {@link ScoreStore} in memory with the same upsert semantics as the MongoDB views (keyed by the
 * same ids): the flow's tests and the benchmarks run the engine on it without a database server.
 * Thread-safe; unbounded, so for runs of known size.
 */
public final class InMemoryScoreStore implements ScoreStore {

    /**
     * A front as last written.
     *
     * @param fidelity its fidelity
     * @param top whether it was the top fidelity's front
     * @param members its members
     * @param hypervolume its hypervolume in {@code frame}
     * @param frame the frame, {@code null} before a derived frame exists
     * @param at when it was written
     */
    public record StoredFront(
            double fidelity,
            boolean top,
            List<ParetoPoint> members,
            double hypervolume,
            HypervolumeFrame frame,
            Instant at) {}

    private final Map<String, Map<TrialKey, TrialResult>> trials = new HashMap<>();
    private final Map<String, StoredFront> fronts = new HashMap<>();
    private final Map<String, TreeMap<Integer, HypervolumeHistory.Entry>> history = new HashMap<>();
    private final Map<TrialKey, TrialEnergy> energy = new LinkedHashMap<>();
    private final Map<String, EnergySample> samples = new HashMap<>();
    private final Map<String, MachineFacts> machines = new HashMap<>();
    private int machineWrites;

    @Override
    public synchronized void saveResults(
            StudyScoring study, List<TrialResult> results, Instant at) {
        for (TrialResult r : results) {
            trials.computeIfAbsent(study.studyId(), k -> new LinkedHashMap<>())
                    .put(r.scored().key(), r);
            r.frontUpdate()
                    .ifPresent(
                            u -> {
                                TrackedFront front =
                                        study.fronts().front(u.fidelity()).orElseThrow();
                                String id = study.studyId() + "/" + (u.fidelity() + 0.0);
                                fronts.put(
                                        id,
                                        new StoredFront(
                                                u.fidelity(),
                                                u.topFidelity(),
                                                front.members(),
                                                front.hypervolume(),
                                                front.frame(),
                                                at));
                                u.update()
                                        .historyEntry()
                                        .ifPresent(
                                                e ->
                                                        history.computeIfAbsent(
                                                                        id, k -> new TreeMap<>())
                                                                .put(u.update().historyIndex(), e));
                            });
        }
    }

    @Override
    public synchronized void saveTrialEnergy(TrialEnergy e) {
        energy.put(e.key(), e);
    }

    @Override
    public synchronized void saveSamples(List<EnergySample> batch) {
        for (EnergySample s : batch) {
            samples.putIfAbsent(s.sampleId(), s);
        }
    }

    @Override
    public synchronized void saveMachine(MachineFacts facts) {
        machines.put(facts.host(), facts);
        machineWrites++;
    }

    /** What a host is, as last written. */
    public synchronized Optional<MachineFacts> machine(String host) {
        return Optional.ofNullable(machines.get(host));
    }

    /** How many times host facts were written (the engine writes only what changed). */
    public synchronized int machineWrites() {
        return machineWrites;
    }

    /**
     * A study's emissions export rows, as the MongoDB store builds them: each scored attempt with
     * energy, its attributed energy and its host's facts.
     */
    public synchronized List<EmissionsRow> emissionsRows(String studyId) {
        List<EmissionsRow> rows = new ArrayList<>();
        for (TrialResult r : trials.getOrDefault(studyId, Map.of()).values()) {
            TrialEnergy e = energy.get(r.scored().key());
            var emissions = r.scored().energy().map(f -> f.emissions());
            if (e == null || emissions.isEmpty()) {
                continue;
            }
            rows.add(
                    EmissionsRow.of(
                            studyId,
                            e,
                            emissions.get(),
                            Optional.ofNullable(machines.get(e.host()))));
        }
        return rows;
    }

    /** The latest result of each attempt of a study, in order of first scoring. */
    public synchronized List<TrialResult> trials(String studyId) {
        return List.copyOf(trials.getOrDefault(studyId, Map.of()).values());
    }

    /** The front of a study at a fidelity as last written. */
    public synchronized Optional<StoredFront> front(String studyId, double fidelity) {
        return Optional.ofNullable(fronts.get(studyId + "/" + (fidelity + 0.0)));
    }

    /** The hypervolume history of a study at a fidelity, by index. */
    public synchronized List<HypervolumeHistory.Entry> history(String studyId, double fidelity) {
        return new ArrayList<>(
                history.getOrDefault(studyId + "/" + (fidelity + 0.0), new TreeMap<>()).values());
    }

    /** The attributed energy of an attempt. */
    public synchronized Optional<TrialEnergy> trialEnergy(TrialKey key) {
        return Optional.ofNullable(energy.get(key));
    }

    /** Number of distinct samples stored. */
    public synchronized long sampleCount() {
        return samples.size();
    }
}
