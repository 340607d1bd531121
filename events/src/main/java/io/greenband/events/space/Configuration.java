package io.greenband.events.space;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One configuration of a {@link ConfigSpace}: hyperparameter name to value, inactive
 * hyperparameters left out. Immutable; not validated on construction, so it can also describe what
 * is wrong with a bad input ({@link #problems()}, {@link #validate()}).
 */
public final class Configuration {

    private final ConfigSpace space;
    private final Map<String, Object> values;
    private final Set<String> active;

    Configuration(ConfigSpace space, Map<String, ?> values) {
        this.space = Objects.requireNonNull(space, "space");
        Map<String, Object> ordered = new LinkedHashMap<>();
        for (String n : space.names()) {
            if (values.containsKey(n)) {
                ordered.put(n, values.get(n));
            }
        }
        values.forEach(ordered::putIfAbsent);
        this.values = Collections.unmodifiableMap(ordered);
        this.active = space.activeNames(ordered);
    }

    /** The configuration decoded from a vector (NaN = inactive), per suggester.md §5.6. */
    public static Configuration fromVector(ConfigSpace space, double[] vector) {
        if (vector.length != space.size()) {
            throw new IllegalArgumentException(
                    "vector has " + vector.length + " entries, the space " + space.size());
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < vector.length; i++) {
            if (!Double.isNaN(vector[i])) {
                Hyperparameter h = space.hyperparameters().get(i);
                values.put(h.name(), h.fromVector(vector[i]));
            }
        }
        return new Configuration(space, values);
    }

    /** The space. */
    public ConfigSpace space() {
        return space;
    }

    /** Name to value, in the space's order (unknown names last). */
    public Map<String, Object> values() {
        return values;
    }

    /** The value of {@code name}, or null when it has none. */
    public Object get(String name) {
        space.hyperparameter(name);
        return values.get(name);
    }

    /** Whether {@code name} is active: every parent active and its condition holding. */
    public boolean isActive(String name) {
        space.hyperparameter(name);
        return active.contains(name);
    }

    /** Whether a forbidden clause holds. */
    public boolean isForbidden() {
        return violatedForbidden().isPresent();
    }

    /** The first forbidden clause that holds, if any. */
    public Optional<Forbidden> violatedForbidden() {
        return space.violatedForbidden(values, active);
    }

    /**
     * Everything wrong with this configuration, each naming the hyperparameter and the bound or
     * choice; empty if valid.
     */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        for (String n : values.keySet()) {
            if (!space.contains(n)) {
                problems.add("unknown hyperparameter '" + n + "'; the space has " + space.names());
            }
        }
        for (Hyperparameter h : space.hyperparameters()) {
            boolean has = values.containsKey(h.name());
            if (active.contains(h.name())) {
                if (!has || values.get(h.name()) == null) {
                    problems.add(
                            "hyperparameter '"
                                    + h.name()
                                    + "' is active but has no value"
                                    + space.conditionOf(h.name())
                                            .map(c -> " (its condition " + c.describe() + " holds)")
                                            .orElse(""));
                } else {
                    String bad = h.illegality(values.get(h.name()));
                    if (bad != null) {
                        problems.add(bad);
                    }
                }
            } else if (has) {
                problems.add(
                        "hyperparameter '"
                                + h.name()
                                + "' is inactive but has value "
                                + Values.describe(values.get(h.name()))
                                + "; remove it"
                                + space.conditionOf(h.name())
                                        .map(
                                                c ->
                                                        " (its condition "
                                                                + c.describe()
                                                                + " does not hold)")
                                        .orElse(""));
            }
        }
        violatedForbidden()
                .ifPresent(f -> problems.add("the configuration is forbidden by " + f.describe()));
        return problems;
    }

    /** Throws {@link IllegalArgumentException} listing every problem, if there is one. */
    public Configuration validate() {
        List<String> p = problems();
        if (!p.isEmpty()) {
            throw new IllegalArgumentException("invalid configuration: " + String.join("; ", p));
        }
        return this;
    }

    /** The vector encoding in the space's order: unit-scaled numbers, indices, NaN for inactive. */
    public double[] toVector() {
        double[] v = new double[space.size()];
        List<Hyperparameter> hps = space.hyperparameters();
        for (int i = 0; i < v.length; i++) {
            Hyperparameter h = hps.get(i);
            Object x = values.get(h.name());
            v[i] = active.contains(h.name()) && x != null ? h.toVector(x) : Double.NaN;
        }
        return v;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Configuration c) || !c.values.keySet().equals(values.keySet())) {
            return false;
        }
        for (var e : values.entrySet()) {
            if (!Values.equal(e.getValue(), c.values.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return values.keySet().hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
