package io.greenband.aggregator.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import io.greenband.aggregator.adapter.messaging.FlowScriptAccess;
import io.greenband.aggregator.adapter.messaging.SeededStudy;
import io.greenband.aggregator.adapter.persistence.MongoImportanceReader;
import io.greenband.aggregator.adapter.persistence.MongoProgressStore;
import io.greenband.aggregator.driver.ScoringEngine;
import io.greenband.embedded.browser.BrowserPage;
import io.greenband.embedded.browser.ChartProbe;
import io.greenband.embedded.browser.HeadlessBrowser;
import io.greenband.embedded.quarkus.EmbeddedStackResource;
import io.greenband.events.payload.TrialProgress;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * The dashboard in real headless Chromium (DevTools protocol) over a scored study: every chart
 * renders with the expected series and a painted canvas, axes carry the study's objective names,
 * the trial table sorts and filters, a trial scored while the page is open arrives over the event
 * stream, and nothing is logged to the console (the strict policy would report any inline script or
 * style). A screenshot goes to {@code target/dashboard.png}.
 */
@QuarkusTest
@WithTestResource(EmbeddedStackResource.class)
class DashboardTest {

    static final String STUDY = "dash-study";
    static final int HOURS_BEFORE = 1;

    @TestHTTPResource("/")
    URI root;

    @Inject ScoringEngine engine;
    @Inject MongoProgressStore progress;
    @Inject MongoDatabase database;

    @Test
    void everyViewRendersAndLiveScoresArrive() throws Exception {
        SeededStudy.seed(engine, STUDY, HOURS_BEFORE);
        int trials = FlowScriptAccess.trials();
        for (int i = 0; i < trials; i++) {
            for (int epoch = 1; epoch <= 4; epoch++) {
                progress.record(
                        new TrialProgress(
                                STUDY,
                                STUDY + "-t" + i,
                                1,
                                epoch,
                                4,
                                Map.of("val_error", 0.9 / (epoch + i), "train_loss", 2.0 / epoch),
                                Instant.now()));
            }
        }
        // What the suggester writes after refitting its forest (the aggregator only reads this
        // view).
        database.getCollection(MongoImportanceReader.IMPORTANCES)
                .replaceOne(
                        new Document("_id", STUDY),
                        new Document("_id", STUDY)
                                .append(
                                        "method",
                                        "permutation importance of the random forest on its training rows")
                                .append("trainingRows", trials)
                                .append("computedAt", new Date())
                                .append(
                                        "importances",
                                        List.of(
                                                new Document("name", "learning_rate")
                                                        .append("importance", 0.6),
                                                new Document("name", "batch_size")
                                                        .append("importance", 0.3),
                                                new Document("name", "optimizer")
                                                        .append("importance", 0.1))),
                        new com.mongodb.client.model.ReplaceOptions().upsert(true));

        try (HeadlessBrowser browser = HeadlessBrowser.launch(Path.of("target", "chromium"))) {
            BrowserPage page = browser.newPage(1400, 1000);
            page.navigate(root.resolve("/index.html?study=" + STUDY).toString());
            assertThat(
                            page.waitFor(
                                    "document.body.dataset.loaded === 'true' && document.body.dataset.live === 'open'",
                                    Duration.ofSeconds(60)))
                    .as("page loaded and stream open; problems: " + page.problems())
                    .isTrue();

            JsonNode charts = ChartProbe.charts(page);
            assertThat(ChartProbe.series(charts, "front"))
                    .containsExactly(
                            "scatter fidelity 18 front 2",
                            "scatter fidelity 18 dominated 1",
                            "line fidelity 18 staircase 3");
            assertThat(charts.at("/front/x/0").asText()).isEqualTo("val_error");
            assertThat(charts.at("/front/y/0").asText()).isEqualTo("emissions");
            assertThat(ChartProbe.series(charts, "history"))
                    .containsExactly(
                            "scatter val_error " + trials,
                            "line val_error best so far " + trials,
                            "scatter emissions " + trials,
                            "line emissions best so far " + trials);
            assertThat(ChartProbe.series(charts, "hypervolume"))
                    .singleElement()
                    .asString()
                    .startsWith("line hypervolume");
            assertThat(ChartProbe.series(charts, "energy"))
                    .containsExactly("bar gpu · EXCLUSIVE_DEVICE " + trials);
            assertThat(ChartProbe.series(charts, "power")).hasSize(1);
            assertThat(ChartProbe.series(charts, "parallel"))
                    .containsExactly("parallel configurations " + trials);
            assertThat(ChartProbe.series(charts, "importances"))
                    .containsExactly("bar importance 3");
            assertThat(ChartProbe.series(charts, "curves")).hasSize(trials);
            assertThat(charts.at("/curves/y/0").asText()).isEqualTo("val_error");
            charts.fields()
                    .forEachRemaining(
                            c ->
                                    assertThat(c.getValue().get("painted").asInt())
                                            .as("painted pixels of " + c.getKey())
                                            .isGreaterThan(2000));
            assertThat(
                            page.evaluate("document.getElementById('note-hypervolume').textContent")
                                    .asText())
                    .contains("frame derived from the points observed");

            assertThat(page.evaluate("document.getElementById('trials').dataset.rows").asText())
                    .isEqualTo(String.valueOf(trials));
            page.evaluate(
                    "(() => { const f = document.getElementById('trial-filter'); f.value = '"
                            + STUDY
                            + "-t1'; f.dispatchEvent(new Event('input')); })()");
            assertThat(page.evaluate("document.getElementById('trials').dataset.rows").asText())
                    .isEqualTo("1");
            page.evaluate(
                    "(() => { const f = document.getElementById('trial-filter'); f.value = '';"
                            + " f.dispatchEvent(new Event('input')); document.querySelector('th[data-column=\"5\"]').click(); })()");
            assertThat(
                            page.evaluate("document.querySelector('#trials tbody td').textContent")
                                    .asText())
                    .as("sorted by val_error, lowest first")
                    .isEqualTo(STUDY + "-t1");

            Path png = page.screenshot(Path.of("target", "dashboard.png"), 1400);
            assertThat(Files.size(png)).isGreaterThan(50_000);

            SeededStudy.addTrial(engine, STUDY, HOURS_BEFORE, trials, 0.15, 100);
            assertThat(
                            page.waitFor(
                                    "document.body.dataset.trials === '" + (trials + 1) + "'",
                                    Duration.ofSeconds(60)))
                    .as("the new trial arrived over the stream")
                    .isTrue();
            assertThat(page.evaluate("document.body.dataset.updates").asInt())
                    .isGreaterThanOrEqualTo(1);
            JsonNode after = ChartProbe.charts(page);
            assertThat(ChartProbe.series(after, "history"))
                    .first()
                    .isEqualTo("scatter val_error " + (trials + 1));
            assertThat(page.problems()).as("console errors, exceptions, failed loads").isEmpty();
        }
    }
}
