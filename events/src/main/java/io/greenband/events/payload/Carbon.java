package io.greenband.events.payload;

/**
 * How energy becomes emissions: grid intensity from a region table or a fixed value, and the data
 * centre's PUE. With neither region nor intensity the aggregator uses {@link
 * #WORLD_INTENSITY_G_PER_KWH}.
 *
 * @param region grid region code (e.g. {@code DE}, {@code FR}) looked up by the aggregator
 * @param intensityGPerKwh fixed carbon intensity in gCO2eq/kWh
 * @param pue power usage effectiveness, >= 1; defaults to 1.0
 */
public record Carbon(String region, Double intensityGPerKwh, Double pue) {

    /** World-average intensity used when nothing else is given, gCO2eq/kWh. */
    public static final double WORLD_INTENSITY_G_PER_KWH = 475.0;

    public Carbon {
        if (region != null) {
            FieldChecks.text(region, "region");
        }
        FieldChecks.optAtLeast(intensityGPerKwh, 0, "intensityGPerKwh");
        if (region != null && intensityGPerKwh != null) {
            throw new InvalidFieldException(
                    "intensityGPerKwh",
                    "give either region or intensityGPerKwh, not both (got region '"
                            + region
                            + "' and "
                            + intensityGPerKwh
                            + ")");
        }
        pue = FieldChecks.atLeast(pue == null ? 1.0 : pue, 1.0, "pue");
    }

    /** World-average intensity, PUE 1. */
    public static Carbon defaults() {
        return new Carbon(null, null, null);
    }
}
