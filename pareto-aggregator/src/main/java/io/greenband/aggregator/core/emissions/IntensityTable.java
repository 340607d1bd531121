package io.greenband.aggregator.core.emissions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Annual carbon intensity per country, read from a small CSV ({@code iso3,g_per_kwh,year,source};
 * lines starting with {@code #} are comments). The bundled table lists each value with its year and
 * source.
 */
public final class IntensityTable {

    /** Classpath location of the bundled table. */
    public static final String BUNDLED_RESOURCE =
            "/io/greenband/aggregator/core/emissions/carbon-intensity.csv";

    private static final Map<String, String> SOURCES =
            Map.of(
                    "OWID",
                            "Our World in Data, carbon intensity of electricity generation (Ember and Energy Institute)",
                    "EMBER",
                            "Ember, electricity generation emission intensity by country (July 2024)");

    private final Map<String, CarbonIntensity> byCountry;

    private IntensityTable(Map<String, CarbonIntensity> byCountry) {
        this.byCountry = Collections.unmodifiableMap(byCountry);
    }

    /** The table shipped with the module. */
    public static IntensityTable bundled() {
        try (InputStream in = IntensityTable.class.getResourceAsStream(BUNDLED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(
                        "resource " + BUNDLED_RESOURCE + " is missing from the classpath");
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + BUNDLED_RESOURCE, e);
        }
    }

    /** Parses a table in the bundled format. */
    public static IntensityTable parse(InputStream in) throws IOException {
        Map<String, CarbonIntensity> rows = new HashMap<>();
        BufferedReader reader =
                new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int number = 0;
        boolean header = true;
        while ((line = reader.readLine()) != null) {
            number++;
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (header) {
                header = false;
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length != 4) {
                throw new IllegalArgumentException(
                        "line "
                                + number
                                + " has "
                                + cells.length
                                + " cells: expected iso3,g_per_kwh,year,source");
            }
            String iso3 = cells[0].strip().toUpperCase(Locale.ROOT);
            if (!iso3.matches("[A-Z]{3}")) {
                throw new IllegalArgumentException(
                        "line "
                                + number
                                + ": '"
                                + cells[0]
                                + "' is not an ISO 3166-1 alpha-3 code");
            }
            double grams = Double.parseDouble(cells[1].strip());
            String source = cells[3].strip();
            rows.put(
                    iso3,
                    new CarbonIntensity(
                            grams,
                            IntensitySource.COUNTRY_TABLE,
                            iso3,
                            cells[2].strip(),
                            SOURCES.getOrDefault(source, source)));
        }
        return new IntensityTable(rows);
    }

    /** The intensity of a country, by ISO 3166-1 alpha-3 or alpha-2 code (case-insensitive). */
    public Optional<CarbonIntensity> lookup(String code) {
        return toAlpha3(code).map(byCountry::get);
    }

    /** The alpha-3 form of an ISO 3166-1 alpha-2 or alpha-3 code; empty when it is neither. */
    public static Optional<String> toAlpha3(String code) {
        String c = code.strip().toUpperCase(Locale.ROOT);
        if (c.matches("[A-Z]{3}")) {
            return Optional.of(c);
        }
        if (c.matches("[A-Z]{2}")) {
            try {
                String iso3 = new Locale("", c).getISO3Country();
                return iso3.isEmpty()
                        ? Optional.empty()
                        : Optional.of(iso3.toUpperCase(Locale.ROOT));
            } catch (java.util.MissingResourceException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Every country in the table. */
    public Map<String, CarbonIntensity> entries() {
        return byCountry;
    }
}
