package io.greenband.cli.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.greenband.datasets.DatasetNames;
import io.greenband.events.payload.Fidelity.Knob;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One configuration to train at one fidelity: what {@code CONFIG.json} holds.
 *
 * <pre>
 * {"config": {"shift_type": "Q", "epochs": 3, ...},      keys of the DSNN space; absent keys take the defaults
 *  "fidelity": {"shift_depth": 0},                       one knob (shift_depth, epochs, data_fraction); default 19
 *  "seed": 1,
 *  "workload": {"dataset": "fashion-mnist", "datasetPath": "...", "options": {"trainImages": "500"}},
 *  "intensityGPerKwh": 475}
 * </pre>
 *
 * @param config the configuration under the space's names (checked by the trainer's own parser)
 * @param knob the fidelity knob
 * @param fidelity its value
 * @param seed the training seed
 * @param dataset the data set name
 * @param datasetPath its folder, or null for the default
 * @param options workload options (strings), as in a study
 * @param intensityGPerKwh carbon intensity for emissions
 */
public record FixedRun(
        Map<String, Object> config,
        Knob knob,
        double fidelity,
        long seed,
        String dataset,
        String datasetPath,
        Map<String, String> options,
        double intensityGPerKwh) {

    /** Largest CONFIG.json accepted. */
    static final int MAX_BYTES = 64 * 1024;

    private static final Set<String> TOP =
            Set.of("config", "fidelity", "seed", "workload", "intensityGPerKwh");
    private static final Set<String> WORKLOAD = Set.of("dataset", "datasetPath", "options");
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Checks the fidelity and data set here; the configuration's keys and values are checked by the
     * trainer's own parser in the training JVM (this JVM has no DJL), whose INVALID_CONFIG message
     * names the key.
     */
    public FixedRun {
        config = Map.copyOf(config);
        options = Map.copyOf(options);
        checkFidelity(knob, fidelity);
        if (!DatasetNames.ALL.contains(dataset)) {
            throw new IllegalArgumentException(
                    "workload.dataset must be one of "
                            + DatasetNames.ALL
                            + ", got '"
                            + dataset
                            + "'");
        }
        if (!(intensityGPerKwh >= 0) || Double.isInfinite(intensityGPerKwh)) {
            throw new IllegalArgumentException(
                    "intensityGPerKwh must be a number >= 0, got " + intensityGPerKwh);
        }
    }

    /** Parses CONFIG.json; every error names the field. */
    public static FixedRun parse(String json) {
        if (json.length() > MAX_BYTES) {
            throw new IllegalArgumentException("the file is larger than " + MAX_BYTES + " bytes");
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(
                    "must be a JSON object with 'config' (and optionally 'fidelity', "
                            + "'seed', 'workload', 'intensityGPerKwh')");
        }
        known(root, TOP, "");
        JsonNode config = root.get("config");
        if (config == null || !config.isObject()) {
            throw new IllegalArgumentException(
                    "config must be an object of hyperparameters, e.g. "
                            + "{\"shift_type\": \"Q\", \"epochs\": 3}");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        config.fields()
                .forEachRemaining(
                        e -> values.put(e.getKey(), scalar("config." + e.getKey(), e.getValue())));
        Knob knob = Knob.SHIFT_DEPTH;
        double fidelity = 19;
        JsonNode f = root.get("fidelity");
        if (f != null) {
            if (!f.isObject() || f.size() != 1) {
                throw new IllegalArgumentException(
                        "fidelity must be an object with one knob, e.g. {\"shift_depth\": 0}");
            }
            String name = f.fieldNames().next();
            try {
                knob = Knob.fromJson(name);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(
                        "fidelity: unknown knob '"
                                + name
                                + "'; known knobs: "
                                + "[shift_depth, epochs, data_fraction]",
                        e);
            }
            JsonNode value = f.get(name);
            if (!value.isNumber()) {
                throw new IllegalArgumentException(
                        "fidelity." + name + " must be a number, got " + value);
            }
            fidelity = value.doubleValue();
        }
        long seed = 1;
        if (root.has("seed")) {
            if (!root.get("seed").canConvertToLong() || !root.get("seed").isIntegralNumber()) {
                throw new IllegalArgumentException(
                        "seed must be an integer, got " + root.get("seed"));
            }
            seed = root.get("seed").longValue();
        }
        JsonNode workload = root.get("workload");
        String dataset = DatasetNames.SYNTHETIC;
        String path = null;
        Map<String, String> options = new LinkedHashMap<>();
        if (workload != null) {
            if (!workload.isObject()) {
                throw new IllegalArgumentException("workload must be an object");
            }
            known(workload, WORKLOAD, "workload.");
            dataset = text(workload, "dataset", dataset);
            path = text(workload, "datasetPath", null);
            JsonNode o = workload.get("options");
            if (o != null) {
                if (!o.isObject()) {
                    throw new IllegalArgumentException(
                            "workload.options must be an object of strings");
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (!e.getValue().isValueNode() || e.getValue().isNull()) {
                        throw new IllegalArgumentException(
                                "workload.options." + e.getKey() + " must be a string");
                    }
                    options.put(e.getKey(), e.getValue().asText());
                }
            }
        }
        double intensity = 475.0;
        if (root.has("intensityGPerKwh")) {
            if (!root.get("intensityGPerKwh").isNumber()) {
                throw new IllegalArgumentException("intensityGPerKwh must be a number");
            }
            intensity = root.get("intensityGPerKwh").doubleValue();
        }
        return new FixedRun(values, knob, fidelity, seed, dataset, path, options, intensity);
    }

    private static void checkFidelity(Knob knob, double value) {
        String name = knob.json();
        boolean whole = value == Math.rint(value);
        String problem =
                switch (knob) {
                    case SHIFT_DEPTH ->
                            !whole || value < 0 ? "shift_depth must be an integer >= 0" : null;
                    case EPOCHS -> !whole || value < 1 ? "epochs must be an integer >= 1" : null;
                    case DATA_FRACTION ->
                            !(value > 0 && value <= 1) ? "data_fraction must be in (0, 1]" : null;
                };
        if (problem != null) {
            throw new IllegalArgumentException(
                    "fidelity: " + problem + ", got " + value + " (" + name + ")");
        }
    }

    /** The same run with another seed. */
    public FixedRun withSeed(long other) {
        return new FixedRun(
                config, knob, fidelity, other, dataset, datasetPath, options, intensityGPerKwh);
    }

    private static void known(JsonNode node, Set<String> keys, String prefix) {
        node.fieldNames()
                .forEachRemaining(
                        name -> {
                            if (!keys.contains(name)) {
                                throw new IllegalArgumentException(
                                        "unknown field '"
                                                + prefix
                                                + name
                                                + "'; known fields: "
                                                + keys.stream().sorted().toList());
                            }
                        });
    }

    private static Object scalar(String field, JsonNode value) {
        if (value.isNumber()) {
            return value.numberValue();
        }
        if (value.isTextual() || value.isBoolean()) {
            return value.asText();
        }
        throw new IllegalArgumentException(field + " must be a number or a string, got " + value);
    }

    private static String text(JsonNode node, String name, String fallback) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException("workload." + name + " must be a string");
        }
        return value.asText();
    }
}
