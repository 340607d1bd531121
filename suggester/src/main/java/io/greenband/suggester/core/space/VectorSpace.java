package io.greenband.suggester.core.space;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A {@link SearchSpace} built from hyperparameters, conditions and forbidden clauses stated on
 * vector entries. Any richer space model (a ConfigSpace document) can be turned into one by
 * translating its conditions and clauses into {@link VectorCondition}s and {@link
 * VectorForbidden}s.
 */
public final class VectorSpace implements SearchSpace {

    /** Samples drawn before concluding that the forbidden clauses exclude (nearly) everything. */
    public static final int MAX_SAMPLE_TRIES = 10_000;

    private final List<Dimension> dims;
    private final List<String> names;
    private final VectorCondition[] conditionOf;
    private final int[][] parentsOf;
    private final List<VectorForbidden> forbiddens;
    private final int[] topological;

    /**
     * A space; at most one condition per child (combine several with AND/OR), parents form no
     * cycle.
     */
    public VectorSpace(
            List<Dimension> dims,
            List<VectorCondition> conditions,
            List<VectorForbidden> forbiddens) {
        this.dims = List.copyOf(dims);
        this.names = this.dims.stream().map(Dimension::name).toList();
        if (names.stream().distinct().count() != names.size()) {
            throw new IllegalArgumentException("hyperparameter names must be unique: " + names);
        }
        this.conditionOf = new VectorCondition[dims.size()];
        for (VectorCondition c : conditions) {
            check(c.child(), "condition child");
            for (int p : c.parents()) {
                check(p, "condition parent of " + names.get(c.child()));
            }
            if (conditionOf[c.child()] != null) {
                throw new IllegalArgumentException(
                        "hyperparameter "
                                + names.get(c.child())
                                + " has two conditions; combine them with VectorCondition.and/or");
            }
            conditionOf[c.child()] = c;
        }
        this.parentsOf = new int[dims.size()][];
        for (int i = 0; i < parentsOf.length; i++) {
            parentsOf[i] = conditionOf[i] == null ? new int[0] : conditionOf[i].parents().clone();
        }
        this.forbiddens = List.copyOf(forbiddens);
        this.topological = topologicalOrder();
    }

    /** A space without conditions or forbidden clauses. */
    public static VectorSpace of(Dimension... dims) {
        return new VectorSpace(List.of(dims), List.of(), List.of());
    }

    /** Hyperparameter {@code index}. */
    public Dimension dimensionAt(int index) {
        return dims.get(index);
    }

    @Override
    public int dimension() {
        return dims.size();
    }

    @Override
    public List<String> names() {
        return names;
    }

    @Override
    public ParamKind kind(int index) {
        return dims.get(index).kind();
    }

    @Override
    public int cardinality(int index) {
        return dims.get(index).cardinality();
    }

    @Override
    public double[] sample(SplittableRandom rng) {
        return draw(rng, false);
    }

    @Override
    public double[] sampleUniform(SplittableRandom rng) {
        return draw(rng, true);
    }

    private double[] draw(SplittableRandom rng, boolean uniform) {
        double[] v = new double[dims.size()];
        for (int attempt = 0; attempt < MAX_SAMPLE_TRIES; attempt++) {
            for (int i = 0; i < v.length; i++) {
                v[i] = dims.get(i).sample(rng, uniform);
            }
            resolveActivity(v);
            if (!isForbidden(v)) {
                return v;
            }
        }
        throw new IllegalStateException(
                "the forbidden clauses rejected "
                        + MAX_SAMPLE_TRIES
                        + " random configurations in a row; loosen the space's forbidden clauses");
    }

    @Override
    public double[] defaults() {
        double[] v = new double[dims.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = dims.get(i).defaultVector();
        }
        resolveActivity(v);
        return v;
    }

    /**
     * Makes the activity pattern consistent, parents first: inactive entries become NaN and entries
     * that are active but NaN take their default.
     */
    public void resolveActivity(double[] v) {
        for (int i : topological) {
            VectorCondition c = conditionOf[i];
            boolean active = c == null || (parentsActive(parentsOf[i], v) && c.holds(v));
            if (!active) {
                v[i] = Double.NaN;
            } else if (Double.isNaN(v[i])) {
                v[i] = dims.get(i).defaultVector();
            }
        }
    }

    /** True when a forbidden clause is broken. */
    public boolean isForbidden(double[] v) {
        for (VectorForbidden f : forbiddens) {
            if (f.forbids(v)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean isValid(double[] vector) {
        return whyInvalid(vector) == null;
    }

    /** Null when valid, otherwise a sentence naming the hyperparameter or clause at fault. */
    public String whyInvalid(double[] v) {
        if (v == null || v.length != dims.size()) {
            return "a configuration vector needs " + dims.size() + " entries";
        }
        for (int i : topological) {
            VectorCondition c = conditionOf[i];
            boolean active = c == null || (parentsActive(parentsOf[i], v) && c.holds(v));
            if (active && !dims.get(i).accepts(v[i])) {
                return names.get(i) + " is active but its entry " + v[i] + " is not a legal value";
            }
            if (!active && !Double.isNaN(v[i])) {
                return names.get(i) + " is inactive under its condition and must be absent";
            }
        }
        return isForbidden(v) ? "the configuration breaks a forbidden clause" : null;
    }

    @Override
    public List<double[]> neighbours(double[] vector, double stdev, SplittableRandom rng) {
        return new Neighbourhood(this, dims).of(vector, stdev, rng);
    }

    @Override
    public Iterator<double[]> neighbourhood(double[] vector, double stdev, SplittableRandom rng) {
        return new Neighbourhood(this, dims).iterator(vector, stdev, rng);
    }

    @Override
    public Map<String, Object> decode(double[] vector) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < dims.size(); i++) {
            if (!Double.isNaN(vector[i])) {
                out.put(names.get(i), dims.get(i).toValue(vector[i]));
            }
        }
        return out;
    }

    @Override
    public double[] encode(Map<String, ?> values) {
        for (String key : values.keySet()) {
            if (!names.contains(key)) {
                throw new IllegalArgumentException(
                        "unknown hyperparameter '" + key + "'; the space has " + names);
            }
        }
        double[] v = new double[dims.size()];
        for (int i = 0; i < v.length; i++) {
            Object value = values.get(names.get(i));
            v[i] = value == null ? Double.NaN : dims.get(i).toVector(value);
        }
        String why = whyInvalid(v);
        if (why != null) {
            throw new IllegalArgumentException(why);
        }
        return v;
    }

    private static boolean parentsActive(int[] parents, double[] v) {
        for (int p : parents) {
            if (Double.isNaN(v[p])) {
                return false;
            }
        }
        return true;
    }

    private void check(int index, String what) {
        if (index < 0 || index >= dims.size()) {
            throw new IllegalArgumentException(
                    what + " index " + index + " is outside 0.." + (dims.size() - 1));
        }
    }

    private int[] topologicalOrder() {
        int n = dims.size();
        int[] pending = new int[n];
        Map<Integer, List<Integer>> children = new HashMap<>();
        for (VectorCondition c : conditionOf) {
            if (c != null) {
                for (int p : c.parents()) {
                    pending[c.child()]++;
                    children.computeIfAbsent(p, k -> new ArrayList<>()).add(c.child());
                }
            }
        }
        Deque<Integer> ready = new ArrayDeque<>();
        for (int i = 0; i < n; i++) {
            if (pending[i] == 0) {
                ready.add(i);
            }
        }
        int[] order = new int[n];
        int k = 0;
        while (!ready.isEmpty()) {
            int i = ready.poll();
            order[k++] = i;
            for (int child : children.getOrDefault(i, List.of())) {
                if (--pending[child] == 0) {
                    ready.add(child);
                }
            }
        }
        if (k != n) {
            throw new IllegalArgumentException(
                    "the conditions form a cycle among the hyperparameters");
        }
        return order;
    }
}
