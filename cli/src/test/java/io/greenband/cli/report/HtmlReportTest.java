package io.greenband.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenband.cli.front.ScoredTrials;
import io.greenband.cli.front.Scores;
import io.greenband.events.study.StudyReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {

    @Test
    void reportIsSelfContainedWithChartsAndFront(@TempDir Path dir) throws Exception {
        var study = StudyReader.read(Path.of(System.getProperty("greenband.home"), "examples", "dsnn-quick.yaml"));
        ScoredTrials scored = new ScoredTrials(study.studyId());
        scored.add(Scores.scored(study.studyId(), "t<1>", 18, 0.3, 2, 0));
        scored.add(Scores.scored(study.studyId(), "t2", 18, 0.2, 3, 0));
        scored.add(Scores.scored(study.studyId(), "t3", 18, 0.4, 4, 0));
        Path file = HtmlReport.write(dir.resolve("r/report.html"), study, scored);
        String html = Files.readString(file);
        assertThat(html).contains("<h2>Pareto front</h2>", "<h2>Hypervolume over time</h2>", "<h2>Energy per trial</h2>")
                .contains("<polyline").contains("<rect").contains("t&lt;1&gt;").doesNotContain("t<1>");
        assertThat(html.split("<svg", -1)).hasSize(4);
        assertThat(html).doesNotContain("<script").doesNotContain("src=").doesNotContain("<link");
        assertThat(html.replace("http://www.w3.org/2000/svg", "")).doesNotContain("http");
        // the front holds t<1> and t2; t3 is dominated by both
        String front = html.substring(html.indexOf("<h2>Front</h2>"));
        assertThat(front).contains("t&lt;1&gt;", "t2").doesNotContain("t3");
    }
}
