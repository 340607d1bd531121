package io.greenband.trainer.runner;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A command trial's configuration, passed through untouched: any keys, any JSON values (numbers,
 * strings, booleans, null, lists, objects), no defaults added. The user's program gives the keys
 * their meaning.
 *
 * @param values the suggested configuration
 */
public record CommandConfig(Map<String, Object> values) implements Hyperparameters {

    /** Copies the map, keeping its order; null values stay (JSON null). */
    public CommandConfig {
        if (values == null) {
            throw new IllegalArgumentException("config must be a JSON object, got null");
        }
        for (String key : values.keySet()) {
            if (key == null || key.isBlank()) {
                throw new IllegalArgumentException(
                        "config keys must be non-empty, got '" + key + "'");
            }
        }
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    @Override
    public Map<String, Object> toMap() {
        return values;
    }
}
