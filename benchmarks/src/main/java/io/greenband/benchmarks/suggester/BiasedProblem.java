package io.greenband.benchmarks.suggester;

import io.greenband.suggester.core.space.Dimension;
import io.greenband.suggester.core.space.VectorSpace;
import java.util.List;
import java.util.Map;

/**
 * A problem whose low fidelities rank configurations wrongly, as a learning rate does: a high
 * {@code lr} looks best after a short training and worst at the full budget, the best {@code reg}
 * moves with the budget, and short runs penalize large models ({@code x}, which sets the first
 * objective). At the maximum budget the true front is f2 = 1 - sqrt(f1) (lr = 10^-2.8, reg = 0.5);
 * at the minimum budget the best lr is 10^-0.4.
 */
final class BiasedProblem implements Problem {

    private final VectorSpace space;
    private final double trueHv;

    BiasedProblem() {
        this.space =
                new VectorSpace(
                        List.of(
                                Dimension.uniformFloat("x", 0, 1, false),
                                Dimension.uniformFloat("lr", 1e-4, 1, true),
                                Dimension.uniformFloat("reg", 0, 1, false)),
                        List.of(),
                        List.of());
        double[][] front = new double[20_001][];
        for (int i = 0; i < front.length; i++) {
            double f1 = (double) i / (front.length - 1);
            front[i] = new double[] {f1, 1 - Math.sqrt(f1)};
        }
        this.trueHv = hypervolume(front);
    }

    @Override
    public String id() {
        return "biased";
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
        double u = (Math.log10(Problem.num(config, "lr")) + 4) / 4;
        double du = u - (0.3 + 0.6 * distortion);
        double dr = Problem.num(config, "reg") - 0.5 + 0.4 * distortion;
        double g = 1 + 3 * du * du + 2 * dr * dr;
        return new double[] {x, g * (1 - Math.sqrt(x)) + 0.6 * distortion * x};
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
