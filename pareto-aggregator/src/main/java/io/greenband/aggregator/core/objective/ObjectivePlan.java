package io.greenband.aggregator.core.objective;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A study's objectives and how long to wait for energy figures.
 *
 * @param objectives the objectives, in vector order (each with its own wait and missing-value
 *     policy)
 * @param energyTimeout how long after a trial's end its energy figures are waited for
 */
public record ObjectivePlan(List<ObjectiveSpec> objectives, Duration energyTimeout) {

    /** Default wait for energy: well past the attribution grace period. */
    public static final Duration DEFAULT_ENERGY_TIMEOUT = Duration.ofMinutes(2);

    /** Copies and checks the fields. */
    public ObjectivePlan {
        objectives = List.copyOf(objectives);
        if (objectives.isEmpty()) {
            throw new IllegalArgumentException(
                    "objectives is empty: a study needs at least one objective");
        }
        Set<String> names = new HashSet<>();
        for (ObjectiveSpec o : objectives) {
            if (!names.add(o.name())) {
                throw new IllegalArgumentException(
                        "objective name '" + o.name() + "' appears twice: names must be unique");
            }
        }
        if (energyTimeout == null || energyTimeout.isNegative()) {
            throw new IllegalArgumentException(
                    "energyTimeout is " + energyTimeout + ": give a duration >= 0");
        }
    }

    /** Whether any objective comes from the energy accounting. */
    public boolean needsEnergy() {
        return objectives.stream().anyMatch(o -> o.source() instanceof ObjectiveSource.Energy);
    }

    /** Number of objectives. */
    public int dimension() {
        return objectives.size();
    }

    /** A builder: {@code addObjective} at least once; the rest is optional. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a plan; invariants are checked in {@link #build()}. */
    public static final class Builder {
        private final List<ObjectiveSpec> objectives = new ArrayList<>();
        private Duration energyTimeout = DEFAULT_ENERGY_TIMEOUT;

        private Builder() {}

        /** Adds an objective (required, at least one). */
        public Builder addObjective(ObjectiveSpec objective) {
            objectives.add(objective);
            return this;
        }

        /** Adds an objective from its written forms, with the default wait and policy. */
        public Builder addObjective(String name, String direction, String source) {
            return addObjective(ObjectiveSpec.of(name, direction, source));
        }

        /** Wait for energy figures (default {@link ObjectivePlan#DEFAULT_ENERGY_TIMEOUT}). */
        public Builder optEnergyTimeout(Duration timeout) {
            this.energyTimeout = timeout;
            return this;
        }

        /** The plan. */
        public ObjectivePlan build() {
            return new ObjectivePlan(objectives, energyTimeout);
        }
    }
}
