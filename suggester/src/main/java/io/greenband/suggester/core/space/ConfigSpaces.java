package io.greenband.suggester.core.space;

import io.greenband.events.space.BetaFloat;
import io.greenband.events.space.BetaInt;
import io.greenband.events.space.Categorical;
import io.greenband.events.space.Condition;
import io.greenband.events.space.ConfigSpace;
import io.greenband.events.space.Constant;
import io.greenband.events.space.Forbidden;
import io.greenband.events.space.Hyperparameter;
import io.greenband.events.space.NormalFloat;
import io.greenband.events.space.NormalInt;
import io.greenband.events.space.NumericHyperparameter;
import io.greenband.events.space.Ordinal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns the event model's {@link ConfigSpace} (ConfigSpace JSON) into the optimizer's {@link
 * VectorSpace}: the same hyperparameter order and vector encoding; conditions and forbidden clauses
 * keep the event model's semantics (they are compiled by asking the model), so both sides agree on
 * what is active and legal. Normal and beta hyperparameters keep their distribution as a {@link
 * Prior} on the unit scale.
 */
public final class ConfigSpaces {

    private ConfigSpaces() {}

    /** The vector space of {@code space}. */
    public static VectorSpace of(ConfigSpace space) {
        List<Hyperparameter> hps = space.hyperparameters();
        Map<String, Integer> index = new HashMap<>();
        List<Dimension> dims = new ArrayList<>();
        for (int i = 0; i < hps.size(); i++) {
            index.put(hps.get(i).name(), i);
            dims.add(dimension(hps.get(i)));
        }
        Compiler compiler = new Compiler(space, dims, index);
        List<VectorCondition> conditions = new ArrayList<>();
        for (Condition c : space.conditions()) {
            int child = index.get(c.child());
            int[] parents = c.parents().stream().mapToInt(index::get).toArray();
            VectorPredicate test = compiler.condition(c);
            conditions.add(
                    new VectorCondition() {
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
                            return test.test(vector);
                        }
                    });
        }
        List<VectorForbidden> forbiddens = new ArrayList<>();
        for (Forbidden f : space.forbiddens()) {
            forbiddens.add(compiler.forbidden(f)::test);
        }
        return new VectorSpace(dims, conditions, forbiddens);
    }

    /** A test on a configuration vector. */
    @FunctionalInterface
    private interface VectorPredicate {
        boolean test(double[] vector);
    }

    /**
     * Turns the event model's conditions and clauses into vector tests with the model's own
     * semantics: a test on one discrete hyperparameter is tabulated over its values once (by asking
     * the model), a test on one float decodes only that entry, conjunctions combine their compiled
     * parts, and anything else (a relation between two hyperparameters) asks the model on the
     * decoded values.
     */
    private static final class Compiler {

        /** Largest integer range tabulated. */
        private static final int MAX_TABLE = 4096;

        private final Function<String, Hyperparameter> byName;
        private final List<Dimension> dims;
        private final Map<String, Integer> index;

        Compiler(ConfigSpace space, List<Dimension> dims, Map<String, Integer> index) {
            this.byName = space::hyperparameter;
            this.dims = dims;
            this.index = index;
        }

        VectorPredicate condition(Condition c) {
            if (c instanceof Condition.Conjunction j) {
                return combine(j.and(), j.parts().stream().map(this::condition).toList());
            }
            if (c.parents().size() == 1) {
                return single(
                        index.get(c.parents().iterator().next()),
                        valueOf -> c.holds(valueOf, byName));
            }
            return v -> c.holds(valuesOf(v), byName);
        }

        VectorPredicate forbidden(Forbidden f) {
            if (f instanceof Forbidden.Conjunction j) {
                return combine(j.and(), j.clauses().stream().map(this::forbidden).toList());
            }
            if (f.names().size() == 1) {
                return single(
                        index.get(f.names().iterator().next()),
                        valueOf -> f.holds(valueOf, byName));
            }
            return v -> f.holds(valuesOf(v), byName);
        }

        private static VectorPredicate combine(boolean and, List<VectorPredicate> parts) {
            VectorPredicate[] p = parts.toArray(new VectorPredicate[0]);
            return v -> {
                for (VectorPredicate part : p) {
                    if (part.test(v) != and) {
                        return !and;
                    }
                }
                return and;
            };
        }

        /** A test reading entry {@code i} only; false when it is inactive. */
        private VectorPredicate single(
                int i, java.util.function.Predicate<Function<String, Object>> model) {
            Dimension d = dims.get(i);
            String name = d.name();
            int size = d.cardinality();
            if (d.kind() != ParamKind.FLOAT && size >= 1 && size <= MAX_TABLE) {
                boolean[] table = new boolean[size];
                for (int k = 0; k < size; k++) {
                    Object value = valueAt(d, k);
                    table[k] = model.test(n -> n.equals(name) ? value : null);
                }
                return v -> !Double.isNaN(v[i]) && table[position(d, v[i])];
            }
            return v -> {
                if (Double.isNaN(v[i])) {
                    return false;
                }
                Object value = d.toValue(v[i]);
                return model.test(n -> n.equals(name) ? value : null);
            };
        }

        private static Object valueAt(Dimension d, int k) {
            return d.kind() == ParamKind.INT ? (Object) ((long) d.lower() + k) : d.toValue(k);
        }

        private static int position(Dimension d, double u) {
            return d.kind() == ParamKind.INT
                    ? (int) ((Long) d.toValue(u) - (long) d.lower())
                    : (int) u;
        }

        private Function<String, Object> valuesOf(double[] vector) {
            return name -> {
                Integer i = index.get(name);
                return i == null || Double.isNaN(vector[i]) ? null : dims.get(i).toValue(vector[i]);
            };
        }
    }

    /** The optimizer's view of one hyperparameter. */
    static Dimension dimension(Hyperparameter h) {
        if (h instanceof NumericHyperparameter n) {
            Dimension d =
                    n.integer()
                            ? Dimension.uniformInt(
                                    n.name(),
                                    (long) n.lowerBound(),
                                    (long) n.upperBound(),
                                    n.log(),
                                    ((Number) n.defaultValue()).longValue())
                            : Dimension.uniformFloat(
                                    n.name(),
                                    n.lowerBound(),
                                    n.upperBound(),
                                    n.log(),
                                    ((Number) n.defaultValue()).doubleValue());
            Prior prior = null;
            if (h instanceof NormalFloat f) {
                prior = Prior.normal(f.mu(), f.sigma(), f.lower(), f.upper(), f.log());
            } else if (h instanceof NormalInt i) {
                prior = Prior.normal(i.mu(), i.sigma(), i.lower(), i.upper(), i.log());
            } else if (h instanceof BetaFloat f) {
                prior = Prior.beta(f.alpha(), f.beta());
            } else if (h instanceof BetaInt i) {
                prior = Prior.beta(i.alpha(), i.beta());
            }
            return prior == null ? d : d.withPrior(prior);
        }
        if (h instanceof Categorical c) {
            double[] weights =
                    c.weights() == null
                            ? null
                            : c.weights().stream().mapToDouble(Double::doubleValue).toArray();
            return Dimension.categorical(c.name(), c.choices(), weights, c.defaultValue());
        }
        if (h instanceof Ordinal o) {
            return Dimension.ordinal(o.name(), o.sequence(), o.defaultValue());
        }
        if (h instanceof Constant k) {
            return Dimension.constant(k.name(), k.value());
        }
        throw new IllegalArgumentException(
                "hyperparameter '"
                        + h.name()
                        + "' of type "
                        + h.type()
                        + " has no vector form in the optimizer");
    }
}
