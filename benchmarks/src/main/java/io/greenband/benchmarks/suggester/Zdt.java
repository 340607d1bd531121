package io.greenband.benchmarks.suggester;

import io.greenband.suggester.core.space.Dimension;
import io.greenband.suggester.core.space.VectorSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * ZDT1, ZDT2 and ZDT3 (Zitzler, Deb, Thiele 2000) on [0,1]^n. A lower budget moves the optimum of
 * the distance variables away from 0 and tilts the second objective, so cheap evaluations rank
 * configurations roughly but not exactly as the full budget does.
 */
final class Zdt implements Problem {

    /** Which member of the family. */
    enum Kind {
        ZDT1,
        ZDT2,
        ZDT3
    }

    private final Kind kind;
    private final int n;
    private final VectorSpace space;
    private final double trueHv;

    Zdt(Kind kind, int n) {
        this.kind = kind;
        this.n = n;
        List<Dimension> dims = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            dims.add(Dimension.uniformFloat("x" + i, 0, 1, false));
        }
        this.space = new VectorSpace(dims, List.of(), List.of());
        this.trueHv = hypervolume(frontSample(20_001));
    }

    @Override
    public String id() {
        return kind.name().toLowerCase();
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
        double x0 = Problem.num(config, "x0");
        double sum = 0;
        for (int i = 1; i < n; i++) {
            sum += Math.abs(Problem.num(config, "x" + i) - 0.3 * distortion);
        }
        double g = 1 + 9 * sum / (n - 1);
        double f2 = g * h(x0, g) * (1 + 0.2 * distortion * Math.sin(6 * x0));
        return new double[] {x0, f2};
    }

    private double h(double f1, double g) {
        double r = f1 / g;
        return switch (kind) {
            case ZDT1 -> 1 - Math.sqrt(r);
            case ZDT2 -> 1 - r * r;
            case ZDT3 -> 1 - Math.sqrt(r) - r * Math.sin(10 * Math.PI * f1);
        };
    }

    @Override
    public double[] ideal() {
        return kind == Kind.ZDT3 ? new double[] {0, -0.7734} : new double[] {0, 0};
    }

    @Override
    public double[] nadir() {
        return kind == Kind.ZDT3 ? new double[] {0.8518, 1} : new double[] {1, 1};
    }

    @Override
    public double trueHypervolume() {
        return trueHv;
    }

    /**
     * Dense points of the true front (g = 1); dominated ones (ZDT3's gaps) do not change the
     * volume.
     */
    private double[][] frontSample(int count) {
        double[][] pts = new double[count][];
        for (int i = 0; i < count; i++) {
            double f1 = (double) i / (count - 1);
            pts[i] = new double[] {f1, h(f1, 1)};
        }
        return pts;
    }
}
