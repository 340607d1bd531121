package io.greenband.cli.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import io.greenband.cli.Cli;
import io.greenband.embedded.EmbeddedStack;
import io.greenband.events.payload.GreenbandEvent;
import io.greenband.events.payload.TrialFinished;
import io.greenband.events.payload.TrialScored;
import io.greenband.events.payload.TrialStatus;
import io.greenband.events.payload.TrialSuggested;
import io.greenband.pareto.Dominance;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tiny study through {@code greenband local} with all four services: every trial ends scored or
 * failed with a reason, the aggregator's front is non-empty and non-dominated, and the study's
 * export replayed into fresh topics rebuilds, in an empty database, the same front.
 */
class EndToEndIT {

    @TempDir Path dir;

    @Test
    void tinyStudyEndsWithAFrontThatAReplayRebuilds() throws Exception {
        TinyStudyRun study = new TinyStudyRun(dir, "e2e-front", 4).start();
        Cli run = study.await();
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains(
                        "study e2e-front published",
                        "stopped: budget_exhausted",
                        "Pareto front at fidelity");

        try (LocalStack again = study.reopen()) {
            EmbeddedStack stack = again.stack();
            List<GreenbandEvent> events = study.events();
            checkEveryTrialEnded(events);

            List<Document> front =
                    frontMembers(stack.mongoConnectionString(), "greenband", study.studyId);
            assertThat(front).isNotEmpty();
            for (Document a : front) {
                for (Document b : front) {
                    assertThat(dominates(values(a), values(b)))
                            .as("%s dominates %s", a, b)
                            .isFalse();
                }
            }

            Path export = dir.resolve("e2e-front.jsonl");
            Cli exported =
                    Cli.run(
                            "export",
                            study.studyId,
                            "-o",
                            export.toString(),
                            "--bootstrap-servers",
                            study.bootstrapServers());
            assertThat(exported.exitCode()).as(exported.err()).isZero();
            Cli replayed =
                    Cli.run(
                            "replay",
                            "--from",
                            export.toString(),
                            "--into-prefix",
                            "rebuilt.",
                            "--rebuild",
                            "--mongodb",
                            stack.mongoConnectionString(),
                            "--database",
                            "rebuilt",
                            "--home",
                            TinyStudyRun.HOME.toString(),
                            "--bootstrap-servers",
                            study.bootstrapServers());
            assertThat(replayed.exitCode()).as(replayed.err()).isZero();
            assertThat(replayed.out()).contains("rebuilt front of study e2e-front");

            List<Document> rebuilt =
                    frontMembers(stack.mongoConnectionString(), "rebuilt", study.studyId);
            assertThat(rebuilt.stream().map(EndToEndIT::member).toList())
                    .containsExactlyInAnyOrderElementsOf(
                            front.stream().map(EndToEndIT::member).toList());
            for (Document m : front) {
                // The table names a first attempt by its trial id alone, a retry as id#attempt.
                assertThat(replayed.out()).contains(m.getString("id").replaceFirst("#1$", ""));
            }
        }
    }

    /**
     * Every suggested attempt has a trial-finished, every trial a score; failures carry a reason.
     */
    static void checkEveryTrialEnded(List<GreenbandEvent> events) {
        List<TrialSuggested> suggested = of(events, TrialSuggested.class);
        Map<String, TrialFinished> finished =
                of(events, TrialFinished.class).stream()
                        .collect(
                                Collectors.toMap(
                                        f -> f.trialId() + "#" + f.attempt(), f -> f, (a, b) -> b));
        Map<String, List<TrialScored>> scored =
                of(events, TrialScored.class).stream()
                        .collect(Collectors.groupingBy(TrialScored::trialId));
        assertThat(suggested).isNotEmpty();
        for (TrialSuggested s : suggested) {
            TrialFinished f = finished.get(s.trialId() + "#" + s.attempt());
            assertThat(f)
                    .as("trial-finished of %s attempt %d", s.trialId(), s.attempt())
                    .isNotNull();
            if (f.status() != TrialStatus.SUCCEEDED) {
                assertThat(f.error()).as("reason of %s", f).isNotBlank();
            }
            assertThat(scored.get(s.trialId())).as("trial-scored of %s", s.trialId()).isNotEmpty();
        }
    }

    static <T> List<T> of(List<GreenbandEvent> events, Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static List<Document> frontMembers(String mongodb, String database, String studyId) {
        try (MongoClient client = MongoClients.create(mongodb)) {
            Document doc =
                    client.getDatabase(database)
                            .getCollection("fronts")
                            .find(
                                    Filters.and(
                                            Filters.eq("studyId", studyId),
                                            Filters.eq("top", true)))
                            .first();
            assertThat(doc).as("top front of %s in %s", studyId, database).isNotNull();
            return doc.getList("members", Document.class);
        }
    }

    private static String member(Document m) {
        return m.getString("id") + " " + values(m);
    }

    private static List<Double> values(Document m) {
        return m.getList("values", Number.class).stream().map(Number::doubleValue).toList();
    }

    /** Both objectives are minimized. */
    private static boolean dominates(List<Double> a, List<Double> b) {
        return Dominance.dominates(
                a.stream().mapToDouble(Double::doubleValue).toArray(),
                b.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
