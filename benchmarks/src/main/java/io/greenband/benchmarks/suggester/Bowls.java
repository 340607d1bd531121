package io.greenband.benchmarks.suggester;

import io.greenband.suggester.core.space.Dimension;
import io.greenband.suggester.core.space.VectorSpace;
import java.util.List;
import java.util.Map;

/**
 * A low-dimensional smooth problem: two quadratic bowls in [0,1]^2 centred at (0.2, 0.2) and (0.8,
 * 0.8); the true front is the segment between the centres (f1 = t^2 L, f2 = (1-t)^2 L with L =
 * 0.72). A lower budget moves the centres by up to 0.1, so cheap evaluations are close to right.
 */
final class Bowls implements Problem {

    private static final double L = 0.72;
    private final VectorSpace space;
    private final double trueHv;

    Bowls() {
        this.space =
                new VectorSpace(
                        List.of(
                                Dimension.uniformFloat("x", 0, 1, false),
                                Dimension.uniformFloat("y", 0, 1, false)),
                        List.of(),
                        List.of());
        this.trueHv = hypervolume(curve(20_001, L, 2));
    }

    /** Points (scale t^power, scale (1-t)^power) for t in [0, 1]. */
    static double[][] curve(int count, double scale, double power) {
        double[][] pts = new double[count][];
        for (int i = 0; i < count; i++) {
            double t = (double) i / (count - 1);
            pts[i] = new double[] {scale * Math.pow(t, power), scale * Math.pow(1 - t, power)};
        }
        return pts;
    }

    @Override
    public String id() {
        return "bowls";
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
        double y = Problem.num(config, "y");
        double ax = x - 0.2 - 0.1 * distortion;
        double ay = y - 0.2;
        double bx = x - 0.8;
        double by = y - 0.8 + 0.1 * distortion;
        return new double[] {ax * ax + ay * ay, bx * bx + by * by};
    }

    @Override
    public double[] ideal() {
        return new double[] {0, 0};
    }

    @Override
    public double[] nadir() {
        return new double[] {L, L};
    }

    @Override
    public double trueHypervolume() {
        return trueHv;
    }
}
