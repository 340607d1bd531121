package io.greenband.aggregator.core.emissions;

/** Where a carbon intensity came from, in the order they are tried. */
public enum IntensitySource {
    /** A value the study set explicitly. */
    STUDY_FIXED,
    /** The bundled country table ({@link IntensityTable}). */
    COUNTRY_TABLE,
    /** {@link CarbonIntensity#WORLD_DEFAULT_G_PER_KWH}, when nothing else applies. */
    WORLD_DEFAULT
}
