package io.greenband.cli.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.greenband.cli.front.Point;
import io.greenband.cli.front.ScoredTrials;
import io.greenband.events.payload.StudyDefined;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A study's report as one HTML file that works offline: the dashboard's charts (Apache ECharts and
 * the aggregator's {@code charts.js}/{@code table.js}, all inlined) over the study's model as JSON,
 * and the front as a plain table that needs no script. Nothing is loaded from anywhere.
 */
public final class HtmlReport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[][] SECTIONS = {
        {"front", "Pareto front per fidelity", "wide tall"},
        {"hypervolume", "Hypervolume over time", ""},
        {"power", "Power over time per device", ""},
        {"history", "Optimization history per objective", ""},
        {"energy", "Energy per trial by component and basis", ""},
        {"parallel", "Configurations, coloured by front rank", "wide tall"},
        {"curves", "Learning curves", ""},
        {"importances", "Parameter importances", ""}
    };

    private HtmlReport() {}

    /** The page, without learning curves, configurations or power (only scores). */
    public static String render(StudyDefined study, ScoredTrials scored) {
        return render(study, scored, new ReportExtras(study.studyId()));
    }

    /** The page. */
    public static String render(StudyDefined study, ScoredTrials scored, ReportExtras extras) {
        List<Point> front = scored.front(false);
        StringBuilder sb =
                new StringBuilder(
                                "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>greenband: ")
                        .append(Html.escape(study.studyId()))
                        .append("</title>\n<style>")
                        .append(ReportAssets.css())
                        .append("</style></head>\n<body>\n<header><h1>Study ")
                        .append(Html.escape(study.studyId()))
                        .append("</h1><p>")
                        .append(Html.escape(study.name()))
                        .append(" &middot; fingerprint <code>")
                        .append(study.fingerprint(), 0, 12)
                        .append("</code> &middot; ")
                        .append(scored.all().size())
                        .append(" scored trials, ")
                        .append(front.size())
                        .append(" on the front at fidelity ")
                        .append(Html.number(scored.topFidelity()))
                        .append("</p></header>\n<main>\n");
        for (String[] s : SECTIONS) {
            sb.append("<section class=\"panel")
                    .append(s[2].contains("wide") ? " wide" : "")
                    .append("\"><h2>")
                    .append(s[1])
                    .append(
                            s[0].equals("curves")
                                    ? " <select id=\"curve-metric\" aria-label=\"metric\"></select>"
                                    : "")
                    .append("</h2><div id=\"chart-")
                    .append(s[0])
                    .append("\" class=\"chart")
                    .append(s[2].contains("tall") ? " tall" : "")
                    .append("\"></div><p id=\"note-")
                    .append(s[0])
                    .append("\" class=\"note\"></p></section>\n");
        }
        sb.append(
                "<section class=\"panel wide\"><h2>Trials <input id=\"trial-filter\" type=\"search\" placeholder=\"filter: any text\">"
                        + " <select id=\"trial-status\"><option value=\"\">all</option><option>SCORED</option><option>FAILED</option>"
                        + "<option>LOST</option></select> <label><input id=\"trial-front\" type=\"checkbox\"> front only</label></h2>"
                        + "<div class=\"scroll\"><table id=\"trials\"><thead></thead><tbody></tbody></table></div></section>\n");
        frontTable(sb, scored, front);
        sb.append("</main>\n<ul id=\"errors\" hidden></ul>\n");
        sb.append("<script type=\"application/json\" id=\"model\">")
                .append(modelJson(study, scored, extras))
                .append("</script>\n");
        for (String script :
                List.of(
                        ReportAssets.echarts(),
                        ReportAssets.charts(),
                        ReportAssets.table(),
                        ReportAssets.bootstrap())) {
            sb.append("<script>")
                    .append(script.replace("</script", "<\\/script"))
                    .append("</script>\n");
        }
        return sb.append("</body></html>\n").toString();
    }

    private static void frontTable(StringBuilder sb, ScoredTrials scored, List<Point> front) {
        sb.append(
                "<section class=\"panel wide\"><h2>Front</h2><table class=\"front\"><tr><th>trial</th><th>fidelity</th>");
        scored.names().forEach(n -> sb.append("<th>").append(Html.escape(n)).append("</th>"));
        sb.append("<th>joules</th></tr>\n");
        for (Point p : front) {
            sb.append("<tr><td>")
                    .append(Html.escape(p.trialId()))
                    .append("</td><td>")
                    .append(Html.number(p.fidelity()))
                    .append("</td>");
            p.values().forEach(v -> sb.append("<td>").append(Html.number(v)).append("</td>"));
            sb.append("<td>").append(Html.number(p.joules())).append("</td></tr>\n");
        }
        sb.append("</table></section>\n");
    }

    /**
     * The model as JSON safe inside a script element: {@code <} is escaped, so no text can end the
     * element.
     */
    static String modelJson(StudyDefined study, ScoredTrials scored, ReportExtras extras) {
        try {
            return JSON.writeValueAsString(ReportModel.of(study, scored, extras))
                    .replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "cannot write the report's model: " + e.getMessage(), e);
        }
    }

    /** Writes the page (scores only) to {@code file}. */
    public static Path write(Path file, StudyDefined study, ScoredTrials scored) {
        return write(file, study, scored, new ReportExtras(study.studyId()));
    }

    /** Writes the page to {@code file}. */
    public static Path write(
            Path file, StudyDefined study, ScoredTrials scored, ReportExtras extras) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, render(study, scored, extras), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot write the report " + file + ": " + e.getMessage(), e);
        }
    }
}
