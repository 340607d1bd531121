package io.greenband.cli.report;

import io.greenband.cli.front.ScoredTrials;
import io.greenband.events.payload.Objective;
import io.greenband.events.payload.StudyDefined;
import io.greenband.events.payload.TrialScored;
import io.greenband.events.payload.TrialStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The study model the charts draw, in the aggregator API's shapes (so the dashboard's {@code
 * charts.js} draws the report unchanged): study, trials, hypervolume history, energy parts, power,
 * learning curves, parameter importances.
 */
final class ReportModel {

    static final String NO_IMPORTANCES =
            "No parameter importances: the suggester computes them only when it fits a"
                    + " forest (a random-search study has none).";

    private ReportModel() {}

    static Map<String, Object> of(StudyDefined study, ScoredTrials scored, ReportExtras extras) {
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("studyId", study.studyId());
        s.put("name", study.name());
        s.put("objectives", study.objectives().stream().map(Objective::name).toList());
        s.put(
                "directions",
                study.objectives().stream()
                        .map(o -> o.direction().name().toLowerCase(Locale.ROOT))
                        .toList());
        s.put(
                "units",
                study.objectives().stream().map(o -> o.unit() == null ? "" : o.unit()).toList());
        s.put("maxFidelity", study.fidelity().max());
        m.put("study", s);
        List<TrialScored> all = scored.all();
        m.put("trials", all.stream().map(t -> trial(t, extras)).toList());
        m.put("hypervolume", hypervolume(scored, ScoredTrials.referenceOf(study)));
        m.put(
                "energy",
                all.stream()
                        .filter(t -> t.status() == TrialStatus.SUCCEEDED)
                        .map(ReportModel::energy)
                        .toList());
        m.put("power", extras.power());
        m.put("progress", extras.curves());
        m.put("importances", extras.importances().orElseGet(ReportModel::noImportances));
        return m;
    }

    private static Map<String, Object> noImportances() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("importances", List.of());
        m.put("note", NO_IMPORTANCES);
        return m;
    }

    private static Map<String, Object> trial(TrialScored t, ReportExtras extras) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("trialId", t.trialId());
        m.put("attempt", t.attempt());
        m.put("fidelity", t.fidelity());
        m.put("status", t.status() == TrialStatus.SUCCEEDED ? "SCORED" : t.status().name());
        m.put(
                "objectives",
                t.objectives().stream()
                        .map(
                                o -> {
                                    Map<String, Object> v = new LinkedHashMap<>();
                                    v.put("name", o.name());
                                    v.put(
                                            "value",
                                            o.missing()
                                                            || o.value() == null
                                                            || !Double.isFinite(o.value())
                                                    ? null
                                                    : o.value());
                                    v.put("missing", o.missing());
                                    return v;
                                })
                        .toList());
        m.put("onFront", t.onFront());
        m.put("energyJoules", t.energy().trainJoules());
        m.put("emissionsGrams", t.emissions().grams());
        m.put(
                "energyBasis",
                t.energy().basis().entrySet().stream()
                                .map(e -> e.getKey() + " " + e.getValue())
                                .collect(Collectors.joining(", "))
                        + (t.energy().complete() ? "" : "; partial"));
        m.put("scoredAt", t.scoredAt().toString());
        m.put("config", extras.config(t.trialId() + "#" + t.attempt()));
        return m;
    }

    private static List<Map<String, Object>> hypervolume(
            ScoredTrials scored, double[] studyReference) {
        List<Double> hv = scored.hypervolumeHistory();
        List<Instant> at = scored.hypervolumeTimes();
        double[] reference = scored.fixedFrame() ? studyReference : null;
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < hv.size(); i++) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("index", i);
            e.put("at", i < at.size() ? at.get(i).toString() : null);
            e.put("hypervolume", hv.get(i));
            e.put("frame", scored.fixedFrame() ? "fixed" : "derived");
            e.put(
                    "reference",
                    reference == null ? null : java.util.Arrays.stream(reference).boxed().toList());
            out.add(e);
        }
        if (!out.isEmpty()) {
            scored.zeroHypervolumeReason()
                    .ifPresent(why -> out.get(out.size() - 1).put("zeroReason", why));
        }
        return out;
    }

    private static Map<String, Object> energy(TrialScored t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("trialId", t.trialId());
        m.put("attempt", t.attempt());
        m.put("totalJoules", t.energy().totalJoules());
        m.put("otherJoules", t.energy().otherJoules() == null ? 0.0 : t.energy().otherJoules());
        m.put("partial", !t.energy().complete());
        m.put("estimated", t.energy().estimated());
        m.put(
                "parts",
                t.energy().byComponent().entrySet().stream()
                        .map(
                                e -> {
                                    Map<String, Object> p = new LinkedHashMap<>();
                                    p.put("component", e.getKey());
                                    p.put("basis", t.energy().basis().getOrDefault(e.getKey(), ""));
                                    p.put("joules", e.getValue());
                                    return p;
                                })
                        .toList());
        return m;
    }
}
