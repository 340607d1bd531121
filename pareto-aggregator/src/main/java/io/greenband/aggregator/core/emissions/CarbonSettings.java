package io.greenband.aggregator.core.emissions;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A study's carbon settings.
 *
 * @param fixedGramsPerKwh an explicit intensity; wins over the country
 * @param countryIso3 the country of the data centre (ISO 3166-1 alpha-3; alpha-2 is accepted too)
 * @param pue power usage effectiveness of the data centre, at least 1
 */
public record CarbonSettings(
        OptionalDouble fixedGramsPerKwh, Optional<String> countryIso3, double pue) {

    /** PUE when the study gives none (IT energy only, as CodeCarbon's default). */
    public static final double DEFAULT_PUE = 1.0;

    /** Checks the fields. */
    public CarbonSettings {
        fixedGramsPerKwh = fixedGramsPerKwh == null ? OptionalDouble.empty() : fixedGramsPerKwh;
        countryIso3 =
                countryIso3 == null ? Optional.empty() : countryIso3.filter(c -> !c.isBlank());
        if (fixedGramsPerKwh.isPresent()
                && (!Double.isFinite(fixedGramsPerKwh.getAsDouble())
                        || fixedGramsPerKwh.getAsDouble() < 0)) {
            throw new IllegalArgumentException(
                    "fixedGramsPerKwh is "
                            + fixedGramsPerKwh.getAsDouble()
                            + ": give a finite intensity >= 0 in gCO2eq/kWh, or leave it out");
        }
        if (!Double.isFinite(pue) || pue < 1.0) {
            throw new IllegalArgumentException(
                    "pue is " + pue + ": power usage effectiveness is at least 1.0");
        }
    }

    /** No carbon settings: world default intensity, PUE 1. */
    public static CarbonSettings defaults() {
        return new CarbonSettings(OptionalDouble.empty(), Optional.empty(), DEFAULT_PUE);
    }

    /** A fixed intensity. */
    public static CarbonSettings fixed(double gramsPerKwh, double pue) {
        return new CarbonSettings(OptionalDouble.of(gramsPerKwh), Optional.empty(), pue);
    }

    /** A country's annual intensity. */
    public static CarbonSettings country(String iso3, double pue) {
        return new CarbonSettings(OptionalDouble.empty(), Optional.of(iso3), pue);
    }
}
