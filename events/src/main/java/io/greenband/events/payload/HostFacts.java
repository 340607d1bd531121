package io.greenband.events.payload;

import java.util.regex.Pattern;

/**
 * What a machine is, as its energy monitor learned it: the facts an emissions report describes the
 * machine with (CodeCarbon's {@code os}, {@code cpu_model}, {@code cpu_count}, {@code gpu_model},
 * {@code gpu_count}, {@code ram_total_size}, {@code country_iso_code}, {@code region}). Travels on
 * energy samples, optional; every field is optional and bounded, since a sample comes from the
 * network.
 *
 * @param os operating system name and version (e.g. {@code Debian GNU/Linux 12 (bookworm)}), at
 *     most {@link #MAX_TEXT} characters
 * @param cpuModel the CPU model name, at most {@link #MAX_TEXT} characters
 * @param cpuCount logical CPUs, 1 to {@link #MAX_CPUS}
 * @param memTotalBytes installed memory, 0 to {@link #MAX_MEM_BYTES}
 * @param gpuModel the GPU model name(s), at most {@link #MAX_TEXT} characters
 * @param gpuCount GPUs, 0 to {@link #MAX_GPUS}
 * @param countryIsoCode where the machine runs, an ISO 3166-1 alpha-2 or alpha-3 code in upper case
 * @param region a region within the country (e.g. a state or province), at most {@link #MAX_REGION}
 *     characters
 */
public record HostFacts(
        String os,
        String cpuModel,
        Integer cpuCount,
        Long memTotalBytes,
        String gpuModel,
        Integer gpuCount,
        String countryIsoCode,
        String region) {

    /** Longest os, CPU or GPU text. */
    public static final int MAX_TEXT = 256;

    /** Longest region. */
    public static final int MAX_REGION = 64;

    /** Most logical CPUs believed. */
    public static final int MAX_CPUS = 65_536;

    /** Most GPUs believed. */
    public static final int MAX_GPUS = 1_024;

    /** Most memory believed: 1 PiB. */
    public static final long MAX_MEM_BYTES = 1L << 50;

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2,3}");

    public HostFacts {
        text(os, MAX_TEXT, "machine/os");
        text(cpuModel, MAX_TEXT, "machine/cpuModel");
        range(cpuCount, 1, MAX_CPUS, "machine/cpuCount");
        if (memTotalBytes != null && (memTotalBytes < 0 || memTotalBytes > MAX_MEM_BYTES)) {
            throw new InvalidFieldException(
                    "machine/memTotalBytes",
                    "machine/memTotalBytes must be 0.." + MAX_MEM_BYTES + ", got " + memTotalBytes);
        }
        text(gpuModel, MAX_TEXT, "machine/gpuModel");
        range(gpuCount, 0, MAX_GPUS, "machine/gpuCount");
        if (countryIsoCode != null && !COUNTRY.matcher(countryIsoCode).matches()) {
            throw new InvalidFieldException(
                    "machine/countryIsoCode",
                    "machine/countryIsoCode must be 2 or 3 upper-case "
                            + "letters, got '"
                            + clip(countryIsoCode)
                            + "'");
        }
        text(region, MAX_REGION, "machine/region");
    }

    /**
     * Fails unless {@code value} is absent, or non-blank, at most {@code max} characters and free
     * of controls.
     */
    private static void text(String value, int max, String field) {
        if (value == null) {
            return;
        }
        if (value.length() > max) {
            throw new InvalidFieldException(
                    field,
                    field + " must be at most " + max + " characters, got " + value.length());
        }
        FieldChecks.text(value, field);
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new InvalidFieldException(
                        field, field + " must not hold control characters (at index " + i + ")");
            }
        }
    }

    private static void range(Integer value, int min, int max, String field) {
        if (value != null && (value < min || value > max)) {
            throw new InvalidFieldException(
                    field, field + " must be " + min + ".." + max + ", got " + value);
        }
    }

    private static String clip(String s) {
        return s.length() <= 16 ? s : s.substring(0, 16) + "…";
    }
}
