package io.greenband.cli.front;

import io.greenband.events.payload.Direction;
import io.greenband.events.payload.TrialScored;
import io.greenband.events.payload.TrialStatus;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One study's {@code trial-scored} events folded in log order: the latest revision of each trial
 * attempt, status counts, the points with every objective present, the front and the hypervolume
 * history.
 */
public final class ScoredTrials {

    private final String studyId;
    private final Map<String, TrialScored> latest = new LinkedHashMap<>();
    private final List<Double> history = new ArrayList<>();
    private final List<java.time.Instant> historyAt = new ArrayList<>();
    private List<String> names = List.of();
    private boolean[] maximize = new boolean[0];

    private final double[] reference;
    private final double maxFidelity;

    /** The trials of {@code studyId}, hypervolume in the derived (normalized) frame. */
    public ScoredTrials(String studyId) {
        this(studyId, null);
    }

    /**
     * The trials of {@code studyId}; hypervolume against {@code reference} (objective units, the
     * study's own reference point) or, when it is null, in the frame normalized over the observed
     * points.
     */
    public ScoredTrials(String studyId, double[] reference) {
        this(studyId, reference, Double.NaN);
    }

    /**
     * As {@link #ScoredTrials(String, double[])}, with the hypervolume history taken at the study's
     * {@code maxFidelity} (0 until a trial reaches it) rather than at the highest fidelity seen so
     * far, which makes the history fall when the first trial reaches a higher fidelity. NaN: the
     * highest seen.
     */
    public ScoredTrials(String studyId, double[] reference, double maxFidelity) {
        this.studyId = studyId;
        this.reference = reference == null ? null : reference.clone();
        this.maxFidelity = maxFidelity;
    }

    /** The reference point of {@code study} in objective order, or null when it gives none. */
    public static double[] referenceOf(io.greenband.events.payload.StudyDefined study) {
        if (study.objectives().stream().anyMatch(o -> o.reference() == null)) {
            return null;
        }
        return study.objectives().stream().mapToDouble(o -> o.reference()).toArray();
    }

    /** Whether the hypervolume uses the study's own reference point (values compare over time). */
    public boolean fixedFrame() {
        return reference != null;
    }

    /** Takes one event; other studies' events are ignored. Returns whether it was taken. */
    public boolean add(TrialScored s) {
        if (!s.studyId().equals(studyId)) {
            return false;
        }
        String key = s.trialId() + ":" + s.attempt();
        TrialScored old = latest.get(key);
        if (old != null && old.revision() >= s.revision()) {
            return false;
        }
        latest.put(key, s);
        if (names.isEmpty()) {
            names = s.objectives().stream().map(TrialScored.ObjectiveValue::name).toList();
            maximize = new boolean[names.size()];
            for (int i = 0; i < names.size(); i++) {
                maximize[i] = s.objectives().get(i).direction() == Direction.MAXIMIZE;
            }
        }
        if (s.status() == TrialStatus.SUCCEEDED) {
            List<Point> top = historyPoints();
            history.add(
                    top.isEmpty()
                            ? 0.0
                            : reference != null
                                    ? Pareto.hypervolume(top, reference, maximize)
                                    : Pareto.hypervolume(top, top, maximize));
            historyAt.add(s.scoredAt());
        }
        return true;
    }

    /** Objective names in vector order (empty before the first event). */
    public List<String> names() {
        return names;
    }

    /** Per objective, whether it is maximized. */
    public boolean[] maximize() {
        return maximize.clone();
    }

    /** Number of scored trial attempts per status. */
    public Map<TrialStatus, Integer> counts() {
        Map<TrialStatus, Integer> c = new EnumMap<>(TrialStatus.class);
        latest.values().forEach(s -> c.merge(s.status(), 1, Integer::sum));
        return c;
    }

    /** Every succeeded trial with a complete objective vector. */
    public List<Point> points() {
        List<Point> out = new ArrayList<>();
        for (TrialScored s : latest.values()) {
            if (s.status() == TrialStatus.SUCCEEDED
                    && s.objectives().stream().noneMatch(TrialScored.ObjectiveValue::missing)) {
                out.add(
                        new Point(
                                s.trialId(),
                                s.fidelity(),
                                s.objectives().stream()
                                        .map(TrialScored.ObjectiveValue::value)
                                        .toList(),
                                s.energy().totalJoules(),
                                "",
                                Point.describe(s.energy())));
            }
        }
        return out;
    }

    /** The highest fidelity among the points, or NaN when there are none. */
    public double topFidelity() {
        return points().stream().mapToDouble(Point::fidelity).max().orElse(Double.NaN);
    }

    /** The points at the highest fidelity. */
    public List<Point> topFidelityPoints() {
        double top = topFidelity();
        return points().stream().filter(p -> p.fidelity() == top).toList();
    }

    /**
     * The points the hypervolume history is taken over: at the study's maximum fidelity when it is
     * known.
     */
    private List<Point> historyPoints() {
        if (Double.isNaN(maxFidelity)) {
            return topFidelityPoints();
        }
        // Budgets are computed as max·eta^-k: allow for rounding at the top rung.
        double atLeast = maxFidelity - Math.abs(maxFidelity) * 1e-9;
        return points().stream().filter(p -> p.fidelity() >= atLeast).toList();
    }

    /**
     * The non-dominated points at the highest fidelity, or among all points when {@code
     * allFidelities}.
     */
    public List<Point> front(boolean allFidelities) {
        return Pareto.front(allFidelities ? points() : topFidelityPoints(), maximize);
    }

    /**
     * Hypervolume after each succeeded trial, in scoring order: of the front at the study's maximum
     * fidelity when it was given (0 before any trial reaches it), else of the front at the highest
     * fidelity seen by then.
     */
    public List<Double> hypervolumeHistory() {
        return List.copyOf(history);
    }

    /**
     * Why the latest hypervolume is 0, in words, or empty when it is not 0 (or nothing was scored
     * yet): no trial has reached the fidelity the history is taken at, or (fixed frame) no point
     * there is better than the reference point in every objective, naming the objectives whose best
     * value lies outside it.
     */
    public java.util.Optional<String> zeroHypervolumeReason() {
        if (history.isEmpty() || history.get(history.size() - 1) > 0) {
            return java.util.Optional.empty();
        }
        List<Point> top = historyPoints();
        if (top.isEmpty()) {
            return java.util.Optional.of(
                    Double.isNaN(maxFidelity)
                            ? "no complete objective vector yet"
                            : "no trial has reached the top fidelity "
                                    + FrontTable.number(maxFidelity)
                                    + " yet");
        }
        if (reference == null) {
            return java.util.Optional.of(
                    "a single point spans no volume in a frame normalized over itself");
        }
        List<String> outside = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            final int k = i;
            double best =
                    maximize[i]
                            ? top.stream()
                                    .mapToDouble(p -> p.values().get(k))
                                    .max()
                                    .orElse(Double.NaN)
                            : top.stream()
                                    .mapToDouble(p -> p.values().get(k))
                                    .min()
                                    .orElse(Double.NaN);
            boolean beyond = maximize[i] ? best <= reference[i] : best >= reference[i];
            if (beyond) {
                outside.add(
                        names.get(i)
                                + " best "
                                + FrontTable.number(best)
                                + " vs reference "
                                + FrontTable.number(reference[i]));
            }
        }
        return java.util.Optional.of(
                outside.isEmpty()
                        ? "no top-fidelity point is better than the reference point in every objective at once"
                        : "every top-fidelity point lies outside the reference point: "
                                + String.join(", ", outside));
    }

    /** When each history entry was recorded. */
    public List<java.time.Instant> hypervolumeTimes() {
        return List.copyOf(historyAt);
    }

    /** The latest score of every trial attempt, in first-scored order. */
    public List<TrialScored> all() {
        return List.copyOf(latest.values());
    }

    /** The best value seen per objective (direction-aware), NaN when none. */
    public double[] best() {
        double[] b = new double[names.size()];
        java.util.Arrays.fill(b, Double.NaN);
        for (Point p : points()) {
            for (int i = 0; i < b.length; i++) {
                double v = p.values().get(i);
                if (Double.isNaN(b[i]) || (maximize[i] ? v > b[i] : v < b[i])) {
                    b[i] = v;
                }
            }
        }
        return b;
    }
}
