package io.greenband.aggregator.adapter.persistence;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.WriteModel;
import io.greenband.aggregator.AggregatorException;
import io.greenband.aggregator.core.attribution.EnergySample;
import io.greenband.aggregator.core.attribution.TrialEnergy;
import io.greenband.aggregator.core.attribution.TrialKey;
import io.greenband.aggregator.core.export.EmissionsRow;
import io.greenband.aggregator.core.export.MachineFacts;
import io.greenband.aggregator.core.study.StudyScoring;
import io.greenband.aggregator.core.study.TrialResult;
import io.greenband.aggregator.driver.ScoreStore;
import io.greenband.pareto.HypervolumeHistory;
import io.greenband.pareto.TrackedFront;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.conversions.Bson;

/**
 * The aggregator's MongoDB views: scored trials, attributed trial energy, fronts, hypervolume
 * history and energy samples. Every write replaces the document with the same id (upsert), so
 * writing the same result twice leaves the store as it was; nothing relies on transactions.
 */
public final class MongoAggregatorStore implements ScoreStore {

    /** Scored trials. */
    public static final String TRIALS = "trials";

    /** Attributed energy per trial attempt. */
    public static final String TRIAL_ENERGY = "trial_energy";

    /** Current fronts per study and fidelity. */
    public static final String FRONTS = "fronts";

    /** Hypervolume history per study and fidelity. */
    public static final String HYPERVOLUME = "hypervolume_history";

    /** Energy samples (the power-over-time series), one document per stream and minute. */
    public static final String SAMPLES = "energy_samples";

    /** What each host is (os, CPU, memory, GPUs, location), as its energy monitor last told it. */
    public static final String MACHINES = "machines";

    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

    private final MongoCollection<Document> trials;
    private final MongoCollection<Document> trialEnergy;
    private final MongoCollection<Document> fronts;
    private final MongoCollection<Document> hypervolume;
    private final MongoCollection<Document> samples;
    private final MongoCollection<Document> machines;
    private final MongoCollection<RawBsonDocument> sampleWrites;
    private final SampleBuckets recent = new SampleBuckets();

    /** A store on one database. */
    public MongoAggregatorStore(MongoDatabase database) {
        Objects.requireNonNull(database, "database must not be null");
        this.trials = database.getCollection(TRIALS);
        this.trialEnergy = database.getCollection(TRIAL_ENERGY);
        this.fronts = database.getCollection(FRONTS);
        this.hypervolume = database.getCollection(HYPERVOLUME);
        this.samples = database.getCollection(SAMPLES);
        this.machines = database.getCollection(MACHINES);
        this.sampleWrites = database.getCollection(SAMPLES, RawBsonDocument.class);
    }

    /** Creates the query indexes (idempotent). */
    public void ensureIndexes() {
        run(
                "creating indexes",
                () -> {
                    trials.createIndex(
                            Indexes.ascending("studyId", "fidelity"),
                            new IndexOptions().name("study_fidelity"));
                    trials.createIndex(
                            Indexes.ascending("studyId", "scoredAt"),
                            new IndexOptions().name("study_scored"));
                    fronts.createIndex(
                            Indexes.ascending("studyId", "fidelity"),
                            new IndexOptions().name("study_fidelity"));
                    hypervolume.createIndex(
                            Indexes.ascending("studyId", "fidelity", "index"),
                            new IndexOptions().name("study_fidelity_index"));
                    samples.createIndex(
                            Indexes.ascending("host", "bucketStart"),
                            new IndexOptions().name("host_time"));
                    trialEnergy.createIndex(
                            Indexes.ascending("trialId"), new IndexOptions().name("trial"));
                    return null;
                });
    }

    /**
     * Writes what scoring returned: each trial, the hypervolume entry it caused, and the current
     * front of each fidelity it touched (fronts are written as they are now, so a batch may be
     * saved after the fact).
     */
    @Override
    public void saveResults(StudyScoring study, List<TrialResult> results, Instant at) {
        for (TrialResult r : results) {
            saveTrial(study.studyId(), r);
            r.frontUpdate()
                    .ifPresent(
                            u -> {
                                TrackedFront front =
                                        study.fronts().front(u.fidelity()).orElseThrow();
                                saveFront(
                                        study.studyId(), u.fidelity(), u.topFidelity(), front, at);
                                u.update()
                                        .historyEntry()
                                        .ifPresent(
                                                e ->
                                                        saveHypervolumeEntry(
                                                                study.studyId(),
                                                                u.fidelity(),
                                                                u.update().historyIndex(),
                                                                e));
                            });
        }
    }

    /** Upserts one scored trial. */
    public void saveTrial(String studyId, TrialResult result) {
        Document doc = TrialDocuments.toDocument(studyId, result);
        run(
                "saving trial " + doc.get("_id"),
                () -> trials.replaceOne(Filters.eq("_id", doc.get("_id")), doc, UPSERT));
    }

    /** Upserts a trial attempt's attributed energy. */
    @Override
    public void saveTrialEnergy(TrialEnergy energy) {
        Document doc = TrialEnergyDocuments.toDocument(energy);
        run(
                "saving energy of trial " + energy.key(),
                () -> trialEnergy.replaceOne(Filters.eq("_id", doc.get("_id")), doc, UPSERT));
    }

    /** Upserts what a host is. */
    @Override
    public void saveMachine(MachineFacts facts) {
        Document doc = MachineDocuments.toDocument(facts);
        run(
                "saving the facts of host " + facts.host(),
                () -> machines.replaceOne(Filters.eq("_id", facts.host()), doc, UPSERT));
    }

    /** What a host is, when its monitor told it. */
    public Optional<MachineFacts> machine(String host) {
        return run(
                "reading the facts of host " + host,
                () ->
                        Optional.ofNullable(machines.find(Filters.eq("_id", host)).first())
                                .map(MachineDocuments::fromDocument));
    }

    /** Upserts the front of one fidelity. */
    public void saveFront(
            String studyId, double fidelity, boolean top, TrackedFront front, Instant at) {
        Document doc = FrontDocuments.front(studyId, fidelity, top, front, at);
        run(
                "saving front " + doc.get("_id"),
                () -> fronts.replaceOne(Filters.eq("_id", doc.get("_id")), doc, UPSERT));
    }

    /** Upserts one hypervolume history entry at its index. */
    public void saveHypervolumeEntry(
            String studyId, double fidelity, int index, HypervolumeHistory.Entry entry) {
        Document doc = FrontDocuments.hypervolume(studyId, fidelity, index, entry);
        run(
                "saving hypervolume " + doc.get("_id"),
                () -> hypervolume.replaceOne(Filters.eq("_id", doc.get("_id")), doc, UPSERT));
    }

    /**
     * Stores samples in one unordered bulk write: each touched per-minute bucket is replaced whole
     * (upsert) with what it held plus the batch, so a sample id seen twice is stored once.
     */
    @Override
    public synchronized void saveSamples(List<EnergySample> batch) {
        if (batch.isEmpty()) {
            return;
        }
        Set<String> touched = recent.add(batch, this::storedBuckets);
        List<WriteModel<RawBsonDocument>> writes = new ArrayList<>(touched.size());
        for (String id : touched) {
            // The bucket's document straight as BSON (SampleDocuments.bucket's layout, byte for
            // byte).
            writes.add(
                    new ReplaceOneModel<>(
                            Filters.eq("_id", id),
                            SampleBucketBson.bucket(id, recent.samples(id)),
                            UPSERT));
        }
        try {
            run(
                    "saving " + batch.size() + " energy samples",
                    () -> sampleWrites.bulkWrite(writes, new BulkWriteOptions().ordered(false)));
        } catch (RuntimeException e) {
            recent.forget(touched);
            throw e;
        }
        recent.evict();
    }

    private Map<String, List<EnergySample>> storedBuckets(Set<String> ids) {
        return run(
                "reading " + ids.size() + " sample buckets",
                () -> {
                    Map<String, List<EnergySample>> out = new HashMap<>();
                    for (Document d : samples.find(Filters.in("_id", ids))) {
                        out.put(d.getString("_id"), SampleDocuments.fromBucket(d));
                    }
                    return out;
                });
    }

    /** A study's trials, in scoring order. */
    public List<StoredTrial> trials(String studyId) {
        return run(
                "reading trials of study " + studyId,
                () -> {
                    List<StoredTrial> out = new ArrayList<>();
                    for (Document d :
                            trials.find(Filters.eq("studyId", studyId))
                                    .sort(Sorts.ascending("scoredAt", "_id"))) {
                        out.add(TrialDocuments.fromDocument(d));
                    }
                    return out;
                });
    }

    /** One trial attempt of a study. */
    public Optional<StoredTrial> trial(String studyId, TrialKey key) {
        return run(
                "reading trial " + key,
                () ->
                        Optional.ofNullable(
                                        trials.find(
                                                        Filters.eq(
                                                                "_id",
                                                                TrialDocuments.id(studyId, key)))
                                                .first())
                                .map(TrialDocuments::fromDocument));
    }

    /** A trial attempt's attributed energy. */
    public Optional<TrialEnergy> trialEnergy(TrialKey key) {
        return run(
                "reading energy of trial " + key,
                () ->
                        Optional.ofNullable(
                                        trialEnergy.find(Filters.eq("_id", key.toString())).first())
                                .map(TrialEnergyDocuments::fromDocument));
    }

    /** The front of one fidelity. */
    public Optional<StoredFront> front(String studyId, double fidelity) {
        return run(
                "reading front of study " + studyId,
                () ->
                        Optional.ofNullable(
                                        fronts.find(
                                                        Filters.eq(
                                                                "_id",
                                                                FrontDocuments.frontId(
                                                                        studyId, fidelity)))
                                                .first())
                                .map(FrontDocuments::readFront));
    }

    /** Every front of a study, by fidelity. */
    public List<StoredFront> fronts(String studyId) {
        return run(
                "reading fronts of study " + studyId,
                () -> {
                    List<StoredFront> out = new ArrayList<>();
                    for (Document d :
                            fronts.find(Filters.eq("studyId", studyId))
                                    .sort(Sorts.ascending("fidelity"))) {
                        out.add(FrontDocuments.readFront(d));
                    }
                    return out;
                });
    }

    /** The hypervolume history of one fidelity's front. */
    public List<StoredHypervolume> hypervolumeHistory(String studyId, double fidelity) {
        Bson filter = Filters.and(Filters.eq("studyId", studyId), Filters.eq("fidelity", fidelity));
        return run(
                "reading hypervolume history of study " + studyId,
                () -> {
                    List<StoredHypervolume> out = new ArrayList<>();
                    for (Document d : hypervolume.find(filter).sort(Sorts.ascending("index"))) {
                        out.add(FrontDocuments.readHypervolume(d));
                    }
                    return out;
                });
    }

    /**
     * Samples of a host whose window starts in [from, to), in time order (for power over time and
     * replay).
     */
    public List<EnergySample> samples(String host, Instant from, Instant to) {
        Bson filter =
                Filters.and(
                        Filters.eq("host", host),
                        Filters.gte("bucketStart", Date.from(SampleDocuments.bucketStart(from))),
                        Filters.lt("bucketStart", Date.from(to)));
        return run(
                "reading samples of host " + host,
                () -> {
                    List<EnergySample> out = new ArrayList<>();
                    for (Document d : samples.find(filter)) {
                        for (EnergySample s : SampleDocuments.fromBucket(d)) {
                            if (!s.windowStart().isBefore(from) && s.windowStart().isBefore(to)) {
                                out.add(s);
                            }
                        }
                    }
                    out.sort(
                            Comparator.comparing(EnergySample::windowStart)
                                    .thenComparing(EnergySample::device)
                                    .thenComparing(EnergySample::sampleId));
                    return out;
                });
    }

    /**
     * A study's CodeCarbon-style rows (see {@code CodeCarbonCsv}): every trial whose energy was
     * attributed, joined with its stored trial energy for the time range and GPU count and with its
     * host's facts.
     */
    public List<EmissionsRow> emissionsRows(String studyId) {
        List<EmissionsRow> rows = new ArrayList<>();
        Map<String, Optional<MachineFacts>> hosts = new HashMap<>();
        for (StoredTrial t : trials(studyId)) {
            Optional<TrialEnergy> energy = trialEnergy(t.key());
            if (t.emissions().isEmpty() || energy.isEmpty()) {
                continue;
            }
            TrialEnergy e = energy.get();
            rows.add(
                    EmissionsRow.of(
                            studyId,
                            e,
                            t.emissions().get(),
                            hosts.computeIfAbsent(e.host(), this::machine)));
        }
        return rows;
    }

    /** Number of stored samples. */
    public long sampleCount() {
        return run(
                "counting samples",
                () -> {
                    long n = 0;
                    for (Document d : samples.find().projection(new Document("count", 1))) {
                        Number count = d.get("count", Number.class);
                        n += count == null ? 0 : count.longValue();
                    }
                    return n;
                });
    }

    private static <T> T run(String what, Supplier<T> action) {
        try {
            return action.get();
        } catch (MongoException e) {
            throw AggregatorException.storeFailed(what, e);
        }
    }
}
