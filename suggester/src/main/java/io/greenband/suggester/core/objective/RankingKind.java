package io.greenband.suggester.core.objective;

/** The promotion rankings a study can choose. */
public enum RankingKind {
    /** Non-dominated sorting with crowding-distance tie-breaking. */
    NSGA2,
    /** Non-dominated sorting with ε-net tie-breaking. */
    EPSNET,
    /** The ParEGO scalar with a fresh weight vector per decision. */
    PAREGO;

    /** A ranking of this kind. */
    public Ranking create() {
        return switch (this) {
            case NSGA2 -> new ParetoRanking(ParetoRanking.TieBreak.CROWDING);
            case EPSNET -> new ParetoRanking(ParetoRanking.TieBreak.EPSILON_NET);
            case PAREGO -> new ScalarRanking(ParEgo.smac());
        };
    }
}
