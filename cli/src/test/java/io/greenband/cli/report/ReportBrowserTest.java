package io.greenband.cli.report;

import static io.greenband.embedded.browser.ChartProbe.series;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.greenband.embedded.browser.BrowserPage;
import io.greenband.embedded.browser.ChartProbe;
import io.greenband.embedded.browser.HeadlessBrowser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * report.html opened from disk in real headless Chromium with the network off: every chart renders
 * with the expected series and a painted canvas, axes carry the objective names and units, the
 * table filters, and nothing is logged to the console. A screenshot goes to {@code
 * target/report.png}.
 */
class ReportBrowserTest {

    @Test
    void everyViewRendersFromDiskOffline() throws Exception {
        ReportFixture f = new ReportFixture();
        Path file =
                HtmlReport.write(
                        Path.of("target", "report-test", "report.html"),
                        f.study,
                        f.scored,
                        f.extras);
        try (HeadlessBrowser browser = HeadlessBrowser.launch(Path.of("target", "chromium"))) {
            BrowserPage page = browser.newPage(1400, 1000);
            page.offline();
            page.navigate(file.toAbsolutePath().toUri().toString());
            assertThat(
                            page.waitFor(
                                    "document.body.dataset.loaded === 'true'",
                                    Duration.ofSeconds(60)))
                    .as("report drawn; problems: " + page.problems())
                    .isTrue();
            JsonNode charts = ChartProbe.charts(page);
            assertThat(series(charts, "front"))
                    .containsExactly(
                            "scatter fidelity 6 front 2",
                            "scatter fidelity 6 dominated 0",
                            "line fidelity 6 staircase 3",
                            "scatter fidelity 18 front 2",
                            "scatter fidelity 18 dominated 1",
                            "line fidelity 18 staircase 3");
            assertThat(charts.at("/front/x/0").asText()).isEqualTo("val_error");
            assertThat(charts.at("/front/y/0").asText()).isEqualTo("emissions_g (g)");
            assertThat(series(charts, "history"))
                    .containsExactly(
                            "scatter val_error 5",
                            "line val_error best so far 5",
                            "scatter emissions_g 5",
                            "line emissions_g best so far 5");
            assertThat(series(charts, "hypervolume"))
                    .singleElement()
                    .asString()
                    .startsWith("line hypervolume");
            assertThat(series(charts, "energy"))
                    .containsExactly("bar cpu-package · unknown basis 5");
            assertThat(series(charts, "power")).containsExactly("line host-1 cpu package-0 60");
            assertThat(series(charts, "parallel")).containsExactly("parallel configurations 5");
            assertThat(series(charts, "curves")).hasSize(5);
            assertThat(series(charts, "importances")).containsExactly("bar importance 3");
            assertThat(charts.at("/importances/x/0").asText())
                    .isEqualTo("share of the explained variance");
            assertThat(
                            page.evaluate("document.getElementById('note-hypervolume').textContent")
                                    .asText())
                    .contains("Against the study's reference point (1, 0.05 g)")
                    .contains(
                            "The hypervolume is 0: every top-fidelity point lies outside the reference point");
            assertThat(
                            page.evaluate("document.getElementById('note-importances').textContent")
                                    .asText())
                    .isEqualTo(
                            "permutation importance of the random forest on its training rows,"
                                    + " forest fitted on 5 trials, 2026-01-01 00:05:00 UTC");
            charts.fields()
                    .forEachRemaining(
                            c ->
                                    assertThat(c.getValue().get("painted").asInt())
                                            .as("painted pixels of " + c.getKey())
                                            .isGreaterThan(2000));
            assertThat(page.evaluate("document.getElementById('trials').dataset.rows").asText())
                    .isEqualTo("6");
            page.evaluate(
                    "(() => { const s = document.getElementById('trial-status'); s.value = 'FAILED';"
                            + " s.dispatchEvent(new Event('input')); })()");
            assertThat(page.evaluate("document.getElementById('trials').dataset.rows").asText())
                    .isEqualTo("1");
            page.evaluate(
                    "(() => { const s = document.getElementById('trial-status'); s.value = '';"
                            + " s.dispatchEvent(new Event('input')); })()");
            Path png = page.screenshot(Path.of("target", "report.png"), 1400);
            assertThat(Files.size(png)).isGreaterThan(50_000);
            assertThat(page.problems()).as("console errors, exceptions, failed loads").isEmpty();
        }
    }
}
