package io.greenband.aggregator.driver;

import io.greenband.aggregator.core.attribution.AttributionSettings;
import io.greenband.aggregator.core.attribution.EnergyLedger;
import io.greenband.aggregator.core.attribution.TrialEnergy;
import io.greenband.aggregator.core.attribution.TrialKey;
import io.greenband.aggregator.core.emissions.IntensityResolver;
import io.greenband.aggregator.core.emissions.IntensityTable;
import io.greenband.aggregator.core.export.MachineFacts;
import io.greenband.aggregator.core.study.TrialResult;
import io.greenband.events.payload.EnergySample;
import io.greenband.events.payload.GreenbandEvent;
import io.greenband.events.payload.ObjectiveReported;
import io.greenband.events.payload.StudyDefined;
import io.greenband.events.payload.StudyStopped;
import io.greenband.events.payload.TrialFinished;
import io.greenband.events.payload.TrialScored;
import io.greenband.events.payload.TrialStarted;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The aggregator's scoring flow and its one owner of mutable state: the energy ledger shared by all
 * studies and each study's scoring. Every call stores its effects ({@link ScoreStore}, {@link
 * StudyStore}) and publishes {@code trial-scored} ({@link EventPublisher}) before it returns, so a
 * consumer may acknowledge its record afterwards; then the {@link TrialScoredListener}s hear of it.
 * Time is event time ({@link EventClock}), moved on by the wall clock only while no events arrive,
 * so a replay of the same events gives the same documents. Energy is finalized by sample time
 * alone: trial events running ahead of the monitors must not end a grace period. Plain Java: the
 * adapters bring MongoDB and Kafka behind the interfaces.
 */
public final class ScoringEngine {

    /** Default of {@link Builder#optMaxClockSkew}. */
    public static final Duration DEFAULT_MAX_CLOCK_SKEW = Duration.ofMinutes(5);

    /** Default of {@link Builder#optRetention}. */
    public static final Duration DEFAULT_RETENTION = Duration.ofHours(6);

    /** Most hosts whose facts are kept in memory to write only what changed. */
    static final int MAX_MACHINES = 4096;

    private final ScoreStore store;
    private final StudyStore studyStore;
    private final EventPublisher publisher;
    private final List<TrialScoredListener> listeners;
    private final AttributionSettings attribution;
    private final IntensityResolver intensities;
    private final Duration retention;
    private final boolean storeSamples;
    private final EventClock time;
    private final LoggedScores loggedScores;
    private final EnergyLedger ledger;
    private final Map<String, StudyState> studies = new LinkedHashMap<>();
    private final EarlyEvents early = new EarlyEvents();
    private final Map<TrialKey, String> trialStudy = new HashMap<>();
    private final Map<String, MachineFacts> machines = new HashMap<>();
    private boolean restoring;

    private ScoringEngine(Builder b) {
        this.store = b.store;
        this.studyStore = b.studyStore;
        this.publisher = b.publisher;
        this.listeners = List.copyOf(b.listeners);
        this.attribution = b.attribution;
        this.intensities = b.intensities;
        this.retention = b.retention;
        this.storeSamples = b.storeSamples;
        this.time = new EventClock(b.clock, b.maxClockSkew);
        this.loggedScores = b.loggedScores;
        this.ledger = new EnergyLedger(attribution);
    }

    /** Starts a builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Handles a study or trial event (samples go through {@link #acceptSamples}). */
    public synchronized void accept(GreenbandEvent event) {
        if (event instanceof StudyDefined e) {
            define(e);
        } else if (event instanceof StudyStopped e) {
            if (!restoring) {
                studyStore.markStopped(e.studyId(), e.at(), e.reason().name());
            }
        } else if (event instanceof TrialStarted e) {
            whenDefined(e.studyId(), e, () -> started(e));
        } else if (event instanceof TrialFinished e) {
            whenDefined(e.studyId(), e, () -> finished(e));
        } else if (event instanceof ObjectiveReported e) {
            whenDefined(e.studyId(), e, () -> produced(e));
        } else if (event instanceof EnergySample e) {
            acceptSamples(List.of(e));
        }
        time.advance(event.occurredAt(), false);
        settle(Duration.ZERO);
    }

    /**
     * Handles a batch of energy samples: attributes them, stores them in one write, then settles.
     */
    public synchronized void acceptSamples(List<EnergySample> samples) {
        List<io.greenband.aggregator.core.attribution.EnergySample> batch =
                new ArrayList<>(samples.size());
        Instant newest = Instant.EPOCH;
        for (EnergySample s : samples) {
            if (!s.windowEnd().isAfter(s.windowStart())) {
                continue; // An empty window carries no duration to attribute.
            }
            EventMapping.machine(s).ifPresent(this::learnMachine);
            var sample = EventMapping.sample(s);
            ledger.addSample(sample);
            batch.add(sample);
            newest = newest.isAfter(s.windowEnd()) ? newest : s.windowEnd();
        }
        if (storeSamples && !restoring) {
            store.saveSamples(batch);
        }
        time.advance(newest, true);
        settle(Duration.ZERO);
    }

    /**
     * Keeps what a host is; writes it when it says something new (a restored fact was stored
     * already).
     */
    private void learnMachine(MachineFacts facts) {
        if (facts.sameFacts(machines.get(facts.host()))) {
            return;
        }
        if (machines.size() >= MAX_MACHINES && !machines.containsKey(facts.host())) {
            machines.clear(); // Bounded memory whatever hosts the samples name; forgetting only
            // costs a rewrite.
        }
        machines.put(facts.host(), facts);
        if (!restoring) {
            store.saveMachine(facts);
        }
    }

    /**
     * Rebuilds the in-memory state (study scorings, trial windows, samples in the attribution
     * window, trials awaiting objectives) from events whose effects are already stored and
     * published: everything up to the offsets the consumers committed before a restart. Nothing is
     * written or published while restoring; events delivered again afterwards find their trials
     * known and change nothing.
     */
    public synchronized void restore(List<GreenbandEvent> events) {
        restoring = true;
        try {
            List<EnergySample> samples = new ArrayList<>();
            for (GreenbandEvent e : events) {
                if (e instanceof EnergySample s) {
                    samples.add(s);
                    continue;
                }
                if (!samples.isEmpty()) {
                    acceptSamples(samples);
                    samples = new ArrayList<>();
                }
                accept(e);
            }
            acceptSamples(samples);
        } finally {
            restoring = false;
        }
    }

    /** Timer: lets event time run on with the wall clock while nothing arrives, then settles. */
    public synchronized void tick() {
        settle(time.idle());
    }

    /** The study's progress as this replica sees it, if it scores the study. */
    public synchronized Optional<StudyProgress> progress(String studyId) {
        StudyState s = studies.get(studyId);
        return s == null
                ? Optional.empty()
                : Optional.of(
                        new StudyProgress(
                                s.started().size(), s.finished().size(), s.scored().size()));
    }

    private void define(StudyDefined e) {
        if (!studies.containsKey(e.studyId())) {
            studies.put(e.studyId(), StudyState.of(e, intensities, loggedScores.of(e.studyId())));
        }
        if (!restoring) {
            studyStore.saveStudy(StudyState.stored(e));
        }
        for (GreenbandEvent waiting : early.release(e.studyId())) {
            accept(waiting);
        }
    }

    private void whenDefined(String studyId, GreenbandEvent e, Runnable action) {
        if (studies.containsKey(studyId)) {
            action.run();
        } else {
            early.hold(studyId, e);
        }
    }

    private void started(TrialStarted e) {
        TrialKey key = EventMapping.key(e.trialId(), e.attempt());
        trialStudy.put(key, e.studyId());
        studies.get(e.studyId()).started().add(key);
        if (ledger.window(key).flatMap(w -> w.end()).isEmpty()) {
            ledger.putTrial(EventMapping.window(e));
        }
        if (!restoring) {
            studyStore.saveRun(
                    new StoredRun(
                            e.studyId(),
                            e.trialId(),
                            e.attempt(),
                            e.fidelity(),
                            e.host(),
                            e.devices(),
                            e.config(),
                            e.startedAt(),
                            e.pid() > 0 ? java.util.List.of(e.pid()) : java.util.List.of()));
        }
    }

    private void finished(TrialFinished e) {
        TrialKey key = EventMapping.key(e.trialId(), e.attempt());
        trialStudy.put(key, e.studyId());
        StudyState study = studies.get(e.studyId());
        EventMapping.window(e, ledger.window(key)).ifPresent(ledger::putTrial);
        study.finished().add(key);
        emit(study, study.scoring().onFinished(EventMapping.outcome(e)));
    }

    private void produced(ObjectiveReported e) {
        StudyState study = studies.get(e.studyId());
        emit(study, study.scoring().onProduced(EventMapping.produced(e)));
    }

    /**
     * Finalizes energy by sample time (the grace period waits for samples, so trial events must not
     * end it) and ends objective waits by the older of sample and event time; {@code idle} moves
     * both on. Without any energy monitor, sample time stays at the epoch and waits do not end:
     * energy objectives need samples.
     */
    private void settle(Duration idle) {
        Instant energyNow = time.energyNow(idle);
        Instant now = time.waitsNow(idle);
        for (TrialEnergy energy : ledger.finalizeDue(energyNow)) {
            String studyId = trialStudy.get(energy.key());
            StudyState study = studyId == null ? null : studies.get(studyId);
            if (study == null) {
                continue;
            }
            if (!restoring) {
                store.saveTrialEnergy(energy);
            }
            // Scored "when due", not when noticed: the same events give the same timestamps.
            emit(
                    study,
                    study.scoring()
                            .onEnergy(
                                    energy,
                                    Optional.empty(),
                                    0,
                                    energy.to().plus(attribution.gracePeriod())));
        }
        for (StudyState study : studies.values()) {
            emit(study, study.scoring().poll(now));
        }
        ledger.prune(energyNow.minus(retention));
    }

    private void emit(StudyState study, List<TrialResult> results) {
        if (results.isEmpty()) {
            return;
        }
        if (restoring) {
            results.forEach(r -> study.scored().add(r.scored().key()));
            return;
        }
        Instant at =
                results.stream()
                        .map(r -> r.scored().scoredAt())
                        .max(Comparator.naturalOrder())
                        .orElseThrow();
        store.saveResults(study.scoring(), results, at);
        List<TrialScored> events = new ArrayList<>(results.size());
        for (TrialResult r : results) {
            study.scored().add(r.scored().key());
            if (r.logged()) {
                continue; // Its score is in the log already (published before a restart, or
                // imported): kept, not repeated.
            }
            events.add(
                    ScoredEvents.toEvent(
                            study.scoring().studyId(),
                            r,
                            study.fingerprint(),
                            study.scoring().carbon().intensity()));
        }
        if (events.isEmpty()) {
            return;
        }
        publisher.publish(events);
        for (TrialScoredListener listener : listeners) {
            listener.scored(study.scoring().studyId(), events);
        }
    }

    /**
     * Counts of one study's trial attempts.
     *
     * @param started attempts seen starting
     * @param finished attempts seen ending
     * @param scored attempts scored
     */
    public record StudyProgress(int started, int finished, int scored) {}

    /**
     * Builder: {@code setStore}, {@code setStudyStore}, {@code setPublisher} required; every {@code
     * opt} has the default named beside it.
     */
    public static final class Builder {
        private ScoreStore store;
        private StudyStore studyStore;
        private EventPublisher publisher;
        private final List<TrialScoredListener> listeners = new ArrayList<>();
        private AttributionSettings attribution = AttributionSettings.defaults();
        private IntensityResolver intensities;
        private Duration retention = DEFAULT_RETENTION;
        private Duration maxClockSkew = DEFAULT_MAX_CLOCK_SKEW;
        private boolean storeSamples = true;
        private Clock clock = Clock.systemUTC();
        private LoggedScores loggedScores = LoggedScores.none();

        /** Where results, trial energy and samples are written. */
        public Builder setStore(ScoreStore s) {
            this.store = s;
            return this;
        }

        /** Where studies and started attempts are written. */
        public Builder setStudyStore(StudyStore s) {
            this.studyStore = s;
            return this;
        }

        /** Publishes {@code trial-scored} ({@link EventPublisher#none()} to publish nothing). */
        public Builder setPublisher(EventPublisher p) {
            this.publisher = p;
            return this;
        }

        /**
         * Adds a listener told of every published batch of scores; each call adds one (default
         * none).
         */
        public Builder optListener(TrialScoredListener l) {
            this.listeners.add(Objects.requireNonNull(l, "listener"));
            return this;
        }

        /** Grace period and gap tolerance (default {@link AttributionSettings#defaults()}). */
        public Builder optAttribution(AttributionSettings a) {
            this.attribution = a;
            return this;
        }

        /** Carbon intensities (default the bundled country table). */
        public Builder optIntensities(IntensityResolver r) {
            this.intensities = r;
            return this;
        }

        /**
         * How long samples stay in memory behind the newest sample time (default {@link
         * #DEFAULT_RETENTION}).
         */
        public Builder optRetention(Duration d) {
            this.retention = d;
            return this;
        }

        /**
         * How far ahead of the wall clock an event may be stamped and still move event time
         * (default {@link #DEFAULT_MAX_CLOCK_SKEW}); later stamps are handled but leave the clock
         * where it is.
         */
        public Builder optMaxClockSkew(Duration d) {
            this.maxClockSkew = Objects.requireNonNull(d, "maxClockSkew");
            return this;
        }

        /** Whether samples are written to the store (default true). */
        public Builder optStoreSamples(boolean b) {
            this.storeSamples = b;
            return this;
        }

        /** The wall clock (default UTC system clock). */
        public Builder optClock(Clock c) {
            this.clock = c;
            return this;
        }

        /**
         * Scores already in the log: an attempt found there keeps its logged score and is not
         * published again.
         */
        public Builder optLoggedScores(LoggedScores l) {
            this.loggedScores = Objects.requireNonNull(l);
            return this;
        }

        /** Checks the required parts. */
        public ScoringEngine build() {
            Objects.requireNonNull(store, "store is required: call setStore");
            Objects.requireNonNull(studyStore, "studyStore is required: call setStudyStore");
            Objects.requireNonNull(
                    publisher,
                    "publisher is required: call setPublisher (EventPublisher.none() to publish nothing)");
            if (intensities == null) {
                intensities = new IntensityResolver(IntensityTable.bundled());
            }
            if (retention.isNegative() || retention.isZero()) {
                throw new IllegalArgumentException(
                        "retention is " + retention + ": give a positive duration");
            }
            if (maxClockSkew.isNegative()) {
                throw new IllegalArgumentException(
                        "maxClockSkew is " + maxClockSkew + ": give zero or a positive duration");
            }
            return new ScoringEngine(this);
        }
    }
}
