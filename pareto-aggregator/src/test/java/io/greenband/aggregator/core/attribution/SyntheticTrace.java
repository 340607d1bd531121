package io.greenband.aggregator.core.attribution;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Synthetic power traces with closed-form integrals: power(t) = base + amplitude * sin(2 pi t /
 * period), t in seconds after {@link #T0}. Samples carry the exact integral of each window.
 */
final class SyntheticTrace {

    static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

    /** A sinusoidal power curve in watts. */
    record Power(double base, double amplitude, double period) {

        double integral(double from, double to) {
            double w = 2 * Math.PI / period;
            return base * (to - from) - amplitude / w * (Math.cos(w * to) - Math.cos(w * from));
        }
    }

    private SyntheticTrace() {}

    static Instant at(double seconds) {
        return T0.plusNanos(Math.round(seconds * 1e9));
    }

    /** Consecutive samples of {@code window} seconds from {@code from} to {@code to}. */
    static List<EnergySample> samples(
            String host,
            String device,
            Component component,
            Power power,
            double from,
            double to,
            double window) {
        List<EnergySample> out = new ArrayList<>();
        int seq = 0;
        for (double t = from; t < to - 1e-9; t += window) {
            double end = Math.min(to, t + window);
            out.add(
                    new EnergySample(
                            host + "/" + component.wireName() + "/" + device + "/" + seq++,
                            host,
                            device,
                            component,
                            at(t),
                            at(end),
                            power.integral(t, end),
                            OptionalDouble.empty(),
                            List.of()));
        }
        return out;
    }

    /** The same sample with processes attached. */
    static EnergySample withProcesses(EnergySample s, List<ProcessSeen> processes) {
        return new EnergySample(
                s.sampleId(),
                s.host(),
                s.device(),
                s.component(),
                s.windowStart(),
                s.windowEnd(),
                s.joules(),
                s.utilizationPercent(),
                processes);
    }
}
