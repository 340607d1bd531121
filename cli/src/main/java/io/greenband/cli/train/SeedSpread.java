package io.greenband.cli.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Mean, sample standard deviation, minimum and maximum over seeds; NaNs (failed trainings) are left
 * out and counted.
 */
public record SeedSpread(int n, int failed, double mean, double sd, double min, double max) {

    /** The spread of {@code values}. */
    public static SeedSpread of(List<Double> values) {
        List<Double> ok = values.stream().filter(Double::isFinite).toList();
        if (ok.isEmpty()) {
            return new SeedSpread(0, values.size(), Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = ok.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double ss = ok.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        return new SeedSpread(
                ok.size(),
                values.size() - ok.size(),
                mean,
                ok.size() > 1 ? Math.sqrt(ss / (ok.size() - 1)) : 0,
                ok.stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
                ok.stream().mapToDouble(Double::doubleValue).max().orElseThrow());
    }

    /** {@code mean ± sd} scaled by {@code scale}, or {@code failed}. */
    public String text(double scale, int digits) {
        if (n == 0) {
            return "failed";
        }
        String f = "%." + digits + "f";
        return String.format(Locale.ROOT, f + " ± " + f, mean * scale, sd * scale);
    }

    /** The JSON form (nulls for an empty spread). */
    public Map<String, Object> json() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("n", n);
        out.put("failed", failed);
        out.put("mean", n == 0 ? null : mean);
        out.put("sd", n == 0 ? null : sd);
        out.put("min", n == 0 ? null : min);
        out.put("max", n == 0 ? null : max);
        return out;
    }
}
