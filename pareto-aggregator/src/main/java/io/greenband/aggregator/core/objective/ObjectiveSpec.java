package io.greenband.aggregator.core.objective;

import java.time.Duration;
import java.util.Objects;

/**
 * One objective of a study.
 *
 * @param name the objective's name in results
 * @param direction minimize or maximize
 * @param source where its value comes from
 * @param timeout how long after the trial's end a plug-in value is waited for (producer sources
 *     only; energy waits use the plan's energy timeout, metrics are known at the end)
 * @param onMissing what a value that did not arrive does to the trial
 */
public record ObjectiveSpec(
        String name,
        Direction direction,
        ObjectiveSource source,
        Duration timeout,
        MissingPolicy onMissing) {

    /** Default wait for a plug-in value (the study definition's default too). */
    public static final Duration DEFAULT_PRODUCER_WAIT = Duration.ofSeconds(600);

    /** Checks the fields and fills defaults. */
    public ObjectiveSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(
                    "name of an objective is missing: give each objective a name");
        }
        Objects.requireNonNull(direction, "direction of objective " + name + " must not be null");
        Objects.requireNonNull(source, "source of objective " + name + " must not be null");
        if (timeout == null) {
            timeout =
                    source instanceof ObjectiveSource.Producer
                            ? DEFAULT_PRODUCER_WAIT
                            : Duration.ZERO;
        }
        if (timeout.isNegative()) {
            throw new IllegalArgumentException(
                    "timeout of objective " + name + " is " + timeout + ": give a duration >= 0");
        }
        onMissing = onMissing == null ? MissingPolicy.MARK_MISSING : onMissing;
    }

    /**
     * An objective with the default wait and {@link MissingPolicy#MARK_MISSING}, from written
     * forms.
     */
    public static ObjectiveSpec of(String name, String direction, String source) {
        return new ObjectiveSpec(
                name, Direction.parse(direction), ObjectiveSource.parse(source), null, null);
    }

    /** This objective with another timeout and policy. */
    public ObjectiveSpec with(Duration newTimeout, MissingPolicy newPolicy) {
        return new ObjectiveSpec(name, direction, source, newTimeout, newPolicy);
    }
}
