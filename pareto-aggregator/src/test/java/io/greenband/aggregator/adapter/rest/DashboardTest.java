package io.greenband.aggregator.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenband.aggregator.adapter.messaging.FlowScriptAccess;
import io.greenband.aggregator.driver.ScoringEngine;
import io.greenband.aggregator.adapter.messaging.SeededStudy;
import io.greenband.embedded.quarkus.EmbeddedStackResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The dashboard in headless Chromium over a scored study: it loads without console output or page errors,
 * the scatter has one point per scored trial with the front's points marked, and a screenshot is kept at
 * {@code target/dashboard.png}. The live stream stays off here ({@code live=false}): an open event stream
 * keeps headless Chromium's virtual time from running out.
 */
@QuarkusTest
@WithTestResource(EmbeddedStackResource.class)
class DashboardTest {

    static final String STUDY = "dash-study";
    static final Pattern CIRCLE = Pattern.compile("<circle [^>]*class=\"trial( front)?\"[^>]*>");

    @TestHTTPResource("/")
    URI root;
    @Inject
    ScoringEngine engine;

    @Test
    void pageShowsEveryScoredTrialAndMarksTheFront() throws Exception {
        HeadlessChromium chromium = HeadlessChromium.find();
        SeededStudy.seed(engine, STUDY, 1);
        Path scratch = Files.createDirectories(Path.of("target", "chromium"));
        String url = root.resolve("/index.html?live=false&study=" + STUDY).toString();

        HeadlessChromium.Run run = chromium.dumpDom(url, 10_000, scratch);
        String dom = run.stdout();
        assertThat(dom).as("page finished loading; browser log:\n" + run.stderr()).contains("data-loaded=\"true\"");
        assertThat(run.consoleLines()).as("console output").isEmpty();
        assertThat(dom).as("page errors").containsPattern("<ul id=\"errors\" hidden=\"\"></ul>");

        int points = 0;
        int front = 0;
        Matcher m = CIRCLE.matcher(dom);
        while (m.find()) {
            points++;
            if (m.group(1) != null) {
                front++;
                assertThat(m.group()).contains("data-front=\"true\"");
            }
        }
        assertThat(points).as("scatter points").isEqualTo(FlowScriptAccess.trials());
        assertThat(front).as("front points").isEqualTo(2);
        assertThat(dom).contains("data-trial=\"" + STUDY + "-t1#1\"");
        assertThat(dom).as("hypervolume caption").contains("<small id=\"hypervolume-frame\">frame derived from the observed points");

        Path png = Path.of("target", "dashboard.png");
        Files.deleteIfExists(png);
        chromium.screenshot(url, 10_000, png, scratch);
        assertThat(png).exists();
        assertThat(Files.size(png)).isGreaterThan(10_000);
    }
}
