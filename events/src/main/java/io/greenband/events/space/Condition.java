package io.greenband.events.space;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * When a child hyperparameter is active (suggester.md §5.3). A child is active iff every parent it
 * depends on is active and its condition holds; a child has at most one condition (combine with
 * AND/OR).
 */
public sealed interface Condition permits Condition.Compare, Condition.In, Condition.Conjunction {

    /** The hyperparameter this condition switches on. */
    String child();

    /** The parents it reads, in order of appearance. */
    Set<String> parents();

    /** The ConfigSpace JSON type: EQ, NEQ, LT, GT, IN, AND or OR. */
    String type();

    /**
     * Whether it holds, given each active parent's value ({@code valueOf} returns null for an
     * inactive or missing parent, which makes any comparison false).
     */
    boolean holds(
            Function<String, Object> valueOf, Function<String, Hyperparameter> hyperparameter);

    /** A readable form, e.g. {@code optimizer == 'SGD'}. */
    String describe();

    /** Comparison operators of simple conditions. */
    enum Op {
        EQ("=="),
        NEQ("!="),
        LT("<"),
        GT(">");

        private final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        /** The operator as written in messages. */
        public String symbol() {
            return symbol;
        }
    }

    /**
     * {@code parent <op> value}.
     *
     * @param child the child
     * @param parent the parent
     * @param op EQ, NEQ, LT or GT (LT/GT need a numeric or ordinal parent)
     * @param value the value compared with, legal for the parent
     */
    record Compare(String child, String parent, Op op, Object value) implements Condition {
        @Override
        public Set<String> parents() {
            return Set.of(parent);
        }

        @Override
        public String type() {
            return op.name();
        }

        @Override
        public boolean holds(
                Function<String, Object> valueOf, Function<String, Hyperparameter> hyperparameter) {
            Object v = valueOf.apply(parent);
            if (v == null) {
                return false;
            }
            return switch (op) {
                case EQ -> Values.equal(v, value);
                case NEQ -> !Values.equal(v, value);
                case LT -> hyperparameter.apply(parent).compare(v, value) < 0;
                case GT -> hyperparameter.apply(parent).compare(v, value) > 0;
            };
        }

        @Override
        public String describe() {
            return parent + " " + op.symbol() + " " + Values.describe(value);
        }
    }

    /**
     * {@code parent in values}.
     *
     * @param child the child
     * @param parent the parent
     * @param values the accepted parent values
     */
    record In(String child, String parent, List<Object> values) implements Condition {
        public In {
            values = Choices.check(child, "values of the IN condition on " + parent, values);
        }

        @Override
        public Set<String> parents() {
            return Set.of(parent);
        }

        @Override
        public String type() {
            return "IN";
        }

        @Override
        public boolean holds(
                Function<String, Object> valueOf, Function<String, Hyperparameter> hyperparameter) {
            Object v = valueOf.apply(parent);
            return v != null && Values.indexOf(values, v) >= 0;
        }

        @Override
        public String describe() {
            return parent + " in " + Values.describe(values);
        }
    }

    /**
     * AND or OR of conditions on the same child.
     *
     * @param child the child shared by all parts
     * @param and true for AND, false for OR
     * @param parts at least two conditions
     */
    record Conjunction(String child, boolean and, List<Condition> parts) implements Condition {
        public Conjunction {
            parts = List.copyOf(parts);
            if (parts.isEmpty()) {
                throw new IllegalArgumentException(
                        child + ": an " + (and ? "AND" : "OR") + " condition needs conditions");
            }
            for (Condition c : parts) {
                if (!c.child().equals(child)) {
                    throw new IllegalArgumentException(
                            "an "
                                    + (and ? "AND" : "OR")
                                    + " condition on child '"
                                    + child
                                    + "' contains a condition on child '"
                                    + c.child()
                                    + "'; all parts must share the child");
                }
            }
        }

        @Override
        public Set<String> parents() {
            Set<String> all = new LinkedHashSet<>();
            parts.forEach(p -> all.addAll(p.parents()));
            return all;
        }

        @Override
        public String type() {
            return and ? "AND" : "OR";
        }

        @Override
        public boolean holds(
                Function<String, Object> valueOf, Function<String, Hyperparameter> hyperparameter) {
            return and
                    ? parts.stream().allMatch(p -> p.holds(valueOf, hyperparameter))
                    : parts.stream().anyMatch(p -> p.holds(valueOf, hyperparameter));
        }

        @Override
        public String describe() {
            return parts.stream()
                    .map(Condition::describe)
                    .collect(Collectors.joining(and ? " && " : " || ", "(", ")"));
        }
    }
}
