package io.greenband.aggregator.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.greenband.aggregator.AggregatorException;
import io.greenband.aggregator.core.attribution.AttributionSettings;
import io.greenband.aggregator.core.attribution.Component;
import io.greenband.aggregator.core.attribution.EnergyLedger;
import io.greenband.aggregator.core.attribution.EnergySample;
import io.greenband.aggregator.core.attribution.HostUsage;
import io.greenband.aggregator.core.attribution.ProcessSeen;
import io.greenband.aggregator.core.attribution.ShareBasis;
import io.greenband.aggregator.core.attribution.TrialEnergy;
import io.greenband.aggregator.core.attribution.TrialKey;
import io.greenband.aggregator.core.attribution.TrialWindow;
import io.greenband.aggregator.core.emissions.CarbonSettings;
import io.greenband.aggregator.core.emissions.IntensityResolver;
import io.greenband.aggregator.core.emissions.IntensityTable;
import io.greenband.aggregator.core.emissions.StudyCarbon;
import io.greenband.aggregator.core.export.CodeCarbonCsv;
import io.greenband.aggregator.core.export.EmissionsRow;
import io.greenband.aggregator.core.export.MachineFacts;
import io.greenband.aggregator.core.objective.ObjectivePlan;
import io.greenband.aggregator.core.objective.TrialOutcome;
import io.greenband.aggregator.core.objective.TrialStatus;
import io.greenband.aggregator.core.study.StudyScoring;
import io.greenband.aggregator.core.study.TrialResult;
import io.greenband.pareto.ParetoPoint;
import io.greenband.pareto.TrackedFront;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MongoAggregatorStoreTest {

    private static final Instant T0 = Instant.parse("2026-07-01T08:00:00Z");

    private MongoServer server;
    private MongoClient client;
    private MongoAggregatorStore store;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        client =
                MongoClients.create(
                        "mongodb://" + address.getHostString() + ":" + address.getPort());
        store = new MongoAggregatorStore(client.getDatabase("greenband"));
        store.ensureIndexes();
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    /** A small study scored end to end; returns the scoring and what it produced. */
    private static StudyScoring scoredStudy(List<TrialResult> results, List<TrialEnergy> energies) {
        ObjectivePlan plan =
                ObjectivePlan.builder()
                        .addObjective("error", "minimize", "metric:val_error")
                        .addObjective("co2", "minimize", "energy:emissions_g")
                        .build();
        StudyScoring study =
                new StudyScoring(
                        "s1",
                        plan,
                        new StudyCarbon(
                                CarbonSettings.country("FRA", 1.1),
                                new IntensityResolver(IntensityTable.bundled())),
                        OptionalDouble.empty(),
                        Optional.empty());
        EnergyLedger ledger = new EnergyLedger(AttributionSettings.defaults());
        SplittableRandom random = new SplittableRandom(4);
        for (int s = 0; s < 300; s++) {
            ledger.addSample(
                    EnergySample.of(
                            "g" + s,
                            "h",
                            "GPU-0",
                            Component.GPU,
                            T0.plusSeconds(s),
                            T0.plusSeconds(s + 1),
                            100 + random.nextInt(200)));
        }
        for (int i = 0; i < 6; i++) {
            TrialKey key = new TrialKey("t" + i, 0);
            Instant start = T0.plusSeconds(50L * i);
            Instant end = start.plusSeconds(50);
            ledger.putTrial(TrialWindow.finished(key, "h", Set.of("GPU-0"), Set.of(), start, end));
            results.addAll(
                    study.onFinished(
                            new TrialOutcome(
                                    key,
                                    4,
                                    TrialStatus.SUCCEEDED,
                                    Map.of("val_error", random.nextDouble()),
                                    end,
                                    "")));
        }
        for (TrialEnergy e : ledger.finalizeDue(T0.plusSeconds(1000))) {
            energies.add(e);
            results.addAll(study.onEnergy(e, Optional.empty(), 0, T0.plusSeconds(1000)));
        }
        return study;
    }

    @Test
    void redeliveredResultsLeaveTheStoreUnchanged() {
        List<TrialResult> results = new ArrayList<>();
        List<TrialEnergy> energies = new ArrayList<>();
        StudyScoring study = scoredStudy(results, energies);
        store.saveResults(study, results, T0.plusSeconds(1000));
        energies.forEach(store::saveTrialEnergy);
        List<StoredTrial> first = store.trials("s1");
        List<StoredHypervolume> historyFirst = store.hypervolumeHistory("s1", 4);

        store.saveResults(study, results, T0.plusSeconds(1000));
        energies.forEach(store::saveTrialEnergy);
        assertThat(store.trials("s1")).isEqualTo(first).hasSize(6);
        assertThat(store.hypervolumeHistory("s1", 4)).isEqualTo(historyFirst);

        StoredTrial t0 = store.trial("s1", new TrialKey("t0", 0)).orElseThrow();
        TrialResult r0 =
                results.stream()
                        .filter(r -> r.scored().key().trialId().equals("t0"))
                        .findFirst()
                        .orElseThrow();
        assertThat(t0.objectives()).isEqualTo(r0.scored().values());
        assertThat(t0.emissionsGrams().getAsDouble())
                .isCloseTo(r0.scored().values().get(1).value().getAsDouble(), within(1e-12));

        TrackedFront front = study.fronts().topFront().orElseThrow();
        StoredFront stored = store.front("s1", 4).orElseThrow();
        assertThat(stored.members())
                .extracting(ParetoPoint::id)
                .containsExactlyInAnyOrderElementsOf(
                        front.members().stream().map(ParetoPoint::id).toList());
        assertThat(stored.hypervolume()).isEqualTo(front.hypervolume());
        assertThat(stored.top()).isTrue();
        assertThat(historyFirst).hasSize(front.history().size());
        assertThat(store.trialEnergy(energies.get(2).key())).contains(energies.get(2));

        List<EmissionsRow> rows = store.emissionsRows("s1");
        assertThat(rows).hasSize(6);
        EmissionsRow row0 =
                rows.stream().filter(r -> r.key().trialId().equals("t0")).findFirst().orElseThrow();
        assertThat(row0.emissions()).isEqualTo(r0.scored().energy().orElseThrow().emissions());
        assertThat(row0.durationSeconds()).isEqualTo(50.0);
        assertThat(row0.gpuCount()).isEqualTo(1);
        assertThat(CodeCarbonCsv.toCsv(rows).lines()).hasSize(7);
        assertThat(row0.machine()).isEmpty();

        // The host's facts join every row of a trial that ran there, and read back exactly.
        String host = energies.get(0).host();
        MachineFacts facts =
                new MachineFacts(
                        host,
                        "Linux 6.1",
                        "Test CPU 3000",
                        OptionalInt.of(8),
                        OptionalLong.of(32L << 30),
                        "",
                        OptionalInt.empty(),
                        "NO",
                        "",
                        T0);
        store.saveMachine(facts);
        store.saveMachine(facts);
        assertThat(store.machine(host)).contains(facts);
        assertThat(store.machine("elsewhere")).isEmpty();
        assertThat(store.emissionsRows("s1"))
                .allSatisfy(r -> assertThat(r.machine()).contains(facts));
    }

    @Test
    void samplesAreStoredOncePerIdAndReadBackExactly() {
        List<EnergySample> batch = new ArrayList<>();
        for (int s = 0; s < 40; s++) {
            batch.add(
                    new EnergySample(
                            "h/gpu/GPU-0/" + s,
                            "h",
                            "GPU-0",
                            Component.GPU,
                            T0.plusMillis(1000L * s),
                            T0.plusMillis(1000L * s + 1000),
                            250.5 + s,
                            OptionalDouble.of(80),
                            List.of(
                                    ProcessSeen.of(42, 75.0),
                                    new ProcessSeen(43, OptionalDouble.empty()),
                                    new ProcessSeen(
                                            44, OptionalDouble.of(12.5), List.of(43L, 7L, 1L)))));
        }
        store.saveSamples(batch);
        store.saveSamples(batch.subList(10, 30)); // redelivery
        assertThat(store.sampleCount()).isEqualTo(40);
        List<EnergySample> window = store.samples("h", T0.plusSeconds(5), T0.plusSeconds(15));
        assertThat(window).containsExactlyElementsOf(batch.subList(5, 15));
        assertThat(store.samples("other", T0, T0.plusSeconds(100))).isEmpty();
    }

    @Test
    void hostUsageAndAttributionBasesSurviveTheStore() {
        List<EnergySample> batch = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            Optional<HostUsage> usage =
                    s == 1
                            ? Optional.empty()
                            : Optional.of(
                                    new HostUsage(
                                            ShareBasis.CPU_TIME,
                                            1.5 + s,
                                            Map.of(42L, 0.75, 7L, 0.5),
                                            s == 2,
                                            0.8));
            batch.add(
                    new EnergySample(
                            "h/estimated/cpu/" + s,
                            "h",
                            "cpu",
                            Component.ESTIMATED,
                            T0.plusSeconds(s),
                            T0.plusSeconds(s + 1),
                            4.0,
                            OptionalDouble.empty(),
                            List.of(),
                            usage));
        }
        store.saveSamples(batch);
        assertThat(store.samples("h", T0, T0.plusSeconds(3))).containsExactlyElementsOf(batch);

        EnergyLedger ledger = new EnergyLedger(AttributionSettings.defaults());
        TrialWindow w =
                TrialWindow.finished(
                        new TrialKey("u", 1),
                        "h",
                        Set.of(TrialWindow.CPU),
                        Set.of(42L),
                        T0,
                        T0.plusSeconds(3));
        ledger.putTrial(w);
        batch.forEach(ledger::addSample);
        TrialEnergy energy = ledger.energyOf(w.key());
        assertThat(energy.devices().get(0).basis())
                .containsExactlyInAnyOrder(ShareBasis.CPU_TIME, ShareBasis.EQUAL);
        assertThat(energy.devices().get(0).otherJoules()).isPositive();
        store.saveTrialEnergy(energy);
        assertThat(store.trialEnergy(w.key())).contains(energy);
    }

    @Test
    void aRestartedStoreAddsToStoredBucketsWithoutLosingTheirSamples() {
        List<EnergySample> samples = new ArrayList<>();
        for (int s = 0; s < 90; s++) {
            // Hosts and devices with dots and dollars: they end up in ids, not in field names.
            samples.add(
                    EnergySample.of(
                            "n.1/gpu/GPU-$0/" + s,
                            "n.1",
                            "GPU-$0",
                            Component.GPU,
                            T0.plusMillis(1000L * s),
                            T0.plusMillis(1000L * s + 1000),
                            s));
        }
        store.saveSamples(samples.subList(0, 30));
        MongoAggregatorStore restarted = new MongoAggregatorStore(client.getDatabase("greenband"));
        restarted.saveSamples(samples.subList(20, 90)); // overlaps what the first one stored
        restarted.saveSamples(samples.subList(0, 5)); // late redelivery into a bucket it holds
        assertThat(restarted.sampleCount()).isEqualTo(90);
        assertThat(
                        client.getDatabase("greenband")
                                .getCollection(MongoAggregatorStore.SAMPLES)
                                .countDocuments())
                .as("one document per stream and minute")
                .isEqualTo(2);
        assertThat(store.samples("n.1", T0, T0.plusSeconds(90))).containsExactlyElementsOf(samples);
        assertThat(store.samples("n.1", T0.plusSeconds(59), T0.plusSeconds(61)))
                .containsExactlyElementsOf(samples.subList(59, 61));
    }

    @Test
    void storeFailuresCarryTheirKindAndWhatWasAttempted() {
        store.ensureIndexes(); // twice is fine
        InetSocketAddress address = server.getLocalAddress();
        client.close();
        server.shutdownNow();
        try (MongoClient dead =
                MongoClients.create(
                        "mongodb://"
                                + address.getHostString()
                                + ":"
                                + address.getPort()
                                + "/?serverSelectionTimeoutMS=300&connectTimeoutMS=300")) {
            MongoAggregatorStore unreachable =
                    new MongoAggregatorStore(dead.getDatabase("greenband"));
            assertThatThrownBy(() -> unreachable.trials("s1"))
                    .isInstanceOfSatisfying(
                            AggregatorException.class,
                            e ->
                                    assertThat(e.kind())
                                            .isEqualTo(AggregatorException.Kind.STORE_FAILED))
                    .hasMessageContaining("reading trials of study s1");
        }
        server = new MongoServer(new MemoryBackend()); // so that stop() has something to stop
        server.bind();
        client =
                MongoClients.create(
                        "mongodb://"
                                + server.getLocalAddress().getHostString()
                                + ":"
                                + server.getLocalAddress().getPort());
    }
}
