package io.greenband.energy.estimate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/** Per-socket TDPs of known CPU models, from the bundled {@code cpu-tdp.csv}. Immutable. */
public final class TdpTable {

    private static final String RESOURCE = "cpu-tdp.csv";

    private final Map<String, Double> byNormalizedModel;

    private TdpTable(Map<String, Double> byNormalizedModel) {
        this.byNormalizedModel = Map.copyOf(byNormalizedModel);
    }

    /** The table shipped with greenband. */
    public static TdpTable bundled() {
        try (InputStream in = TdpTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(
                        "bundled resource " + RESOURCE + " is missing from the jar");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled " + RESOURCE, e);
        }
    }

    /** A table from CSV text: a {@code model,tdp_watts} header, {@code #} comments. */
    public static TdpTable parse(String csv) {
        Map<String, Double> rows = new LinkedHashMap<>();
        try (BufferedReader r = new BufferedReader(new java.io.StringReader(csv))) {
            int lineNo = 0;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lineNo++;
                String t = line.trim();
                if (t.isEmpty() || t.startsWith("#") || t.startsWith("model,")) {
                    continue;
                }
                int comma = t.lastIndexOf(',');
                if (comma <= 0) {
                    throw new IllegalArgumentException(
                            "TDP table line " + lineNo + " is not 'model,watts': " + t);
                }
                double watts = Double.parseDouble(t.substring(comma + 1).trim());
                if (!(watts > 0)) {
                    throw new IllegalArgumentException(
                            "TDP table line " + lineNo + ": watts must be positive");
                }
                rows.put(normalize(t.substring(0, comma)), watts);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TdpTable(rows);
    }

    /** The per-socket TDP of the longest table model contained in {@code modelName}, if any. */
    public OptionalDouble lookup(String modelName) {
        String model = " " + normalize(modelName) + " ";
        String best = null;
        for (String key : byNormalizedModel.keySet()) {
            if (model.contains(" " + key + " ") && (best == null || key.length() > best.length())) {
                best = key;
            }
        }
        return best == null
                ? OptionalDouble.empty()
                : OptionalDouble.of(byNormalizedModel.get(best));
    }

    /**
     * Lower case, trademarks, "CPU"/"Processor", core counts and clock speed removed, single
     * spaces.
     */
    static String normalize(String s) {
        return s.toLowerCase(Locale.ROOT)
                .replaceAll("\\((r|tm)\\)", " ")
                .replaceAll("@.*$", " ")
                .replaceAll("\\b\\d+-core\\b", " ")
                .replaceAll("\\b(cpu|processor)\\b", " ")
                .replaceAll("\\s+", " ")
                .trim();
    }

    /** Number of models in the table. */
    public int size() {
        return byNormalizedModel.size();
    }
}
