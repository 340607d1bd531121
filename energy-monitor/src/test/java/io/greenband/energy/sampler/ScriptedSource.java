package io.greenband.energy.sampler;

import io.greenband.energy.source.DeviceInfo;
import io.greenband.energy.source.DeviceReading;
import io.greenband.energy.source.EnergySource;
import io.greenband.energy.source.SourceKind;
import io.greenband.energy.source.SourceStatus;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;

/** A source whose readings tests queue up, one list per tick. */
public final class ScriptedSource implements EnergySource {

    private final Deque<Supplier<List<DeviceReading>>> script = new ArrayDeque<>();
    private final List<DeviceInfo> devices;
    private boolean closed;

    /** A source describing {@code devices}. */
    public ScriptedSource(DeviceInfo... devices) {
        this.devices = List.of(devices);
    }

    /** Queues the readings of the next tick. */
    public ScriptedSource then(DeviceReading... readings) {
        script.add(() -> List.of(readings));
        return this;
    }

    /** Queues a tick on which the source throws. */
    public ScriptedSource thenThrow(RuntimeException e) {
        script.add(
                () -> {
                    throw e;
                });
        return this;
    }

    @Override
    public SourceStatus status() {
        return new SourceStatus(SourceKind.NVML, true, devices, "scripted");
    }

    @Override
    public List<DeviceReading> read() {
        Supplier<List<DeviceReading>> next = script.poll();
        return next == null ? List.of() : next.get();
    }

    @Override
    public void close() {
        closed = true;
    }

    /** Whether {@link #close()} was called. */
    public boolean closed() {
        return closed;
    }
}
