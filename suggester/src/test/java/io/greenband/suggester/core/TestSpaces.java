package io.greenband.suggester.core;

import io.greenband.suggester.core.space.Dimension;
import io.greenband.suggester.core.space.VectorCondition;
import io.greenband.suggester.core.space.VectorForbidden;
import io.greenband.suggester.core.space.VectorSpace;
import java.util.List;

/** Spaces shared by the tests. */
public final class TestSpaces {

    public static final int BOOSTER = 0;
    public static final int ETA = 1;
    public static final int MAX_DEPTH = 2;
    public static final int SUBSAMPLE = 3;
    public static final int RATE_DROP = 4;
    public static final int ONE_DROP = 5;
    public static final int OBJECTIVE = 6;

    private TestSpaces() {}

    /**
     * The gradient-boosting example: categorical with weights, log float, int, ordinal, constant,
     * an IN condition, an EQ condition, an AND condition, a conjunctive forbidden clause and a
     * CLAUSE_GT.
     */
    public static VectorSpace mixed() {
        Dimension booster =
                Dimension.categorical(
                        "booster", List.of("gbtree", "dart", "linear"), null, "gbtree");
        Dimension eta = Dimension.uniformFloat("eta", 0.001, 0.5, true, 0.05);
        Dimension depth = Dimension.uniformInt("max_depth", 2, 12, false, 6);
        Dimension subsample = Dimension.ordinal("subsample", List.of(0.5, 0.75, 1.0), 1.0);
        Dimension rateDrop = Dimension.uniformFloat("rate_drop", 0.0, 0.3, false, 0.1);
        Dimension oneDrop =
                Dimension.categorical(
                        "one_drop", List.of(true, false), new double[] {0.25, 0.75}, false);
        Dimension objective = Dimension.constant("objective", "binary:logistic");
        double dart = booster.toVector("dart");
        double linear = booster.toVector("linear");
        double gbtree = booster.toVector("gbtree");
        double rate005 = rateDrop.toVector(0.05);
        double eta03 = eta.toVector(0.3);
        List<VectorCondition> conditions =
                List.of(
                        VectorCondition.of(MAX_DEPTH, BOOSTER, v -> v == gbtree || v == dart),
                        VectorCondition.of(RATE_DROP, BOOSTER, v -> v == dart),
                        VectorCondition.and(
                                ONE_DROP,
                                List.of(
                                        VectorCondition.of(ONE_DROP, BOOSTER, v -> v == dart),
                                        VectorCondition.of(
                                                ONE_DROP, RATE_DROP, v -> v > rate005))));
        List<VectorForbidden> forbidden =
                List.of(
                        VectorForbidden.all(
                                List.of(
                                        VectorForbidden.in(BOOSTER, linear),
                                        VectorForbidden.in(SUBSAMPLE, subsample.toVector(0.5)))),
                        VectorForbidden.of(ETA, v -> v > eta03));
        return new VectorSpace(
                List.of(booster, eta, depth, subsample, rateDrop, oneDrop, objective),
                conditions,
                forbidden);
    }

    /** Two unit floats. */
    public static VectorSpace square() {
        return VectorSpace.of(
                Dimension.uniformFloat("x", 0, 1, false), Dimension.uniformFloat("y", 0, 1, false));
    }
}
