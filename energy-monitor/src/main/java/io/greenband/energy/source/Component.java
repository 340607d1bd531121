package io.greenband.energy.source;

/** The part of the node a device measures. */
public enum Component {
    /** A whole GPU board, keyed by its UUID. */
    GPU,
    /** One CPU package (socket), measured by RAPL or estimated. */
    CPU,
    /** DRAM attached to one package, measured by RAPL. */
    DRAM,
    /** The whole platform as seen by RAPL's psys domain. */
    PSYS,
    /** Memory power estimated from its size, where no DRAM counter exists. */
    RAM_EST
}
