package io.greenband.suggester.core.space;

import io.greenband.events.space.Categorical;
import io.greenband.events.space.Condition;
import io.greenband.events.space.ConfigSpace;
import io.greenband.events.space.Constant;
import io.greenband.events.space.Forbidden;
import io.greenband.events.space.Hyperparameter;
import io.greenband.events.space.NumericHyperparameter;
import io.greenband.events.space.Ordinal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns the event model's {@link ConfigSpace} (ConfigSpace JSON) into the optimizer's {@link VectorSpace}:
 * the same hyperparameter order and vector encoding; conditions and forbidden clauses are evaluated by the
 * event model itself on the decoded values of a vector, so both sides agree on what is active and legal.
 * Normal and beta hyperparameters are sampled uniformly within their bounds.
 */
public final class ConfigSpaces {

    private ConfigSpaces() {
    }

    /** The vector space of {@code space}. */
    public static VectorSpace of(ConfigSpace space) {
        List<Hyperparameter> hps = space.hyperparameters();
        Map<String, Integer> index = new HashMap<>();
        List<Dimension> dims = new ArrayList<>();
        for (int i = 0; i < hps.size(); i++) {
            index.put(hps.get(i).name(), i);
            dims.add(dimension(hps.get(i)));
        }
        Function<String, Hyperparameter> byName = space::hyperparameter;
        List<VectorCondition> conditions = new ArrayList<>();
        for (Condition c : space.conditions()) {
            int child = index.get(c.child());
            int[] parents = c.parents().stream().mapToInt(index::get).toArray();
            conditions.add(new VectorCondition() {
                @Override
                public int child() {
                    return child;
                }

                @Override
                public int[] parents() {
                    return parents.clone();
                }

                @Override
                public boolean holds(double[] vector) {
                    return c.holds(valuesOf(vector, dims, index), byName);
                }
            });
        }
        List<VectorForbidden> forbiddens = new ArrayList<>();
        for (Forbidden f : space.forbiddens()) {
            forbiddens.add(vector -> f.holds(valuesOf(vector, dims, index), byName));
        }
        return new VectorSpace(dims, conditions, forbiddens);
    }

    /** Values by name, null where the entry is inactive (NaN). */
    private static Function<String, Object> valuesOf(double[] vector, List<Dimension> dims, Map<String, Integer> index) {
        return name -> {
            Integer i = index.get(name);
            return i == null || Double.isNaN(vector[i]) ? null : dims.get(i).toValue(vector[i]);
        };
    }

    /** The optimizer's view of one hyperparameter. */
    static Dimension dimension(Hyperparameter h) {
        if (h instanceof NumericHyperparameter n) {
            if (n.integer()) {
                return Dimension.uniformInt(n.name(), (long) n.lowerBound(), (long) n.upperBound(), n.log(),
                        ((Number) n.defaultValue()).longValue());
            }
            return Dimension.uniformFloat(n.name(), n.lowerBound(), n.upperBound(), n.log(),
                    ((Number) n.defaultValue()).doubleValue());
        }
        if (h instanceof Categorical c) {
            double[] weights = c.weights() == null ? null
                    : c.weights().stream().mapToDouble(Double::doubleValue).toArray();
            return Dimension.categorical(c.name(), c.choices(), weights, c.defaultValue());
        }
        if (h instanceof Ordinal o) {
            return Dimension.ordinal(o.name(), o.sequence(), o.defaultValue());
        }
        if (h instanceof Constant k) {
            return Dimension.constant(k.name(), k.value());
        }
        throw new IllegalArgumentException("hyperparameter '" + h.name() + "' of type " + h.type()
                + " has no vector form in the optimizer");
    }
}
