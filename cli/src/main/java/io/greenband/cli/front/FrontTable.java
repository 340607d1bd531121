package io.greenband.cli.front;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Writes a front as an aligned text table or as CSV (header row, one row per point, sorted by the
 * first objective).
 */
public final class FrontTable {

    private FrontTable() {}

    /**
     * An aligned table with trial, fidelity, each objective, energy and how the energy was
     * obtained.
     */
    public static String table(List<String> names, List<Point> front) {
        List<String[]> rows = new ArrayList<>();
        rows.add(header(names));
        for (Point p : sorted(front)) {
            rows.add(row(p, false));
        }
        int[] width = new int[rows.get(0).length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < rows.size(); k++) {
            String[] r = rows.get(k);
            for (int i = 0; i < r.length; i++) {
                String cell =
                        i == 0
                                ? String.format("%-" + width[i] + "s", r[i])
                                : String.format("%" + width[i] + "s", r[i]);
                sb.append(i == 0 ? "" : "  ").append(cell);
            }
            sb.append('\n');
            if (k == 0) {
                sb.append("-".repeat(java.util.Arrays.stream(width).sum() + 2 * (width.length - 1)))
                        .append('\n');
            }
        }
        return sb.toString();
    }

    /**
     * CSV: {@code trialId,fidelity,<objectives...>,joules,energy}, numbers at full precision
     * ({@link #exact}).
     */
    public static String csv(List<String> names, List<Point> front) {
        StringBuilder sb = new StringBuilder(String.join(",", header(names))).append('\n');
        for (Point p : sorted(front)) {
            sb.append(String.join(",", row(p, true))).append('\n');
        }
        return sb.toString();
    }

    private static String[] header(List<String> names) {
        List<String> h = new ArrayList<>(List.of("trialId", "fidelity"));
        h.addAll(names);
        h.add("joules");
        h.add("energy");
        return h.toArray(String[]::new);
    }

    private static String[] row(Point p, boolean csv) {
        List<String> r = new ArrayList<>();
        r.add(
                csv && p.trialId().contains(",")
                        ? '"' + p.trialId().replace("\"", "\"\"") + '"'
                        : p.trialId());
        r.add(csv ? exact(p.fidelity()) : number(p.fidelity()));
        p.values().forEach(v -> r.add(csv ? exact(v) : number(v)));
        // Energy not attributed (yet): an empty cell or a dash, never "NaN".
        r.add(csv ? exact(p.joules()) : Double.isNaN(p.joules()) ? "-" : number(p.joules()));
        r.add(p.energy());
        return r.toArray(String[]::new);
    }

    /** Numbers as short as they can be without losing what matters to a reader. */
    public static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.6g", v)
                .replaceAll("(\\.\\d*?)0+(e|$)", "$1$2")
                .replace(".e", "e")
                .replaceAll("\\.$", "");
    }

    /**
     * Numbers for machines: the shortest decimal that reads back as the same double (no rounding),
     * without an exponent or trailing zeros; an unknown value is an empty cell.
     */
    public static String exact(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Infinity" : "-Infinity";
        }
        return v == 0
                ? "0"
                : new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }

    private static List<Point> sorted(List<Point> front) {
        return front.stream()
                .sorted(
                        Comparator.comparingDouble((Point p) -> p.values().get(0))
                                .thenComparing(Point::trialId))
                .toList();
    }
}
