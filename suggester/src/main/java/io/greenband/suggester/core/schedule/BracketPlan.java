package io.greenband.suggester.core.schedule;

/**
 * Hyperband's budgets and bracket sizes from the minimum and maximum budget and η, following Li et
 * al.'s pseudo-code as SMAC does: {@code s_max = floor(log_η(R/r_min))} (with a small epsilon so
 * that 243/1 with η = 3 gives 5, not 4), bracket i has {@code k = s_max - i} halvings, {@code n0 =
 * ceil(η^k (s_max+1)/(k+1))} configurations, {@code n_j = floor(n0 / η^j)} at stage j and budget
 * {@code R η^-(k-j)}. Budgets form one ladder of {@code s_max + 1} levels; stage j of bracket i
 * runs at level {@code i + j}.
 */
public final class BracketPlan {

    /** SMAC's default reduction factor. */
    public static final int DEFAULT_ETA = 3;

    /** Guards the floor of a logarithm that is an exact integer in real arithmetic. */
    private static final double LOG_EPSILON = 1e-9;

    private final double minBudget;
    private final double maxBudget;
    private final int eta;
    private final int sMax;

    private BracketPlan(double minBudget, double maxBudget, int eta) {
        if (!(minBudget > 0) || Double.isInfinite(maxBudget) || !(maxBudget >= minBudget)) {
            throw new IllegalArgumentException(
                    "fidelity needs 0 < min <= max, got min " + minBudget + ", max " + maxBudget);
        }
        if (eta < 2) {
            throw new IllegalArgumentException("fidelity eta must be >= 2, was " + eta);
        }
        this.minBudget = minBudget;
        this.maxBudget = maxBudget;
        this.eta = eta;
        this.sMax = (int) Math.floor(Math.log(maxBudget / minBudget) / Math.log(eta) + LOG_EPSILON);
        if (sMax > 40) {
            throw new IllegalArgumentException(
                    "fidelity max/min = "
                            + maxBudget / minBudget
                            + " gives "
                            + (sMax + 1)
                            + " levels; raise eta or the minimum budget");
        }
    }

    /** The plan for budgets in [min, max] with reduction factor eta. */
    public static BracketPlan of(double minBudget, double maxBudget, int eta) {
        return new BracketPlan(minBudget, maxBudget, eta);
    }

    /** The user's minimum budget (the smallest level may be larger, see {@link #levelBudget}). */
    public double minBudget() {
        return minBudget;
    }

    /** The maximum budget R. */
    public double maxBudget() {
        return maxBudget;
    }

    /** The reduction factor η. */
    public int eta() {
        return eta;
    }

    /** s_max: the number of halvings of the largest bracket. */
    public int sMax() {
        return sMax;
    }

    /** Number of budget levels ({@code s_max + 1}). */
    public int levels() {
        return sMax + 1;
    }

    /** Number of brackets ({@code s_max + 1}). */
    public int brackets() {
        return sMax + 1;
    }

    /** The budget of level {@code level}: {@code R η^-(s_max - level)}. */
    public double levelBudget(int level) {
        return maxBudget / pow(eta, sMax - level);
    }

    /** The level on a [0,1] scale, linear in log budget (the surrogate's budget feature). */
    public double levelUnit(int level) {
        return sMax == 0 ? 1.0 : (double) level / sMax;
    }

    /** Number of stages of bracket {@code bracket}. */
    public int stages(int bracket) {
        return sMax - bracket + 1;
    }

    /** Configurations at stage {@code stage} of bracket {@code bracket}. */
    public int configs(int bracket, int stage) {
        int k = sMax - bracket;
        long n0 = (pow(eta, k) * (sMax + 1) + k) / (k + 1);
        return (int) (n0 / pow(eta, stage));
    }

    /** The budget of stage {@code stage} of bracket {@code bracket}. */
    public double budget(int bracket, int stage) {
        return levelBudget(level(bracket, stage));
    }

    /** The ladder level of stage {@code stage} of bracket {@code bracket}. */
    public int level(int bracket, int stage) {
        return bracket + stage;
    }

    private static long pow(long base, int exp) {
        long r = 1;
        for (int i = 0; i < exp; i++) {
            r = Math.multiplyExact(r, base);
        }
        return r;
    }
}
