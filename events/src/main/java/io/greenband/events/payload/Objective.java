package io.greenband.events.payload;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One objective of a study: its name, direction and where its value comes from: a trainer metric
 * ({@code metric:val_error}), the aggregator's energy accounting ({@code energy:emissions_g}) or a
 * plug-in producer ({@code producer:<name>}, or {@code producer:<name>/<objective>} when the
 * producer reports several). Producers are waited for up to {@code waitTimeoutSeconds}; then {@code
 * onTimeout} applies. An optional {@code reference} is this objective's coordinate of the study's
 * hypervolume reference point (a study gives one for every objective or for none, see {@link
 * StudyDefined}).
 *
 * @param name objective name, unique in the study
 * @param direction minimize or maximize
 * @param source {@code metric:<name>}, {@code energy:<quantity>} or {@code
 *     producer:<name>[/<objective>]}
 * @param unit unit for display, optional
 * @param waitTimeoutSeconds how long the aggregator waits for a producer's value; defaults to
 *     {@link #DEFAULT_WAIT_TIMEOUT_SECONDS} for producer sources, 0 otherwise
 * @param onTimeout what happens when the value does not arrive in time; defaults to {@link
 *     OnTimeout#MARK_MISSING}
 * @param reference the hypervolume reference value in the objective's own units and direction (a
 *     value worse than any trial should reach: above the worst for a minimized objective, below it
 *     for a maximized one); optional, finite
 */
public record Objective(
        String name,
        Direction direction,
        String source,
        String unit,
        Long waitTimeoutSeconds,
        OnTimeout onTimeout,
        Double reference) {

    /** Default wait for a plug-in producer's value. */
    public static final long DEFAULT_WAIT_TIMEOUT_SECONDS = 600;

    /** The quantities the aggregator's energy accounting provides. */
    public static final Set<String> ENERGY_QUANTITIES =
            Set.of(
                    "emissions_g",
                    "train_joules",
                    "inference_joules_per_1k",
                    "total_joules",
                    "train_kwh",
                    "train_joules_per_image");

    private static final Pattern SOURCE =
            Pattern.compile("(metric|energy|producer):([A-Za-z0-9_.\\-]+)(/[A-Za-z0-9_.\\-]+)?");

    public Objective {
        FieldChecks.text(name, "name");
        FieldChecks.present(direction, "direction");
        FieldChecks.text(source, "source");
        var m = SOURCE.matcher(source);
        if (!m.matches()) {
            throw new InvalidFieldException(
                    "source",
                    "source must be 'metric:<name>', 'energy:<quantity>' or "
                            + "'producer:<name>[/<objective>]' (letters, digits, '_', '.', '-'), got '"
                            + source
                            + "'");
        }
        if (m.group(3) != null && !m.group(1).equals("producer")) {
            throw new InvalidFieldException(
                    "source",
                    "only producer sources may name an objective after '/', got '" + source + "'");
        }
        if (m.group(1).equals("energy") && !ENERGY_QUANTITIES.contains(m.group(2))) {
            throw new InvalidFieldException(
                    "source",
                    "source 'energy:"
                            + m.group(2)
                            + "' names an unknown quantity; use one of "
                            + new java.util.TreeSet<>(ENERGY_QUANTITIES));
        }
        if (waitTimeoutSeconds == null) {
            waitTimeoutSeconds = m.group(1).equals("producer") ? DEFAULT_WAIT_TIMEOUT_SECONDS : 0L;
        }
        FieldChecks.atLeast(waitTimeoutSeconds, 0, "waitTimeoutSeconds");
        if (onTimeout == null) {
            onTimeout = OnTimeout.MARK_MISSING;
        }
        if (reference != null) {
            FieldChecks.finite(reference, "reference");
        }
    }

    /**
     * An objective without a reference value (the form of definitions written before references
     * existed).
     */
    public Objective(
            String name,
            Direction direction,
            String source,
            String unit,
            Long waitTimeoutSeconds,
            OnTimeout onTimeout) {
        this(name, direction, source, unit, waitTimeoutSeconds, onTimeout, null);
    }

    /** Shorthand for a trainer-metric or energy objective with defaults. */
    public static Objective of(String name, Direction direction, String source) {
        return new Objective(name, direction, source, null, null, null, null);
    }

    /** This objective with {@code reference} as its hypervolume reference value. */
    public Objective withReference(double reference) {
        return new Objective(
                name, direction, source, unit, waitTimeoutSeconds, onTimeout, reference);
    }

    /** {@code metric}, {@code energy} or {@code producer}. */
    public String sourceKind() {
        return source.substring(0, source.indexOf(':'));
    }

    /**
     * The part after the colon: the metric, the quantity or the producer (with {@code /<objective>}
     * if given).
     */
    public String sourceName() {
        return source.substring(source.indexOf(':') + 1);
    }

    /** What the aggregator does when a producer's value does not arrive in time. */
    public enum OnTimeout {
        /**
         * Score the trial with this objective marked missing (it then ranks behind every trial that
         * has it).
         */
        MARK_MISSING,
        /** Score the trial with the worst value observed so far for this objective. */
        USE_WORST,
        /** Treat the trial as failed. */
        FAIL_TRIAL;

        /** The JSON spelling, e.g. {@code mark_missing}. */
        @JsonValue
        public String json() {
            return JsonEnums.json(this);
        }

        /** Reads the JSON spelling (any case). */
        @JsonCreator
        public static OnTimeout fromJson(String text) {
            return JsonEnums.parse(OnTimeout.class, text, "onTimeout");
        }
    }
}
