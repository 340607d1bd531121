package io.greenband.aggregator.core.export;

import io.greenband.aggregator.core.emissions.Emissions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes trials as rows with CodeCarbon's {@code emissions.csv} columns, one row per trial attempt.
 *
 * <p>Semantics follow CodeCarbon: {@code emissions} in kg CO2eq, energies in kWh with the PUE
 * applied, powers as mean watts over the duration. Differences: the timestamp is UTC (CodeCarbon
 * writes local time), {@code tracking_mode} is {@code process} only when all of the trial's energy
 * was charged by its own use (CPU time, memory, its GPU) and {@code machine} when some host energy
 * was shared by time among the trials running, The machine columns ({@code os}, {@code cpu_count},
 * {@code cpu_model}, {@code gpu_model}, {@code ram_total_size}, {@code region}) come from the facts
 * the host's energy monitor sends with its samples, empty where it sent none; {@code
 * country_iso_code} is the country of the carbon intensity used, else the host's configured
 * country; {@code gpu_count} counts the GPUs the trial held and {@code gpu_model} names the host's
 * GPUs when it held any. Columns of the Python runtime, the cloud and the coordinates are left
 * empty.
 */
public final class CodeCarbonCsv {

    /** CodeCarbon's column names, in its order. */
    public static final List<String> COLUMNS =
            List.of(
                    "timestamp",
                    "project_name",
                    "run_id",
                    "experiment_id",
                    "duration",
                    "emissions",
                    "emissions_rate",
                    "cpu_power",
                    "gpu_power",
                    "ram_power",
                    "cpu_energy",
                    "gpu_energy",
                    "ram_energy",
                    "energy_consumed",
                    "water_consumed",
                    "country_name",
                    "country_iso_code",
                    "region",
                    "cloud_provider",
                    "cloud_region",
                    "os",
                    "python_version",
                    "codecarbon_version",
                    "cpu_count",
                    "cpu_model",
                    "gpu_count",
                    "gpu_model",
                    "longitude",
                    "latitude",
                    "ram_total_size",
                    "tracking_mode",
                    "cpu_utilization_percent",
                    "gpu_utilization_percent",
                    "ram_utilization_percent",
                    "ram_used_gb",
                    "on_cloud",
                    "pue",
                    "wue");

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT)
                    .withZone(ZoneOffset.UTC);

    private CodeCarbonCsv() {}

    /** Writes the header and one line per row. */
    public static void write(Appendable out, List<EmissionsRow> rows) {
        try {
            out.append(String.join(",", COLUMNS)).append('\n');
            for (EmissionsRow row : rows) {
                List<String> cells = cells(row);
                for (int i = 0; i < cells.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    out.append(escape(cells.get(i)));
                }
                out.append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the emissions CSV", e);
        }
    }

    /** The export as a string. */
    public static String toCsv(List<EmissionsRow> rows) {
        StringBuilder sb = new StringBuilder();
        write(sb, rows);
        return sb.toString();
    }

    private static List<String> cells(EmissionsRow row) {
        Emissions e = row.emissions();
        double d = row.durationSeconds();
        String zone = e.intensity().zone();
        List<String> c = new ArrayList<>(COLUMNS.size());
        c.add(TIMESTAMP.format(row.end()));
        c.add(row.studyId());
        c.add(row.key().toString());
        c.add(row.studyId());
        c.add(number(d));
        c.add(number(e.kilogramsCo2eq()));
        c.add(number(d > 0 ? e.kilogramsCo2eq() / d : 0));
        c.add(number(meanWatts(e.cpuKwh(), d)));
        c.add(number(meanWatts(e.gpuKwh(), d)));
        c.add(number(meanWatts(e.ramKwh(), d)));
        c.add(number(e.cpuKwh()));
        c.add(number(e.gpuKwh()));
        c.add(number(e.ramKwh()));
        c.add(number(e.facilityKwh()));
        c.add(number(0));
        MachineFacts m = row.machine().orElse(null);
        String country = zone.isEmpty() && m != null ? iso3(m.country()) : zone;
        c.add(countryName(country));
        c.add(country);
        c.add(m == null ? "" : text(m.region()));
        c.add(""); // cloud_provider
        c.add(""); // cloud_region
        c.add(m == null ? "" : text(m.os()));
        c.add(""); // python_version
        c.add(""); // codecarbon_version
        c.add(m == null || m.cpuCount().isEmpty() ? "" : Integer.toString(m.cpuCount().getAsInt()));
        c.add(m == null ? "" : text(m.cpuModel()));
        c.add(Integer.toString(row.gpuCount()));
        c.add(m == null || row.gpuCount() == 0 ? "" : text(m.gpuModel()));
        c.add(""); // longitude
        c.add(""); // latitude
        c.add(m == null || m.ramTotalGb().isEmpty() ? "" : number(m.ramTotalGb().getAsDouble()));
        c.add(row.trackingMode());
        for (int i = 0; i < 4; i++) {
            c.add(""); // cpu/gpu/ram utilization, ram_used_gb
        }
        c.add("N");
        c.add(number(e.pue()));
        c.add(number(0));
        return c;
    }

    private static double meanWatts(double kwh, double seconds) {
        return seconds > 0 ? kwh * Emissions.JOULES_PER_KWH / seconds : 0;
    }

    private static String number(double v) {
        return Double.toString(v);
    }

    /** The ISO 3166-1 alpha-3 code of an alpha-2 or alpha-3 code, empty when unknown. */
    static String iso3(String code) {
        if (code.length() == 3) {
            return code.toUpperCase(Locale.ROOT);
        }
        if (code.length() == 2) {
            for (String iso2 : Locale.getISOCountries()) {
                if (iso2.equalsIgnoreCase(code)) {
                    return new Locale("", iso2).getISO3Country();
                }
            }
        }
        return "";
    }

    /** English country name of an ISO 3166-1 alpha-3 code, empty when unknown. */
    static String countryName(String iso3) {
        if (iso3.isEmpty()) {
            return "";
        }
        for (String iso2 : Locale.getISOCountries()) {
            Locale l = new Locale("", iso2);
            if (l.getISO3Country().equalsIgnoreCase(iso3)) {
                return l.getDisplayCountry(Locale.ENGLISH);
            }
        }
        return "";
    }

    /**
     * A text a monitor sent, made inert for spreadsheets: one that would start a formula ({@code =
     * + - @}) is prefixed with an apostrophe.
     */
    static String text(String s) {
        return !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    }

    private static String escape(String cell) {
        if (cell.contains(",")
                || cell.contains("\"")
                || cell.contains("\n")
                || cell.contains("\r")) {
            return "\"" + cell.replace("\"", "\"\"") + "\"";
        }
        return cell;
    }
}
