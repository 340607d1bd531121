package io.greenband.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {

    @Test
    void reportIsOneFileWithTheChartLibraryModelAndFront(@TempDir Path dir) throws Exception {
        ReportFixture f = new ReportFixture();
        Path file = HtmlReport.write(dir.resolve("r/report.html"), f.study, f.scored, f.extras);
        String html = Files.readString(file);
        assertThat(html)
                .contains(
                        "<div id=\"chart-front\"",
                        "<div id=\"chart-parallel\"",
                        "<table id=\"trials\"")
                .contains("<script type=\"application/json\" id=\"model\">")
                .contains("window.GreenbandCharts", "echarts");
        // Nothing is fetched: every script is inline, and the markup outside them names no other
        // resource.
        assertThat(html).doesNotContainPattern("<script[^>]* src=");
        String markup = html.replaceAll("(?s)<script[^>]*>.*?</script>", "");
        assertThat(markup).doesNotContain(" src=").doesNotContain("<link").doesNotContain("http");
        String model =
                html.substring(
                        html.indexOf("id=\"model\">"),
                        html.indexOf("</script>", html.indexOf("id=\"model\">")));
        assertThat(model)
                .contains("\"trialId\":\"t\\u003c1>\"")
                .contains("\"learning_rate\":0.001")
                .contains("\"units\":[\"\",\"g\"]")
                .doesNotContain("<1>");
        // The importances are in the model, largest first, their names escaped like every other
        // text.
        assertThat(model)
                .contains("\"importances\":{\"studyId\":")
                .contains("\"method\":\"permutation importance", "\"trainingRows\":5")
                .contains(
                        "{\"name\":\"learning_rate\",\"importance\":0.6},{\"name\":\"optimizer\\u003c/script>\"")
                .doesNotContain(ReportModel.NO_IMPORTANCES);
        assertThat(html).doesNotContain("optimizer</script>");
        // the front holds t<1> and t2; t3 is dominated by both
        String front =
                html.substring(
                        html.indexOf("<h2>Front</h2>"),
                        html.indexOf("</table>", html.indexOf("<h2>Front</h2>")));
        assertThat(front).contains("t&lt;1&gt;", "t2").doesNotContain("t3");
    }

    @Test
    void reportWithoutExtrasStillHasEveryTrial(@TempDir Path dir) throws Exception {
        ReportFixture f = new ReportFixture();
        String html = HtmlReport.render(f.study, f.scored);
        assertThat(html)
                .contains("\"trialId\":\"t5\"")
                .contains("\"progress\":[]")
                .contains("\"power\":[]")
                .contains(
                        "\"importances\":{\"importances\":[],\"note\":\""
                                + ReportModel.NO_IMPORTANCES
                                + "\"}");
    }

    @Test
    void styleIsTheDashboardsStylesheetThenTheReportOnlyRules() throws Exception {
        ReportFixture f = new ReportFixture();
        String html = HtmlReport.render(f.study, f.scored);
        String style = html.substring(html.indexOf("<style>"), html.indexOf("</style>"));
        // one stylesheet with the dashboard: its panel grid comes first, the report's own header
        // and front table after
        int panel = style.indexOf(".panel.wide { grid-column: 1 / span 2; }");
        int stacked = style.indexOf("header { display: block; }");
        assertThat(panel).isPositive();
        assertThat(stacked).isGreaterThan(panel);
        assertThat(style.indexOf("table.front { width: auto; }")).isGreaterThan(panel);
    }
}
