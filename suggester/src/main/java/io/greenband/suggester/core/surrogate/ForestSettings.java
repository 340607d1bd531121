package io.greenband.suggester.core.surrogate;

/**
 * Random-forest hyperparameters. {@link #smac()} gives SMAC's multi-fidelity facade defaults.
 *
 * @param trees number of trees
 * @param ratioFeatures share of features tried per split (1.0 = all)
 * @param minSamplesSplit fewest distinct rows a node needs to be split
 * @param minSamplesLeaf fewest distinct rows per leaf
 * @param maxDepth deepest node
 * @param minImpurityDecrease smallest weighted squared-error decrease a split must bring
 * @param bootstrap draw each tree's rows with replacement
 * @param logLeaves average leaves in the un-logged space ({@code log(mean(exp(y)))}), for
 *     log-scaled responses
 */
public record ForestSettings(
        int trees,
        double ratioFeatures,
        int minSamplesSplit,
        int minSamplesLeaf,
        int maxDepth,
        double minImpurityDecrease,
        boolean bootstrap,
        boolean logLeaves) {

    /** Trees in SMAC's forest. */
    public static final int SMAC_TREES = 10;

    /** SMAC's depth limit (2^20), in effect unlimited. */
    public static final int SMAC_MAX_DEPTH = 1 << 20;

    /** SMAC's minimum impurity decrease. */
    public static final double SMAC_MIN_IMPURITY_DECREASE = 1e-8;

    /** Checks each field. */
    public ForestSettings {
        if (trees < 1) {
            throw new IllegalArgumentException("trees must be >= 1, was " + trees);
        }
        if (!(ratioFeatures > 0 && ratioFeatures <= 1)) {
            throw new IllegalArgumentException(
                    "ratioFeatures must be in (0,1], was " + ratioFeatures);
        }
        if (minSamplesSplit < 2 || minSamplesLeaf < 1 || maxDepth < 1) {
            throw new IllegalArgumentException(
                    "need minSamplesSplit >= 2, minSamplesLeaf >= 1, maxDepth >= 1");
        }
    }

    /**
     * SMAC 2.4's forest: 10 trees, all features, split 2, leaf 1, depth 2^20, decrease 1e-8,
     * bootstrap, log leaves.
     */
    public static ForestSettings smac() {
        return new ForestSettings(
                SMAC_TREES, 1.0, 2, 1, SMAC_MAX_DEPTH, SMAC_MIN_IMPURITY_DECREASE, true, true);
    }
}
