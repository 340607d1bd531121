package io.greenband.aggregator.driver;

import io.greenband.aggregator.core.attribution.EnergySample;
import io.greenband.aggregator.core.attribution.TrialEnergy;
import io.greenband.aggregator.core.export.MachineFacts;
import io.greenband.aggregator.core.study.StudyScoring;
import io.greenband.aggregator.core.study.TrialResult;
import java.time.Instant;
import java.util.List;

/**
 * Where the engine keeps the views of its results: scored trials with their fronts and hypervolume
 * history, attributed trial energy, the power series and what each host is. Every write is an
 * upsert keyed by ids, so a write repeated after a redelivery changes nothing; a write returns once
 * it is durable (or throws).
 */
public interface ScoreStore {

    /**
     * Writes what scoring returned: each trial, the hypervolume entry it caused, and the current
     * front of each fidelity it touched (fronts are written as they are now, so a batch may be
     * saved after the fact).
     */
    void saveResults(StudyScoring study, List<TrialResult> results, Instant at);

    /** Upserts a trial attempt's attributed energy. */
    void saveTrialEnergy(TrialEnergy energy);

    /** Stores a batch of samples; a sample id seen twice is stored once. */
    void saveSamples(List<EnergySample> batch);

    /** Upserts what a host is (keyed by host), written when its monitor tells something new. */
    void saveMachine(MachineFacts facts);
}
