package io.greenband.benchmarks.paper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Mean, sample standard deviation, minimum and maximum of repeated measurements (NaNs, from failed
 * runs, left out and counted).
 */
record Spread(int n, int failed, double mean, double sd, double min, double max) {

    /** The spread of {@code values}. */
    static Spread of(List<Double> values) {
        List<Double> ok = values.stream().filter(Double::isFinite).toList();
        int failed = values.size() - ok.size();
        if (ok.isEmpty()) {
            return new Spread(0, failed, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = ok.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double ss = ok.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        double sd = ok.size() > 1 ? Math.sqrt(ss / (ok.size() - 1)) : 0;
        return new Spread(
                ok.size(),
                failed,
                mean,
                sd,
                ok.stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
                ok.stream().mapToDouble(Double::doubleValue).max().orElseThrow());
    }

    /**
     * {@code mean ± sd} with {@code digits} decimals, scaled by {@code scale} (100 for percent).
     */
    String text(double scale, int digits) {
        if (n == 0) {
            return "failed";
        }
        String f = "%." + digits + "f";
        return String.format(Locale.ROOT, f + " ± " + f, mean * scale, sd * scale);
    }

    /** The JSON form. */
    Map<String, Object> json() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("n", n);
        out.put("failed", failed);
        out.put("mean", finite(mean));
        out.put("sd", finite(sd));
        out.put("min", finite(min));
        out.put("max", finite(max));
        return out;
    }

    private static Object finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
