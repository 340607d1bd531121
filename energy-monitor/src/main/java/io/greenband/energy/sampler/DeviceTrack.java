package io.greenband.energy.sampler;

import io.greenband.energy.source.DeviceInfo;
import io.greenband.energy.source.DeviceReading;
import io.greenband.energy.source.Method;
import io.greenband.energy.source.ProcessUse;
import io.greenband.energy.source.SampleFlag;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.LongFunction;

/**
 * The sampler's running state for one device: last reading, open window, totals. Sampler-thread
 * only.
 */
final class DeviceTrack {

    private final long gapNanos;

    private DeviceInfo device;
    private boolean baselined;
    private long lastNanos;
    private double lastValue;
    private double cumulativeJoules;
    private long seq;
    private boolean lost;

    private long windowStartNanos;
    private boolean windowOpen;
    private double windowJoules;
    private double counterStart = Double.NaN;
    private double counterEnd = Double.NaN;
    private double maxPower = Double.NaN;
    private double utilSum;
    private int utilCount;
    private int intervals;
    private int wraps;
    private int readings;
    private final Map<Long, ProcessUse> processes = new LinkedHashMap<>();

    /**
     * Per pid, the sum of its SM utilization over the readings that carried per-process
     * utilization.
     */
    private final Map<Long, Double> smUtilSum = new LinkedHashMap<>();

    private int smUtilReadings;
    private final EnumSet<SampleFlag> flags = EnumSet.noneOf(SampleFlag.class);

    DeviceTrack(DeviceInfo device, long gapNanos) {
        this.device = device;
        this.gapNanos = gapNanos;
    }

    /** Folds one reading taken at monotonic time {@code t} into the open window. */
    void observe(DeviceReading r, long t) {
        if (!windowOpen) {
            windowOpen = true;
            windowStartNanos = baselined ? lastNanos : t;
        }
        readings++;
        flags.addAll(r.flags());
        if (r.flags().contains(SampleFlag.WRAPPED)) {
            wraps++;
        }
        if (r.flags().contains(SampleFlag.DEVICE_LOST)) {
            lost = true;
        }
        r.utilizationPct()
                .ifPresent(
                        u -> {
                            utilSum += u;
                            utilCount++;
                        });
        boolean smKnown = false;
        for (ProcessUse p : r.processes()) {
            processes.put(p.pid(), p);
            if (p.smUtilPct().isPresent()) {
                smKnown = true;
                smUtilSum.merge(p.pid(), p.smUtilPct().getAsDouble(), Double::sum);
            }
        }
        if (smKnown) {
            smUtilReadings++;
        }
        r.powerWatts().ifPresent(this::seePower);
        if (!r.hasValue()) {
            return;
        }
        double v = r.value().getAsDouble();
        Method method = r.device().method();
        if (!baselined || method != device.method()) {
            // First reading, or the source switched method (counter became unsupported): values of
            // the
            // two methods are not comparable, so this reading only sets the baseline.
            rebaseline(r.device(), v, t);
            return;
        }
        device = r.device();
        long dt = t - lastNanos;
        if (dt <= 0) {
            return;
        }
        if (dt > gapNanos) {
            flags.add(SampleFlag.GAP);
        }
        double seconds = dt / 1e9;
        double joules =
                switch (method.basis()) {
                    case COUNTER -> v - lastValue;
                    case MEAN_POWER -> v * seconds;
                };
        if (method.basis() == Method.Basis.COUNTER && joules < 0) {
            // A counter that goes backwards was reset (driver reload); the interval cannot be
            // known.
            flags.add(SampleFlag.RESET);
            joules = 0;
        } else if (!(joules >= 0)) {
            joules = 0;
        } else if (implausible(joules / seconds)) {
            flags.add(SampleFlag.IMPLAUSIBLE);
            joules = 0;
        } else if (method.basis() != Method.Basis.COUNTER || r.powerWatts().isEmpty()) {
            // Without a reported power, the interval's mean power is the best peak we know.
            seePower(joules / seconds);
        }
        windowJoules += joules;
        cumulativeJoules += joules;
        intervals++;
        lastValue = v;
        lastNanos = t;
        if (method.basis() == Method.Basis.COUNTER) {
            counterEnd = v;
        }
    }

    private void rebaseline(DeviceInfo now, double v, long t) {
        boolean otherCounter = now.method() != device.method();
        device = now;
        baselined = true;
        lastValue = v;
        lastNanos = t;
        if (now.method().basis() == Method.Basis.COUNTER) {
            // A new method means a new counter: the window's counters restart from it.
            if (Double.isNaN(counterStart) || otherCounter) {
                counterStart = v;
            }
            counterEnd = v;
        }
    }

    private boolean implausible(double watts) {
        OptionalDouble bound = device.maxPlausibleWatts();
        return bound.isPresent() && watts > bound.getAsDouble();
    }

    private void seePower(double watts) {
        if (Double.isNaN(maxPower) || watts > maxPower) {
            maxPower = watts;
        }
    }

    /** Whether the device was reported lost; its track is dropped after its last window. */
    boolean lost() {
        return lost;
    }

    /**
     * Closes the open window, or returns null when it has nothing to say yet (no interval, no flag:
     * e.g. only a baseline); such a window stays open and the next close covers it.
     */
    DeviceWindow close(LongFunction<java.time.Instant> toUtc) {
        if (!windowOpen || readings == 0 || intervals == 0 && flags.isEmpty()) {
            return null;
        }
        long endNanos = baselined ? Math.max(lastNanos, windowStartNanos) : windowStartNanos;
        long duration = endNanos - windowStartNanos;
        seq++;
        boolean counter = device.method().basis() == Method.Basis.COUNTER;
        DeviceWindow w =
                new DeviceWindow(
                        device,
                        seq,
                        toUtc.apply(windowStartNanos),
                        toUtc.apply(endNanos),
                        duration,
                        windowJoules,
                        cumulativeJoules,
                        counter ? optional(counterStart) : OptionalDouble.empty(),
                        counter ? optional(counterEnd) : OptionalDouble.empty(),
                        duration > 0 ? windowJoules / (duration / 1e9) : 0.0,
                        optional(maxPower),
                        utilCount > 0
                                ? OptionalDouble.of(utilSum / utilCount)
                                : OptionalDouble.empty(),
                        windowProcesses(),
                        flags,
                        intervals,
                        wraps);
        windowOpen = false;
        windowJoules = 0;
        counterStart =
                baselined && device.method().basis() == Method.Basis.COUNTER
                        ? lastValue
                        : Double.NaN;
        counterEnd = counterStart;
        maxPower = Double.NaN;
        utilSum = 0;
        utilCount = 0;
        intervals = 0;
        wraps = 0;
        readings = 0;
        processes.clear();
        smUtilSum.clear();
        smUtilReadings = 0;
        flags.clear();
        return w;
    }

    /**
     * The window's processes; with per-process samples, each one's SM utilization is its mean over
     * the readings that had them (a reading not listing a process counts it as 0), so shares follow
     * the whole window.
     */
    private List<ProcessUse> windowProcesses() {
        List<ProcessUse> out = new ArrayList<>(processes.size());
        for (ProcessUse p : processes.values()) {
            Double sum = smUtilSum.get(p.pid());
            if (smUtilReadings == 0) {
                out.add(p);
            } else {
                out.add(p.withSmUtil(sum == null ? 0 : sum / smUtilReadings));
            }
        }
        return out;
    }

    private static OptionalDouble optional(double v) {
        return Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
    }
}
