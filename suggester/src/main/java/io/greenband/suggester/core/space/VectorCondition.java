package io.greenband.suggester.core.space;

import java.util.Arrays;
import java.util.List;
import java.util.function.DoublePredicate;

/**
 * When a child hyperparameter is active, stated on vector entries. A child is active when every
 * parent is active and its condition holds; a condition reading an inactive (NaN) parent does not
 * hold.
 */
public interface VectorCondition {

    /** Index of the hyperparameter this condition switches on. */
    int child();

    /** Indices of the hyperparameters it reads. */
    int[] parents();

    /** True when the child is active given the (already resolved) parent entries. */
    boolean holds(double[] vector);

    /** The child is active when {@code test} accepts the parent's vector entry. */
    static VectorCondition of(int child, int parent, DoublePredicate test) {
        return new Leaf(child, parent, test);
    }

    /** The child is active when all parts hold. */
    static VectorCondition and(int child, List<VectorCondition> parts) {
        return new Junction(child, List.copyOf(parts), false);
    }

    /** The child is active when at least one part holds. */
    static VectorCondition or(int child, List<VectorCondition> parts) {
        return new Junction(child, List.copyOf(parts), true);
    }

    /** One parent, one test. */
    record Leaf(int child, int parent, DoublePredicate test) implements VectorCondition {
        @Override
        public int[] parents() {
            return new int[] {parent};
        }

        @Override
        public boolean holds(double[] vector) {
            double v = vector[parent];
            return !Double.isNaN(v) && test.test(v);
        }
    }

    /** A conjunction or disjunction of conditions on the same child. */
    record Junction(int child, List<VectorCondition> parts, boolean any)
            implements VectorCondition {
        public Junction {
            if (parts.isEmpty()) {
                throw new IllegalArgumentException(
                        "a conjunction of conditions for child " + child + " needs parts");
            }
        }

        @Override
        public int[] parents() {
            return parts.stream()
                    .flatMapToInt(p -> Arrays.stream(p.parents()))
                    .distinct()
                    .toArray();
        }

        @Override
        public boolean holds(double[] vector) {
            for (VectorCondition p : parts) {
                if (p.holds(vector) == any) {
                    return any;
                }
            }
            return !any;
        }
    }
}
