package io.greenband.energy.adapter.metrics;

import io.greenband.energy.sampler.DeviceWindow;
import io.greenband.energy.source.DeviceInfo;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Metrics per device, labelled {@code device}, {@code component}, {@code source} (plus {@code
 * node}): {@code greenband_energy_joules_total} (counter of window energy), {@code
 * greenband_power_watts} (mean power of the last window), {@code greenband_utilization_percent},
 * {@code greenband_energy_estimated} (1 for modelled devices), and the publisher's {@code
 * greenband_energy_samples_*_total} counters.
 */
public final class EnergyMetrics {

    private final MeterRegistry registry;
    private final Tags nodeTag;
    private final Map<String, DeviceValues> devices = new ConcurrentHashMap<>();

    /** Latest values of one device, read by the meters at scrape time. */
    private static final class DeviceValues {
        volatile double joules;
        volatile double watts;
        volatile double utilization = Double.NaN;
        volatile double estimated;
    }

    /**
     * Metrics in the service's registry (served at {@code /q/metrics}), these series tagged {@code
     * node=<node>}.
     */
    public EnergyMetrics(MeterRegistry registry, String node) {
        this.registry = registry;
        this.nodeTag = Tags.of("node", node);
    }

    /** Registers the publisher's counters, read at scrape time. */
    public void bindPublisher(LongSupplier published, LongSupplier dropped, LongSupplier failed) {
        counter(
                "greenband.energy.samples.published",
                published,
                "energy-sample events the broker acknowledged");
        counter(
                "greenband.energy.samples.dropped",
                dropped,
                "energy-sample events dropped from a full outbox");
        counter(
                "greenband.energy.samples.failed",
                failed,
                "energy-sample events the producer gave up on");
    }

    private void counter(String name, LongSupplier value, String help) {
        FunctionCounter.builder(name, value, v -> (double) v.getAsLong())
                .tags(nodeTag)
                .description(help)
                .register(registry);
    }

    /** Folds closed windows into the per-device series. */
    public void record(List<DeviceWindow> windows) {
        for (DeviceWindow w : windows) {
            DeviceValues v = devices.computeIfAbsent(w.device().id(), id -> register(w.device()));
            v.joules = w.cumulativeJoules();
            v.watts = w.meanPowerWatts();
            v.utilization =
                    w.utilizationPct().isPresent() ? w.utilizationPct().getAsDouble() : Double.NaN;
            v.estimated = w.estimated() ? 1 : 0;
        }
    }

    private DeviceValues register(DeviceInfo d) {
        DeviceValues v = new DeviceValues();
        Tags tags =
                Tags.of(
                                "device",
                                d.id(),
                                "component",
                                d.component().name().toLowerCase(Locale.ROOT),
                                "source",
                                d.source().label())
                        .and(nodeTag);
        FunctionCounter.builder("greenband.energy", v, x -> x.joules)
                .baseUnit("joules")
                .tags(tags)
                .description("Energy measured or estimated on the device since the monitor started")
                .register(registry);
        Gauge.builder("greenband.power", v, x -> x.watts)
                .baseUnit("watts")
                .tags(tags)
                .description("Mean power of the device over the last window")
                .register(registry);
        Gauge.builder("greenband.utilization", v, x -> x.utilization)
                .baseUnit("percent")
                .tags(tags)
                .description("Mean device utilization over the last window")
                .register(registry);
        Gauge.builder("greenband.energy.estimated", v, x -> x.estimated)
                .tags(tags)
                .description("1 when the device's energy is modelled rather than measured")
                .register(registry);
        return v;
    }
}
