package io.greenband.cli.front;

import java.util.List;

/**
 * One scored trial as a point of the objective space.
 *
 * @param trialId the trial
 * @param fidelity the budget it ran at
 * @param values objective values in the study's order, in their own units and directions
 * @param joules energy attributed to the trial
 * @param config the configuration, as text, may be empty
 * @param energy how the energy was obtained ({@code CPU_TIME+RSS estimated complete}), may be empty
 */
public record Point(
        String trialId,
        double fidelity,
        List<Double> values,
        double joules,
        String config,
        String energy) {

    public Point {
        values = List.copyOf(values);
        energy = energy == null ? "" : energy;
    }

    /** A point without an energy description. */
    public Point(
            String trialId, double fidelity, List<Double> values, double joules, String config) {
        this(trialId, fidelity, values, joules, config, "");
    }

    /**
     * How a scored trial's energy was obtained, in words without commas: the split bases used,
     * measured or estimated, complete or partial (left out when the event predates it), and the
     * other energy of the host during the trial (its other processes' share, kept apart from the
     * trial's joules) when there was any.
     */
    public static String describe(io.greenband.events.payload.TrialScored.EnergyBreakdown e) {
        java.util.Set<String> bases = new java.util.TreeSet<>();
        e.basis().values().forEach(v -> bases.addAll(List.of(v.split("\\+"))));
        StringBuilder b = new StringBuilder(String.join("+", bases));
        b.append(b.length() == 0 ? "" : " ").append(e.estimated() ? "estimated" : "measured");
        if (e.partial() != null) {
            b.append(e.partial() ? " partial" : " complete");
        }
        if (e.otherJoules() != null && e.otherJoules() > 0) {
            // What the host's other processes used meanwhile: shown beside, never part of the
            // trial's joules.
            b.append("; other ")
                    .append(FrontTable.number(Math.round(e.otherJoules() * 10) / 10.0))
                    .append(" J");
        }
        return b.toString();
    }
}
