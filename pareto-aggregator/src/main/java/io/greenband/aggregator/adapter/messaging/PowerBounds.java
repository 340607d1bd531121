package io.greenband.aggregator.adapter.messaging;

import io.greenband.events.deadletter.RejectedEvent;
import io.greenband.events.payload.EnergySample;
import io.greenband.events.payload.EnergySample.Component;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The most power a device of each component can draw: a sample whose energy over its window means
 * more is no measurement ({@code IMPLAUSIBLE}) and is kept out of attribution. Generous bounds: the
 * largest accelerators draw about 1.2 kW, a CPU package under 0.5 kW.
 *
 * @param watts bound per component
 */
public record PowerBounds(Map<Component, Double> watts) {

    /** Setting prefix; e.g. {@code greenband.aggregator.max-power-watts.gpu=3000}. */
    public static final String SETTING = "greenband.aggregator.max-power-watts.";

    /** GPU 2 kW, CPU 1 kW, DRAM and estimated RAM 0.5 kW, whole platform 10 kW. */
    public static final PowerBounds DEFAULTS =
            new PowerBounds(
                    Map.of(
                            Component.GPU,
                            2_000.0,
                            Component.CPU,
                            1_000.0,
                            Component.DRAM,
                            500.0,
                            Component.RAM_EST,
                            500.0,
                            Component.PSYS,
                            10_000.0));

    public PowerBounds {
        watts = Map.copyOf(new EnumMap<>(watts));
    }

    /**
     * Bounds from settings named {@link #SETTING}{@code <component in lower case>}; missing ones
     * keep defaults.
     */
    public static PowerBounds from(Function<String, Optional<Double>> settings) {
        Map<Component, Double> w = new EnumMap<>(Component.class);
        for (Component c : Component.values()) {
            w.put(
                    c,
                    settings.apply(SETTING + c.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                            .orElse(DEFAULTS.watts.get(c)));
        }
        return new PowerBounds(w);
    }

    /** Throws {@code IMPLAUSIBLE} for a sample drawing more than its component's bound. */
    public void check(EnergySample s) {
        double seconds =
                Math.max(
                                s.durationNs(),
                                java.time.Duration.between(s.windowStart(), s.windowEnd())
                                        .toNanos())
                        / 1e9;
        double bound = watts.getOrDefault(s.component(), DEFAULTS.watts.get(Component.PSYS));
        double power =
                seconds > 0
                        ? s.energyJoules() / seconds
                        : s.energyJoules() > 0 ? Double.POSITIVE_INFINITY : 0;
        if (!(power <= bound) || !(s.avgPowerW() <= bound)) {
            throw new RejectedEvent(
                    RejectedEvent.Reason.IMPLAUSIBLE,
                    "sample "
                            + s.sampleId()
                            + " means "
                            + String.format(Locale.ROOT, "%.4g", Math.max(power, s.avgPowerW()))
                            + " W on a "
                            + s.component()
                            + "; the bound is "
                            + bound
                            + " W ("
                            + SETTING
                            + s.component().name().toLowerCase(Locale.ROOT).replace('_', '-')
                            + ")");
        }
    }
}
