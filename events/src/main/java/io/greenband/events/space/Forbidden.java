package io.greenband.events.space;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A forbidden clause (suggester.md §5.4): a configuration is invalid if any top-level clause holds.
 * A clause on an inactive hyperparameter never holds.
 */
public sealed interface Forbidden
        permits Forbidden.Clause, Forbidden.In, Forbidden.Conjunction, Forbidden.Relation {

    /** The ConfigSpace JSON type, e.g. {@code EQUALS}, {@code CLAUSE_LT}, {@code RELATION_GE}. */
    String type();

    /** The hyperparameters it reads. */
    Set<String> names();

    /** Whether it holds ({@code valueOf} returns null for inactive or missing hyperparameters). */
    boolean holds(
            Function<String, Object> valueOf, Function<String, Hyperparameter> hyperparameter);

    /** A readable form. */
    String describe();

    /** Operators of value clauses and relations. */
    enum Op {
        EQ("=="),
        LT("<"),
        LE("<="),
        GT(">"),
        GE(">=");

        private final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        boolean test(int cmp) {
            return switch (this) {
                case EQ -> cmp == 0;
                case LT -> cmp < 0;
                case LE -> cmp <= 0;
                case GT -> cmp > 0;
                case GE -> cmp >= 0;
            };
        }

        /** The operator as written in messages. */
        public String symbol() {
            return symbol;
        }
    }

    /**
     * {@code name <op> value}: EQUALS or CLAUSE_LT/LE/GT/GE.
     *
     * @param name the hyperparameter
     * @param op the operator (EQ is written EQUALS)
     * @param value the value, legal for the hyperparameter
     */
    record Clause(String name, Op op, Object value) implements Forbidden {
        @Override
        public String type() {
            return op == Op.EQ ? "EQUALS" : "CLAUSE_" + op.name();
        }

        @Override
        public Set<String> names() {
            return Set.of(name);
        }

        @Override
        public boolean holds(
                Function<String, Object> valueOf, Function<String, Hyperparameter> hyperparameter) {
            Object v = valueOf.apply(name);
            if (v == null) {
                return false;
            }
            return op == Op.EQ
                    ? Values.equal(v, value)
                    : op.test(hyperparameter.apply(name).compare(v, value));
        }

        @Override
        public String describe() {
            return name + " " + op.symbol() + " " + Values.describe(value);
        }
    }

    /**
     * {@code name in values}.
     *
     * @param name the hyperparameter
     * @param values the forbidden values
     */
    record In(String name, List<Object> values) implements Forbidden {
        public In {
            values = Choices.check(name, "values of the forbidden IN clause", values);
        }

        @Override
        public String type() {
            return "IN";
        }

        @Override
        public Set<String> names() {
            return Set.of(name);
        }

        @Override
        public boolean holds(
                Function<String, Object> valueOf, Function<String, Hyperparameter> hyperparameter) {
            Object v = valueOf.apply(name);
            return v != null && Values.indexOf(values, v) >= 0;
        }

        @Override
        public String describe() {
            return name + " in " + Values.describe(values);
        }
    }

    /**
     * AND or OR of clauses.
     *
     * @param and true for AND, false for OR
     * @param clauses at least one clause
     */
    record Conjunction(boolean and, List<Forbidden> clauses) implements Forbidden {
        public Conjunction {
            clauses = List.copyOf(clauses);
            if (clauses.isEmpty()) {
                throw new IllegalArgumentException(
                        "a forbidden " + (and ? "AND" : "OR") + " needs clauses");
            }
        }

        @Override
        public String type() {
            return and ? "AND" : "OR";
        }

        @Override
        public Set<String> names() {
            Set<String> all = new LinkedHashSet<>();
            clauses.forEach(c -> all.addAll(c.names()));
            return all;
        }

        @Override
        public boolean holds(
                Function<String, Object> valueOf, Function<String, Hyperparameter> hyperparameter) {
            return and
                    ? clauses.stream().allMatch(c -> c.holds(valueOf, hyperparameter))
                    : clauses.stream().anyMatch(c -> c.holds(valueOf, hyperparameter));
        }

        @Override
        public String describe() {
            return clauses.stream()
                    .map(Forbidden::describe)
                    .collect(Collectors.joining(and ? " && " : " || ", "(", ")"));
        }
    }

    /**
     * {@code left <op> right} between two hyperparameters: RELATION_LT/LE/EQ/GT/GE.
     *
     * @param left left hyperparameter
     * @param right right hyperparameter
     * @param op the relation
     */
    record Relation(String left, String right, Op op) implements Forbidden {
        @Override
        public String type() {
            return "RELATION_" + op.name();
        }

        @Override
        public Set<String> names() {
            return new LinkedHashSet<>(List.of(left, right));
        }

        @Override
        public boolean holds(
                Function<String, Object> valueOf, Function<String, Hyperparameter> hyperparameter) {
            Object l = valueOf.apply(left);
            Object r = valueOf.apply(right);
            if (l == null || r == null) {
                return false;
            }
            return op == Op.EQ ? Values.equal(l, r) : op.test(Values.compare(l, r));
        }

        @Override
        public String describe() {
            return left + " " + op.symbol() + " " + right;
        }
    }
}
