package io.greenband.aggregator.adapter.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.greenband.aggregator.adapter.persistence.MongoAggregatorStore;
import io.greenband.aggregator.adapter.persistence.MongoStudyStore;
import io.greenband.events.payload.GreenbandEvent;
import io.greenband.events.payload.TrialScored;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The engine without a broker: events in any of the orders consumers may see them give the same scores. */
class ScoringEngineTest {

    private MongoServer server;
    private MongoClient client;
    private final List<TrialScored> published = new ArrayList<>();

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress a = server.bind();
        client = MongoClients.create("mongodb://" + a.getHostString() + ":" + a.getPort());
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    private ScoringEngine engine(MongoDatabase db) {
        return ScoringEngine.builder().setStore(new MongoAggregatorStore(db)).setStudyStore(new MongoStudyStore(db))
                .setPublisher(events -> events.forEach(e -> published.add((TrialScored) e))).build();
    }

    @Test
    void trialsBeforeSamplesAreScoredWithTheirWholeEnergy() {
        FlowScript script = new FlowScript("unit");
        ScoringEngine engine = engine(client.getDatabase("a"));
        engine.accept(script.study());
        script.trialEvents().forEach(engine::accept);
        engine.acceptSamples(script.samples());
        assertScores(script);
    }

    @Test
    void samplesBeforeTrialsGiveTheSameScores() {
        FlowScript script = new FlowScript("unit");
        ScoringEngine engine = engine(client.getDatabase("b"));
        script.samples().forEach(s -> engine.acceptSamples(List.of(s)));
        script.trialEvents().forEach(engine::accept);
        engine.accept(script.study());
        assertScores(script);
    }

    @Test
    void eventTimeOrderGivesTheSameScores() {
        FlowScript script = new FlowScript("unit");
        ScoringEngine engine = engine(client.getDatabase("c"));
        List<GreenbandEvent> all = new ArrayList<>(script.trialEvents());
        all.addAll(script.samples());
        all.add(script.study());
        TopicReplay.feed(TopicReplay.order(all), engine);
        assertScores(script);
    }

    private void assertScores(FlowScript script) {
        assertThat(published).hasSize(3);
        published.sort(java.util.Comparator.comparing(TrialScored::trialId));
        for (int i = 0; i < 3; i++) {
            assertThat(published.get(i).energy().totalJoules()).as("joules of trial " + i)
                    .isCloseTo(FlowScript.joules(i), within(1e-6));
            assertThat(published.get(i).objectives().get(1).value()).isCloseTo(FlowScript.grams(i), within(1e-9));
        }
    }
}
