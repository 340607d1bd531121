package io.greenband.events.payload;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How trials are scheduled and promoted. Every field has a default (the constants below), so a
 * study may leave the whole section out.
 *
 * @param kind hyperband (synchronous brackets, SMAC-equivalent), asha (asynchronous) or random
 * @param ranking how a rung ranks several objectives for promotion
 * @param surrogate whether model-based suggestions are used (false: random configurations only)
 * @param parallelism how many trials are kept in flight
 * @param maxRetries how often a LOST trial is suggested again before it counts as failed
 * @param leaseSeconds how long a trial may go without a heartbeat before it is declared LOST
 * @param randomFraction share of model-based suggestions replaced by random ones, in [0, 1]
 * @param surrogateBudgets which results the surrogate learns from: {@code all} budgets with the
 *     budget as a feature (the default, also when absent), or only the {@code highest} budget with
 *     enough results (SMAC's rule); absent stays absent, so definitions written before it keep
 *     their fingerprint
 * @param preset the optimizer preset by name (one of {@link #PRESETS}); absent: chosen from kind
 *     and surrogate as before ({@code hyperband} with surrogate = {@code hyperband-parego-rf})
 * @param initialDesign random configurations before the surrogate proposes any, {@code >= 0};
 *     absent: the preset's rule (for {@code hyperband-parego-rf} SMAC's {@code max(1, min(10·d,
 *     maxTrials/4))})
 */
public record Scheduler(
        Kind kind,
        Ranking ranking,
        Boolean surrogate,
        Integer parallelism,
        Integer maxRetries,
        Integer leaseSeconds,
        Double randomFraction,
        SurrogateBudgets surrogateBudgets,
        String preset,
        Integer initialDesign) {

    /** The optimizer presets a study may name (the suggester's {@code Preset} ids). */
    public static final java.util.List<String> PRESETS =
            java.util.List.of(
                    "hyperband-parego-rf",
                    "asha-nsga2-rf",
                    "full-parego-rf",
                    "full-parego-gp",
                    "full-motpe",
                    "full-gp-motpe",
                    "hyperband-random",
                    "random");

    /** Default number of trials in flight. */
    public static final int DEFAULT_PARALLELISM = 1;

    /** Default retries of a LOST trial. */
    public static final int DEFAULT_MAX_RETRIES = 2;

    /** Default trial lease without heartbeat. */
    public static final int DEFAULT_LEASE_SECONDS = 600;

    /** SMAC's random interleaving probability. */
    public static final double DEFAULT_RANDOM_FRACTION = 0.2;

    public Scheduler {
        kind = kind == null ? Kind.HYPERBAND : kind;
        ranking = ranking == null ? Ranking.PAREGO : ranking;
        surrogate = surrogate == null ? Boolean.TRUE : surrogate;
        parallelism =
                (int)
                        FieldChecks.atLeast(
                                parallelism == null ? DEFAULT_PARALLELISM : parallelism,
                                1,
                                "parallelism");
        maxRetries =
                (int)
                        FieldChecks.atLeast(
                                maxRetries == null ? DEFAULT_MAX_RETRIES : maxRetries,
                                0,
                                "maxRetries");
        leaseSeconds =
                (int)
                        FieldChecks.atLeast(
                                leaseSeconds == null ? DEFAULT_LEASE_SECONDS : leaseSeconds,
                                1,
                                "leaseSeconds");
        randomFraction =
                FieldChecks.atLeast(
                        randomFraction == null ? DEFAULT_RANDOM_FRACTION : randomFraction,
                        0,
                        "randomFraction");
        if (randomFraction > 1) {
            throw new InvalidFieldException(
                    "randomFraction", "randomFraction must be <= 1, got " + randomFraction);
        }
        if (preset != null && !PRESETS.contains(preset)) {
            throw new InvalidFieldException(
                    "preset", "unknown preset '" + preset + "'; known presets: " + PRESETS);
        }
        if (initialDesign != null) {
            FieldChecks.atLeast(initialDesign, 0, "initialDesign");
        }
    }

    /** A scheduler without a preset name or initial-design size. */
    public Scheduler(
            Kind kind,
            Ranking ranking,
            Boolean surrogate,
            Integer parallelism,
            Integer maxRetries,
            Integer leaseSeconds,
            Double randomFraction,
            SurrogateBudgets surrogateBudgets) {
        this(
                kind,
                ranking,
                surrogate,
                parallelism,
                maxRetries,
                leaseSeconds,
                randomFraction,
                surrogateBudgets,
                null,
                null);
    }

    /** A scheduler that leaves the surrogate's training budgets at their default. */
    public Scheduler(
            Kind kind,
            Ranking ranking,
            Boolean surrogate,
            Integer parallelism,
            Integer maxRetries,
            Integer leaseSeconds,
            Double randomFraction) {
        this(
                kind,
                ranking,
                surrogate,
                parallelism,
                maxRetries,
                leaseSeconds,
                randomFraction,
                null,
                null,
                null);
    }

    /** Every default. */
    public static Scheduler defaults() {
        return new Scheduler(null, null, null, null, null, null, null, null, null, null);
    }

    /**
     * Whether the surrogate learns from every budget with the budget as a feature (unless {@code
     * highest}).
     */
    public boolean surrogateLearnsAllBudgets() {
        return surrogateBudgets != SurrogateBudgets.HIGHEST;
    }

    /** Whether the scheduler runs trials at several budgets (and so needs fidelity.min > 0). */
    public boolean multiFidelity() {
        return kind != Kind.RANDOM;
    }

    /** The scheduling algorithm. */
    public enum Kind {
        HYPERBAND,
        ASHA,
        RANDOM;

        /** The JSON spelling. */
        @JsonValue
        public String json() {
            return JsonEnums.json(this);
        }

        /** Reads the JSON spelling (any case). */
        @JsonCreator
        public static Kind fromJson(String text) {
            return JsonEnums.parse(Kind.class, text, "kind");
        }
    }

    /** Multi-objective ranking used for promotion. */
    public enum Ranking {
        PAREGO,
        NSGA2,
        EPSNET;

        /** The JSON spelling. */
        @JsonValue
        public String json() {
            return JsonEnums.json(this);
        }

        /** Reads the JSON spelling (any case). */
        @JsonCreator
        public static Ranking fromJson(String text) {
            return JsonEnums.parse(Ranking.class, text, "ranking");
        }
    }

    /** Which results the surrogate is trained on. */
    public enum SurrogateBudgets {
        /** Every budget, with log(budget) as a feature, predicting at the maximum budget. */
        ALL,
        /** Only the highest budget with enough results, as SMAC does. */
        HIGHEST;

        /** The JSON spelling. */
        @JsonValue
        public String json() {
            return JsonEnums.json(this);
        }

        /** Reads the JSON spelling (any case). */
        @JsonCreator
        public static SurrogateBudgets fromJson(String text) {
            return JsonEnums.parse(SurrogateBudgets.class, text, "surrogateBudgets");
        }
    }
}
