package io.greenband.cli.report;

import io.greenband.cli.front.Point;
import io.greenband.cli.front.ScoredTrials;
import io.greenband.events.payload.StudyDefined;
import io.greenband.events.payload.TrialScored;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A study's report as one self-contained HTML page: the Pareto front (first two objectives, all top-fidelity points in
 * grey), hypervolume after each scored trial, energy per trial, and the front as a table. No scripts, no CDN.
 */
public final class HtmlReport {

    private HtmlReport() {
    }

    /** The page. */
    public static String render(StudyDefined study, ScoredTrials scored) {
        List<String> names = scored.names();
        List<Point> top = scored.topFidelityPoints();
        List<Point> front = scored.front(false);
        StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>greenband: ")
                .append(Html.escape(study.studyId())).append("</title><style>body{font-family:sans-serif;margin:2em;color:#222}"
                        + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 8px;text-align:right}"
                        + "th{background:#e8f5e9}section{margin-bottom:2em}</style></head><body>\n");
        sb.append("<h1>Study ").append(Html.escape(study.studyId())).append("</h1>\n<p>")
                .append(Html.escape(study.name())).append(" &middot; fingerprint <code>")
                .append(study.fingerprint(), 0, 12).append("</code> &middot; ").append(scored.all().size())
                .append(" scored trials, ").append(front.size()).append(" on the front at fidelity ")
                .append(Html.number(scored.topFidelity())).append("</p>\n");
        if (names.size() >= 2 && !top.isEmpty()) {
            double[] x = top.stream().mapToDouble(p -> p.values().get(0)).toArray();
            double[] y = top.stream().mapToDouble(p -> p.values().get(1)).toArray();
            boolean[] on = new boolean[top.size()];
            for (int i = 0; i < on.length; i++) {
                on[i] = front.contains(top.get(i));
            }
            sb.append("<section><h2>Pareto front</h2>").append(Svg.scatter(names.get(0), names.get(1), x, y, on)).append("</section>\n");
        }
        List<Double> hv = scored.hypervolumeHistory();
        if (!hv.isEmpty()) {
            double[] x = new double[hv.size()];
            double[] y = new double[hv.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = i + 1;
                y[i] = hv.get(i);
            }
            sb.append("<section><h2>Hypervolume over time</h2>").append(Svg.line("succeeded trials", "hypervolume", x, y))
                    .append(scored.fixedFrame() ? "<p>Against the study's reference point.</p>"
                            : "<p>In a frame normalized over the points observed so far (reference 1.1): it moves as"
                            + " points arrive, so values are not comparable over time. Give every objective a"
                            + " <code>reference</code> for a fixed frame.</p>");
            scored.zeroHypervolumeReason().ifPresent(why -> sb.append("<p>The hypervolume is 0: ")
                    .append(Html.escape(why)).append(".</p>"));
            sb.append("</section>\n");
        }
        List<TrialScored> all = scored.all();
        if (!all.isEmpty()) {
            double[] joules = all.stream().mapToDouble(s -> s.energy().totalJoules()).toArray();
            sb.append("<section><h2>Energy per trial</h2>")
                    .append(Svg.bars("joules", all.stream().map(TrialScored::trialId).toList(), joules)).append("</section>\n");
        }
        sb.append("<section><h2>Front</h2><table><tr><th>trial</th><th>fidelity</th>");
        names.forEach(n -> sb.append("<th>").append(Html.escape(n)).append("</th>"));
        sb.append("<th>joules</th></tr>\n");
        for (Point p : front) {
            sb.append("<tr><td>").append(Html.escape(p.trialId())).append("</td><td>").append(Html.number(p.fidelity())).append("</td>");
            p.values().forEach(v -> sb.append("<td>").append(Html.number(v)).append("</td>"));
            sb.append("<td>").append(Html.number(p.joules())).append("</td></tr>\n");
        }
        return sb.append("</table></section></body></html>\n").toString();
    }

    /** Writes the page to {@code file}. */
    public static Path write(Path file, StudyDefined study, ScoredTrials scored) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, render(study, scored), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report " + file + ": " + e.getMessage(), e);
        }
    }
}
