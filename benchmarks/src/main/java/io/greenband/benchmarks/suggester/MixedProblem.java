package io.greenband.benchmarks.suggester;

import io.greenband.suggester.core.space.Dimension;
import io.greenband.suggester.core.space.VectorCondition;
import io.greenband.suggester.core.space.VectorSpace;
import java.util.List;
import java.util.Map;

/**
 * A mixed, conditional problem shaped like a model search. {@code x} places a point along the
 * front; {@code shape} picks the front's curve (convex 1-sqrt(x), linear 1-x, concave 1-x^2) and
 * switches on a shape-specific child ({@code a}, a float, for convex; {@code k}, an integer, for
 * concave). A categorical {@code optimizer}, an ordinal {@code width} and a float {@code d} add a
 * penalty g >= 1. The true front is convex with g = 1 (a = 0.3, optimizer adam, width 64, d = 0.6):
 * f2 = 1 - sqrt(f1). A lower budget favours the linear shape and moves the best {@code d}, so cheap
 * rungs mislead a little.
 */
final class MixedProblem implements Problem {

    private static final List<String> SHAPES = List.of("convex", "linear", "concave");
    private static final List<String> OPTIMIZERS = List.of("sgd", "adam", "rmsprop");
    private static final List<Integer> WIDTHS = List.of(16, 32, 64, 128);
    private final VectorSpace space;
    private final double trueHv;

    MixedProblem() {
        List<Dimension> dims =
                List.of(
                        Dimension.uniformFloat("x", 0, 1, false),
                        Dimension.categorical("shape", SHAPES, null, "linear"),
                        Dimension.uniformFloat("a", 0, 1, false),
                        Dimension.uniformInt("k", 0, 10, false, 5),
                        Dimension.categorical("optimizer", OPTIMIZERS, null, "sgd"),
                        Dimension.ordinal("width", WIDTHS, 16),
                        Dimension.uniformFloat("d", 0, 1, false));
        // Vector entries of categoricals are choice indices: 0 = convex, 2 = concave.
        List<VectorCondition> conditions =
                List.of(
                        VectorCondition.of(2, 1, v -> v == 0),
                        VectorCondition.of(3, 1, v -> v == 2));
        this.space = new VectorSpace(dims, conditions, List.of());
        int count = 20_001;
        double[][] front = new double[count][];
        for (int i = 0; i < count; i++) {
            double f1 = (double) i / (count - 1);
            front[i] = new double[] {f1, 1 - Math.sqrt(f1)};
        }
        this.trueHv = hypervolume(front);
    }

    @Override
    public List<Map<String, Object>> peerSpace() {
        return Problem.peerSpace(
                space,
                Map.of(
                        "a",
                        Map.entry("shape", List.of("convex")),
                        "k",
                        Map.entry("shape", List.of("concave"))));
    }

    @Override
    public String id() {
        return "mixed";
    }

    @Override
    public VectorSpace space() {
        return space;
    }

    @Override
    public int objectives() {
        return 2;
    }

    @Override
    public double[] evaluate(Map<String, Object> config, double distortion) {
        double x = Problem.num(config, "x");
        String shape = (String) config.get("shape");
        double dd = Problem.num(config, "d") - 0.6 + 0.3 * distortion;
        double g =
                1
                        + 2 * dd * dd
                        + switch ((String) config.get("optimizer")) {
                            case "adam" -> 0;
                            case "sgd" -> 0.15;
                            default -> 0.3;
                        }
                        + 0.1
                                * Math.abs(
                                        WIDTHS.indexOf(((Number) config.get("width")).intValue())
                                                - 2);
        double h;
        switch (shape) {
            case "convex" -> {
                double a = Problem.num(config, "a") - 0.3;
                g += 2 * a * a;
                h = 1 - Math.sqrt(x);
            }
            case "concave" -> {
                double k = (Problem.num(config, "k") - 7) / 10;
                g += k * k;
                h = 1 - x * x;
            }
            default -> {
                g -= 0.3 * distortion;
                h = 1 - x;
            }
        }
        return new double[] {x, g * h};
    }

    @Override
    public double[] ideal() {
        return new double[] {0, 0};
    }

    @Override
    public double[] nadir() {
        return new double[] {1, 1};
    }

    @Override
    public double trueHypervolume() {
        return trueHv;
    }
}
