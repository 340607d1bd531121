package io.greenband.events.space;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A configuration space: hyperparameters in ConfigSpace's internal order (roots by name, then
 * children by depth, then by name; suggester.md §5.1), at most one condition per child, and
 * forbidden clauses. Immutable; built with {@link #of} or read with {@link ConfigSpaceJson}. Checks
 * on construction that every name exists, condition and clause values are legal, the condition
 * graph has no cycle and the default configuration is not forbidden.
 */
public final class ConfigSpace {

    private final String name;
    private final List<Hyperparameter> hyperparameters;
    private final Map<String, Hyperparameter> byName;
    private final Map<String, Integer> index;
    private final Map<String, Condition> conditionOf;
    private final List<Condition> conditions;
    private final List<Forbidden> forbiddens;

    private ConfigSpace(
            String name,
            List<Hyperparameter> ordered,
            Map<String, Condition> conditionOf,
            List<Forbidden> forbiddens) {
        this.name = name;
        this.hyperparameters = List.copyOf(ordered);
        this.byName = new LinkedHashMap<>();
        this.index = new HashMap<>();
        for (int i = 0; i < ordered.size(); i++) {
            byName.put(ordered.get(i).name(), ordered.get(i));
            index.put(ordered.get(i).name(), i);
        }
        this.conditionOf = Map.copyOf(conditionOf);
        List<Condition> cs = new ArrayList<>();
        for (Hyperparameter h : ordered) {
            if (conditionOf.containsKey(h.name())) {
                cs.add(conditionOf.get(h.name()));
            }
        }
        this.conditions = List.copyOf(cs);
        this.forbiddens = List.copyOf(forbiddens);
    }

    /**
     * A checked space.
     *
     * @param name the space's name, possibly null
     * @param hyperparameters any order; names unique
     * @param conditions at most one per child
     * @param forbiddens forbidden clauses
     */
    public static ConfigSpace of(
            String name,
            Collection<? extends Hyperparameter> hyperparameters,
            Collection<? extends Condition> conditions,
            Collection<? extends Forbidden> forbiddens) {
        Map<String, Hyperparameter> hps = new LinkedHashMap<>();
        for (Hyperparameter h : hyperparameters) {
            if (hps.put(h.name(), h) != null) {
                throw new IllegalArgumentException(
                        "hyperparameter '" + h.name() + "' is defined twice; names must be unique");
            }
        }
        Map<String, Condition> conditionOf = new HashMap<>();
        for (Condition c : conditions) {
            SpaceChecks.condition(c, hps);
            if (conditionOf.put(c.child(), c) != null) {
                throw new IllegalArgumentException(
                        "hyperparameter '"
                                + c.child()
                                + "' has two conditions, which is "
                                + "ambiguous; combine them into one AND or OR condition");
            }
        }
        Map<String, Integer> depth = new HashMap<>();
        for (String n : hps.keySet()) {
            depthOf(n, conditionOf, depth, new LinkedHashSet<>());
        }
        List<Hyperparameter> ordered = new ArrayList<>(hps.values());
        ordered.sort(
                Comparator.<Hyperparameter>comparingInt(h -> depth.get(h.name()))
                        .thenComparing(Hyperparameter::name));
        for (Forbidden f : forbiddens) {
            SpaceChecks.forbidden(f, hps);
        }
        ConfigSpace space =
                new ConfigSpace(name, ordered, conditionOf, new ArrayList<>(forbiddens));
        Configuration defaults = space.defaultConfiguration();
        defaults.violatedForbidden()
                .ifPresent(
                        f -> {
                            throw new IllegalArgumentException(
                                    "the default configuration "
                                            + defaults.values()
                                            + " is forbidden by "
                                            + f.describe()
                                            + "; change a default or the clause");
                        });
        return space;
    }

    private static int depthOf(
            String n,
            Map<String, Condition> conditionOf,
            Map<String, Integer> depth,
            Set<String> path) {
        Integer known = depth.get(n);
        if (known != null) {
            return known;
        }
        if (!path.add(n)) {
            throw new IllegalArgumentException(
                    "conditions form a cycle: " + String.join(" -> ", path) + " -> " + n);
        }
        int d = 0;
        Condition c = conditionOf.get(n);
        if (c != null) {
            for (String p : c.parents()) {
                d = Math.max(d, 1 + depthOf(p, conditionOf, depth, path));
            }
        }
        path.remove(n);
        depth.put(n, d);
        return d;
    }

    /** The name, possibly null. */
    public String name() {
        return name;
    }

    /** The hyperparameters in internal order (the vector order). */
    public List<Hyperparameter> hyperparameters() {
        return hyperparameters;
    }

    /** The names in internal order. */
    public List<String> names() {
        return hyperparameters.stream().map(Hyperparameter::name).toList();
    }

    /** The hyperparameter called {@code name}; fails naming the known ones. */
    public Hyperparameter hyperparameter(String name) {
        Hyperparameter h = byName.get(name);
        if (h == null) {
            throw new IllegalArgumentException(
                    "unknown hyperparameter '" + name + "'; the space has " + names());
        }
        return h;
    }

    /** Whether the space has a hyperparameter called {@code name}. */
    public boolean contains(String name) {
        return byName.containsKey(name);
    }

    /** Position of {@code name} in the internal order and the vector. */
    public int indexOf(String name) {
        hyperparameter(name);
        return index.get(name);
    }

    /** Number of hyperparameters. */
    public int size() {
        return hyperparameters.size();
    }

    /** The conditions, in the internal order of their children. */
    public List<Condition> conditions() {
        return conditions;
    }

    /** The condition of {@code child}, if any. */
    public Optional<Condition> conditionOf(String child) {
        return Optional.ofNullable(conditionOf.get(child));
    }

    /** The forbidden clauses, in the order given. */
    public List<Forbidden> forbiddens() {
        return forbiddens;
    }

    /** The defaults of the hyperparameters that are active under those defaults. */
    public Configuration defaultConfiguration() {
        Map<String, Object> all = new LinkedHashMap<>();
        hyperparameters.forEach(h -> all.put(h.name(), h.defaultValue()));
        Set<String> active = activeNames(all);
        all.keySet().retainAll(active);
        return new Configuration(this, all);
    }

    /**
     * A configuration holding {@code values} (not validated; see {@link Configuration#validate()}).
     */
    public Configuration configuration(Map<String, ?> values) {
        return new Configuration(this, values);
    }

    /** The names active under {@code values}, in internal order. */
    public Set<String> activeNames(Map<String, ?> values) {
        Set<String> active = new LinkedHashSet<>();
        Function<String, Object> valueOf = n -> active.contains(n) ? values.get(n) : null;
        for (Hyperparameter h : hyperparameters) {
            Condition c = conditionOf.get(h.name());
            if (c == null || (active.containsAll(c.parents()) && c.holds(valueOf, byName::get))) {
                active.add(h.name());
            }
        }
        return active;
    }

    /** The first forbidden clause that holds for the active {@code values}, if any. */
    Optional<Forbidden> violatedForbidden(Map<String, ?> values, Set<String> active) {
        Function<String, Object> valueOf = n -> active.contains(n) ? values.get(n) : null;
        return forbiddens.stream().filter(f -> f.holds(valueOf, byName::get)).findFirst();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfigSpace s
                && Objects.equals(name, s.name)
                && hyperparameters.equals(s.hyperparameters)
                && conditions.equals(s.conditions)
                && forbiddens.equals(s.forbiddens);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, hyperparameters, conditions, forbiddens);
    }

    @Override
    public String toString() {
        return "ConfigSpace["
                + name
                + ": "
                + names()
                + ", "
                + conditions.size()
                + " conditions, "
                + forbiddens.size()
                + " forbidden clauses]";
    }
}
