package io.greenband.aggregator.core.export;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * What a host is, as its energy monitor last told it: the machine columns of the emissions export.
 * Texts are empty and numbers absent when unknown; the values were bounded when the sample was
 * decoded.
 *
 * @param host the host (as samples and trials name it)
 * @param os operating system name and version
 * @param cpuModel CPU model name
 * @param cpuCount logical CPUs
 * @param memTotalBytes installed memory
 * @param gpuModel GPU model name(s)
 * @param gpuCount GPUs on the host
 * @param country ISO 3166-1 country code where the host runs, as its monitor is configured
 * @param region region within the country, as configured
 * @param learnedAt end of the window of the sample that told it
 */
public record MachineFacts(
        String host,
        String os,
        String cpuModel,
        OptionalInt cpuCount,
        OptionalLong memTotalBytes,
        String gpuModel,
        OptionalInt gpuCount,
        String country,
        String region,
        Instant learnedAt) {

    /** Checks the fields; null texts become empty. */
    public MachineFacts {
        Objects.requireNonNull(host, "host must not be null");
        os = Objects.requireNonNullElse(os, "");
        cpuModel = Objects.requireNonNullElse(cpuModel, "");
        Objects.requireNonNull(cpuCount, "cpuCount of host " + host + " must not be null");
        Objects.requireNonNull(
                memTotalBytes, "memTotalBytes of host " + host + " must not be null");
        gpuModel = Objects.requireNonNullElse(gpuModel, "");
        Objects.requireNonNull(gpuCount, "gpuCount of host " + host + " must not be null");
        country = Objects.requireNonNullElse(country, "");
        region = Objects.requireNonNullElse(region, "");
        Objects.requireNonNull(learnedAt, "learnedAt of host " + host + " must not be null");
    }

    /** Whether {@code other} says the same of the machine (when it was learned aside). */
    public boolean sameFacts(MachineFacts other) {
        return other != null
                && host.equals(other.host)
                && os.equals(other.os)
                && cpuModel.equals(other.cpuModel)
                && cpuCount.equals(other.cpuCount)
                && memTotalBytes.equals(other.memTotalBytes)
                && gpuModel.equals(other.gpuModel)
                && gpuCount.equals(other.gpuCount)
                && country.equals(other.country)
                && region.equals(other.region);
    }

    /** Installed memory in GB (GiB, as CodeCarbon's {@code ram_total_size}), when known. */
    public java.util.OptionalDouble ramTotalGb() {
        return memTotalBytes.isPresent()
                ? java.util.OptionalDouble.of(memTotalBytes.getAsLong() / (1024.0 * 1024 * 1024))
                : java.util.OptionalDouble.empty();
    }
}
