package io.greenband.aggregator.core.emissions;

import java.util.Objects;
import java.util.Optional;

/**
 * Chooses a study's carbon intensity: the study's fixed value, else its country from the table,
 * else the world default. The result names the rule used (and, for a fallback, why).
 */
public final class IntensityResolver {

    private final IntensityTable table;

    /** A resolver over a country table. */
    public IntensityResolver(IntensityTable table) {
        this.table = Objects.requireNonNull(table, "table must not be null");
    }

    /** The intensity for these settings. */
    public CarbonIntensity resolve(CarbonSettings settings) {
        if (settings.fixedGramsPerKwh().isPresent()) {
            return new CarbonIntensity(
                    settings.fixedGramsPerKwh().getAsDouble(),
                    IntensitySource.STUDY_FIXED,
                    settings.countryIso3().orElse(""),
                    "",
                    "set by the study");
        }
        if (settings.countryIso3().isPresent()) {
            String country = settings.countryIso3().get();
            if (IntensityTable.toAlpha3(country).isEmpty()) {
                return CarbonIntensity.worldDefault(
                        "'" + country + "' is not an ISO 3166-1 country code");
            }
            Optional<CarbonIntensity> row = table.lookup(country);
            return row.orElseGet(
                    () ->
                            CarbonIntensity.worldDefault(
                                    "country " + country + " is not in the table"));
        }
        return CarbonIntensity.worldDefault("the study names no intensity and no country");
    }
}
