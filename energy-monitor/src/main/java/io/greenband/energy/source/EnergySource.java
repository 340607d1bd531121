package io.greenband.energy.source;

import java.util.List;

/**
 * One provider of device readings (NVML, RAPL, an estimator). Called from the sampler's single
 * thread. Implementations never throw from {@link #read()}: a device that fails is reported through
 * flags, a source that cannot work at all reports itself unavailable once and then returns nothing.
 */
public interface EnergySource extends AutoCloseable {

    /** The source's status; stable after construction except for devices that get lost. */
    SourceStatus status();

    /** Reads every device once; the caller stamps the time just before calling. */
    List<DeviceReading> read();

    /** Releases native resources; idempotent. */
    @Override
    void close();
}
