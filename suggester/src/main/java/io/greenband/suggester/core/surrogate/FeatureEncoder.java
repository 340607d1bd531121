package io.greenband.suggester.core.surrogate;

import io.greenband.suggester.core.space.SearchSpace;

/**
 * Turns configuration vectors into forest inputs: inactive (NaN) entries are imputed as SMAC does
 * (categorical and ordinal → their number of values, numeric → -1, constant → 1), and an optional
 * last column holds the budget on a [0,1] log scale.
 */
public final class FeatureEncoder {

    private final double[] imputed;
    private final boolean budgetFeature;

    /** An encoder for {@code space}, with a budget column when {@code budgetFeature}. */
    public FeatureEncoder(SearchSpace space, boolean budgetFeature) {
        this.imputed = new double[space.dimension()];
        for (int i = 0; i < imputed.length; i++) {
            imputed[i] =
                    switch (space.kind(i)) {
                        case CATEGORICAL, ORDINAL -> space.cardinality(i);
                        case FLOAT, INT -> -1;
                        case CONSTANT -> 1;
                    };
        }
        this.budgetFeature = budgetFeature;
    }

    /** Number of columns. */
    public int width() {
        return imputed.length + (budgetFeature ? 1 : 0);
    }

    /** True when the last column is the budget. */
    public boolean hasBudgetFeature() {
        return budgetFeature;
    }

    /**
     * The feature row of {@code vector} evaluated at {@code budgetUnit} (ignored without a budget
     * column).
     */
    public double[] row(double[] vector, double budgetUnit) {
        return fill(vector, budgetUnit, new double[width()]);
    }

    /**
     * Writes the feature row of {@code vector} into {@code out} (of length {@link #width()}) and
     * returns it.
     */
    public double[] fill(double[] vector, double budgetUnit, double[] out) {
        for (int i = 0; i < imputed.length; i++) {
            out[i] = Double.isNaN(vector[i]) ? imputed[i] : vector[i];
        }
        if (budgetFeature) {
            out[imputed.length] = budgetUnit;
        }
        return out;
    }
}
