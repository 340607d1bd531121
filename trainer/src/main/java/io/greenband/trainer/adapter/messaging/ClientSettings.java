package io.greenband.trainer.adapter.messaging;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Kafka client settings: the service's {@code kafka.*} properties, narrowed to what one client knows. */
final class ClientSettings {

    private ClientSettings() {}

    /** The entries of {@code settings} whose key {@code known} names, so clients log no unknown-config warnings. */
    static Map<String, Object> only(Map<String, Object> settings, Set<String> known) {
        Map<String, Object> out = new HashMap<>();
        settings.forEach((key, value) -> {
            if (known.contains(key)) {
                out.put(key, value);
            }
        });
        return out;
    }
}
