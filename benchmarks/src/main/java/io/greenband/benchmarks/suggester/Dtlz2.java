package io.greenband.benchmarks.suggester;

import io.greenband.pareto.HypervolumeFrame;
import io.greenband.suggester.core.space.Dimension;
import io.greenband.suggester.core.space.VectorSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * DTLZ2 with three objectives (Deb et al. 2002): the front is the positive octant of the unit
 * sphere. A lower budget shifts the optimum of the distance variables and inflates the radius
 * unevenly.
 */
final class Dtlz2 implements Problem {

    private static final int M = 3;
    private final int n;
    private final VectorSpace space;

    /** DTLZ2 with {@code n} variables (the last n-2 are distance variables). */
    Dtlz2(int n) {
        this.n = n;
        List<Dimension> dims = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            dims.add(Dimension.uniformFloat("x" + i, 0, 1, false));
        }
        this.space = new VectorSpace(dims, List.of(), List.of());
    }

    @Override
    public String id() {
        return "dtlz2";
    }

    @Override
    public VectorSpace space() {
        return space;
    }

    @Override
    public int objectives() {
        return M;
    }

    @Override
    public double[] evaluate(Map<String, Object> config, double distortion) {
        double x0 = Problem.num(config, "x0");
        double x1 = Problem.num(config, "x1");
        double g = 0;
        for (int i = M - 1; i < n; i++) {
            double d = Problem.num(config, "x" + i) - 0.5 - 0.2 * distortion;
            g += d * d;
        }
        double r = (1 + g) * (1 + 0.15 * distortion * Math.cos(5 * x0));
        double a = x0 * Math.PI / 2;
        double b = x1 * Math.PI / 2;
        return new double[] {
            r * Math.cos(a) * Math.cos(b), r * Math.cos(a) * Math.sin(b), r * Math.sin(a)
        };
    }

    @Override
    public double[] ideal() {
        return new double[] {0, 0, 0};
    }

    @Override
    public double[] nadir() {
        return new double[] {1, 1, 1};
    }

    /** The reference box minus the sphere's octant (volume pi/6). */
    @Override
    public double trueHypervolume() {
        double r = HypervolumeFrame.DERIVED_REFERENCE;
        return r * r * r - Math.PI / 6;
    }
}
