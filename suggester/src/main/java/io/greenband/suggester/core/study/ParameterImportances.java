package io.greenband.suggester.core.study;

import java.util.List;

/**
 * How much each hyperparameter explains of the forest's predictions at its latest refit
 * (permutation importance over its training rows, see {@link
 * io.greenband.suggester.core.surrogate.PermutationImportance}).
 *
 * @param names hyperparameter names in search-space order, then {@code budget} when the forest sees
 *     it
 * @param shares one share per name, summing to 1 (or all 0)
 * @param trainingRows rows the forest was fitted on
 */
public record ParameterImportances(List<String> names, List<Double> shares, int trainingRows) {

    /** A short description of the method, for whoever shows the shares. */
    public static final String METHOD =
            "permutation importance of the random forest on its training rows";

    public ParameterImportances {
        names = List.copyOf(names);
        shares = List.copyOf(shares);
        if (names.size() != shares.size()) {
            throw new IllegalArgumentException(
                    "names and shares must have one entry each, got "
                            + names.size()
                            + " names and "
                            + shares.size()
                            + " shares");
        }
    }
}
