package io.greenband.aggregator.core.emissions;

import java.util.Objects;

/**
 * A carbon intensity with its provenance.
 *
 * @param gramsPerKwh grams CO2eq per kWh, non-negative
 * @param source which rule supplied it
 * @param zone the ISO 3166-1 alpha-3 country code, or empty when not country-based
 * @param year the data year, or empty when not known
 * @param reference the publication (or a note on why a fallback was used)
 */
public record CarbonIntensity(
        double gramsPerKwh, IntensitySource source, String zone, String year, String reference) {

    /**
     * World average used when nothing else applies: 475 gCO2eq/kWh (IEA, 2019; CodeCarbon's default
     * too).
     */
    public static final double WORLD_DEFAULT_G_PER_KWH = 475.0;

    /** Checks the fields. */
    public CarbonIntensity {
        if (!Double.isFinite(gramsPerKwh) || gramsPerKwh < 0) {
            throw new IllegalArgumentException(
                    "gramsPerKwh is " + gramsPerKwh + ": it must be a finite value >= 0");
        }
        Objects.requireNonNull(source, "source must not be null");
        zone = zone == null ? "" : zone;
        year = year == null ? "" : year;
        reference = reference == null ? "" : reference;
    }

    /** The world default, with a note saying why it was used. */
    public static CarbonIntensity worldDefault(String why) {
        return new CarbonIntensity(
                WORLD_DEFAULT_G_PER_KWH,
                IntensitySource.WORLD_DEFAULT,
                "",
                "2019",
                "IEA Global Energy & CO2 Status Report 2019 world average; " + why);
    }
}
