package io.greenband.energy.source;

import java.util.List;
import java.util.Objects;

/**
 * How a source stands after it was opened.
 *
 * @param source which source
 * @param available whether it delivers readings
 * @param devices the devices it samples (empty when unavailable)
 * @param detail why it is unavailable, or a short description (library, root directory)
 */
public record SourceStatus(
        SourceKind source, boolean available, List<DeviceInfo> devices, String detail) {

    public SourceStatus {
        Objects.requireNonNull(source, "source");
        devices = List.copyOf(devices);
        detail = detail == null ? "" : detail;
    }

    /** A source that delivers nothing, with the reason. */
    public static SourceStatus unavailable(SourceKind source, String why) {
        return new SourceStatus(source, false, List.of(), why);
    }
}
