package io.greenband.aggregator.core.attribution;

/**
 * What a sample measured. Only GPU samples belong to one device that a trial holds; every other
 * component belongs to the host and is shared by all trials running there.
 */
public enum Component {
    /** A whole GPU, keyed by its UUID. */
    GPU("gpu"),
    /** A CPU package (RAPL). */
    CPU_PACKAGE("cpu-package"),
    /** Memory (RAPL DRAM zone). */
    DRAM("dram"),
    /**
     * The RAPL platform zone (psys), used instead of package zones on some machines; shared like
     * CPU energy.
     */
    PSYS("psys"),
    /** A modelled host component (CPU-load or memory model); shared like CPU energy. */
    ESTIMATED("estimated");

    private final String wireName;

    Component(String wireName) {
        this.wireName = wireName;
    }

    /**
     * The name used in events ({@code gpu}, {@code cpu-package}, {@code dram}, {@code estimated}).
     */
    public String wireName() {
        return wireName;
    }

    /**
     * Whether samples of this component belong to a device held by trials (else to the whole host).
     */
    public boolean deviceScoped() {
        return this == GPU;
    }

    /** Parses a wire name. */
    public static Component fromWireName(String name) {
        for (Component c : values()) {
            if (c.wireName.equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException(
                "component '"
                        + name
                        + "' is unknown: use one of gpu, cpu-package, dram, psys, estimated");
    }
}
