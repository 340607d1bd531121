package io.greenband.benchmarks.suggester;

import io.greenband.suggester.core.space.VectorSpace;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A problem with Gaussian noise on every objective at every budget (standard deviation {@code
 * sigma} times the front's range per objective), as measured energy is noisy. Regret is taken on
 * the noise-free values.
 */
final class Noisy implements Problem {

    private final Problem inner;
    private final double sigma;
    private SplittableRandom rng = new SplittableRandom(0);

    Noisy(Problem inner, double sigma) {
        this.inner = inner;
        this.sigma = sigma;
    }

    @Override
    public String id() {
        return inner.id() + "-noisy";
    }

    @Override
    public VectorSpace space() {
        return inner.space();
    }

    @Override
    public int objectives() {
        return inner.objectives();
    }

    @Override
    public double[] evaluate(Map<String, Object> config, double distortion) {
        double[] f = inner.evaluate(config, distortion).clone();
        double[] lo = inner.ideal();
        double[] hi = inner.nadir();
        for (int i = 0; i < f.length; i++) {
            f[i] += sigma * (hi[i] - lo[i]) * gaussian();
        }
        return f;
    }

    private double gaussian() {
        // Box-Muller from the run's own stream, so every method sees the same kind of noise per
        // seed.
        double u = 1 - rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    @Override
    public double[] exact(Map<String, Object> config) {
        return inner.evaluate(config, 0);
    }

    @Override
    public void reset(long seed) {
        rng = new SplittableRandom(seed ^ 0x5DEECE66DL);
    }

    @Override
    public List<Map<String, Object>> peerSpace() {
        return inner.peerSpace();
    }

    @Override
    public double[] ideal() {
        return inner.ideal();
    }

    @Override
    public double[] nadir() {
        return inner.nadir();
    }

    @Override
    public double trueHypervolume() {
        return inner.trueHypervolume();
    }
}
