package io.greenband.suggester.core.surrogate;

import io.greenband.suggester.core.space.ParamKind;
import io.greenband.suggester.core.space.SearchSpace;

/**
 * Maps the forest's feature rows ({@link FeatureEncoder}) to a Gaussian process's inputs: numbers
 * stay on their [0,1] scale (an inactive one keeps the forest's -1, far from every active value),
 * an ordinal position is scaled to [0,1], a categorical becomes one-hot with the inactive state as
 * a value of its own, constants are dropped and the budget column is kept.
 */
public final class KernelFeatures {

    private final int[] kinds;
    private final int[] cardinality;
    private final int width;
    private final int inputWidth;
    private final boolean numeric;

    private static final int NUMBER = 0;
    private static final int ORDINAL = 1;
    private static final int ONE_HOT = 2;
    private static final int DROP = 3;

    /** Features for {@code space}; {@code encoder} fixes whether a budget column follows. */
    public KernelFeatures(SearchSpace space, FeatureEncoder encoder) {
        int d = space.dimension();
        this.kinds = new int[encoder.width()];
        this.cardinality = new int[encoder.width()];
        int w = 0;
        boolean onlyNumbers = true;
        for (int i = 0; i < d; i++) {
            onlyNumbers &= space.kind(i) != ParamKind.CATEGORICAL;
            cardinality[i] = space.cardinality(i);
            switch (space.kind(i)) {
                case FLOAT, INT -> {
                    kinds[i] = NUMBER;
                    w++;
                }
                case ORDINAL -> {
                    kinds[i] = ORDINAL;
                    w++;
                }
                case CATEGORICAL -> {
                    kinds[i] = ONE_HOT;
                    w += cardinality[i] + 1;
                }
                case CONSTANT -> kinds[i] = DROP;
            }
        }
        if (encoder.hasBudgetFeature()) {
            kinds[d] = NUMBER;
            w++;
        }
        this.width = w;
        this.inputWidth = encoder.width();
        this.numeric = onlyNumbers;
    }

    /**
     * True when the space has no categorical hyperparameter (numbers, ordinals and constants only).
     */
    public boolean numeric() {
        return numeric;
    }

    /** Columns of a mapped row. */
    public int width() {
        return width;
    }

    /**
     * The mapped row of a forest feature row of {@code inputWidth} values starting at {@code
     * offset}.
     */
    public double[] map(double[] features, int offset) {
        double[] out = new double[width];
        int c = 0;
        for (int i = 0; i < inputWidth; i++) {
            double v = features[offset + i];
            switch (kinds[i]) {
                case NUMBER -> out[c++] = v;
                case ORDINAL ->
                        out[c++] = v >= cardinality[i] ? -1 : v / Math.max(1, cardinality[i] - 1);
                case ONE_HOT -> {
                    int k = (int) Math.min(cardinality[i], Math.max(0, Math.round(v)));
                    out[c + k] = 1;
                    c += cardinality[i] + 1;
                }
                default -> {
                    // a constant carries no information
                }
            }
        }
        return out;
    }

    /** Width of the forest rows this maps. */
    public int inputWidth() {
        return inputWidth;
    }
}
