package io.greenband.energy.node;

import java.net.InetAddress;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The names samples are published under.
 *
 * @param nodeId stable node id (the Kubernetes node name where there is one)
 * @param host host name, as trainers report it
 */
public record NodeIdentity(String nodeId, String host) {

    /** The environment variable Kubernetes' downward API fills with the node name. */
    public static final String NODE_NAME_ENV = "NODE_NAME";

    public NodeIdentity {
        if (nodeId == null || nodeId.isBlank()) {
            throw new IllegalArgumentException("nodeId must not be blank");
        }
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
    }

    /**
     * Host: the configured value, else {@code NODE_NAME}, else the machine's host name, else {@code
     * localhost}. Node id: the configured value, else the host.
     */
    public static NodeIdentity resolve(
            Optional<String> configuredHost,
            Optional<String> configuredNodeId,
            Map<String, String> env,
            Supplier<String> hostname) {
        String host =
                nonBlank(configuredHost)
                        .or(() -> nonBlank(Optional.ofNullable(env.get(NODE_NAME_ENV))))
                        .or(() -> nonBlank(Optional.ofNullable(safe(hostname))))
                        .orElse("localhost");
        return new NodeIdentity(nonBlank(configuredNodeId).orElse(host), host);
    }

    /** The machine's host name, or null when it cannot be determined. */
    public static String machineHostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static String safe(Supplier<String> s) {
        try {
            return s.get();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Optional<String> nonBlank(Optional<String> s) {
        return s.map(String::strip).filter(v -> !v.isEmpty());
    }
}
