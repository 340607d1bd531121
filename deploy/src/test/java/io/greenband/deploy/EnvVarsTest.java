package io.greenband.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every environment variable the manifests set must be one its container reads: for our services, a
 * configuration key collected from the service's and service-kit's sources ({@link ServiceConfig});
 * otherwise one of the explicit lists below, each entry with the reason it is not a configuration
 * key.
 */
class EnvVarsTest {

    /** Read by the container rather than the service's configuration, in every image. */
    static final Map<String, String> CONTAINER_ENV =
            Map.of(
                    "JAVA_OPTS",
                            "our images' entrypoint passes it to java (deploy/docker/*/Dockerfile)",
                    "JAVA_TOOL_OPTIONS", "the JVM reads it itself at start",
                    "NVIDIA_VISIBLE_DEVICES",
                            "the NVIDIA container runtime: which GPUs the container sees",
                    "NVIDIA_DRIVER_CAPABILITIES",
                            "the NVIDIA container runtime: which driver libraries it injects");

    /**
     * Kafka client settings. Quarkus's Kafka extension hands every {@code KAFKA_*} variable
     * (lower-cased, {@code _} as {@code .}) to the Kafka clients it creates; clients a service
     * builds itself must be given the same settings (docs/kubernetes.md, "Kafka TLS and
     * SASL/SCRAM").
     */
    static final Set<String> KAFKA_CLIENT_ENV =
            Set.of(
                    "KAFKA_SECURITY_PROTOCOL",
                    "KAFKA_SASL_MECHANISM",
                    "KAFKA_SASL_JAAS_CONFIG",
                    "KAFKA_SSL_TRUSTSTORE_TYPE",
                    "KAFKA_SSL_TRUSTSTORE_LOCATION");

    /**
     * Read by a library inside one service, not through configuration: DJL picks its engine build.
     */
    static final Map<String, Set<String>> LIBRARY_ENV =
            Map.of("trainer", Set.of("PYTORCH_VERSION", "PYTORCH_FLAVOR", "DJL_CACHE_DIR"));

    /** Third-party images: what their entrypoints read. */
    static final Map<String, Set<String>> IMAGE_ENV =
            Map.of("mongo", Set.of("MONGO_INITDB_ROOT_USERNAME", "MONGO_INITDB_ROOT_PASSWORD"));

    private static final Map<String, ServiceConfig> CONFIGS = new HashMap<>();

    static ServiceConfig configOf(String service) {
        return CONFIGS.computeIfAbsent(
                service,
                s ->
                        ServiceConfig.scan(
                                Repository.module(s), Repository.module(Repository.SERVICE_KIT)));
    }

    static List<String> unread(Rendered rendered) {
        List<String> problems = new ArrayList<>();
        for (Rendered.Container c : rendered.containers()) {
            for (var env : c.node().path("env")) {
                String name = env.path("name").asText();
                if (!allowed(c, name) && !readByItsScript(rendered, c, name)) {
                    problems.add(c + " sets " + name);
                }
            }
            if (c.node().has("envFrom")) {
                problems.add(c + " uses envFrom: list the variables so they can be checked");
            }
        }
        return problems;
    }

    /**
     * A container that runs a script of ours (the MongoDB users Job): the variable must appear in
     * its command line or in a script of a ConfigMap it mounts.
     */
    private static boolean readByItsScript(Rendered rendered, Rendered.Container c, String name) {
        if (c.node().path("command").toString().contains(name)
                || c.node().path("args").toString().contains(name)) {
            return true;
        }
        for (JsonNode volume : c.workload().podSpec().path("volumes")) {
            String map = volume.path("configMap").path("name").asText("");
            for (JsonNode config : rendered.ofKind("ConfigMap")) {
                if (!map.isEmpty()
                        && config.path("metadata").path("name").asText().equals(map)
                        && config.path("data").toString().contains("process.env." + name)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean allowed(Rendered.Container c, String name) {
        if (CONTAINER_ENV.containsKey(name)) {
            return true;
        }
        if (c.service().isPresent()) {
            String service = c.service().get();
            return KAFKA_CLIENT_ENV.contains(name)
                    || LIBRARY_ENV.getOrDefault(service, Set.of()).contains(name)
                    || configOf(service).reads(name);
        }
        String image = c.image().replaceFirst("[:@].*$", "");
        return IMAGE_ENV.getOrDefault(image, Set.of()).contains(name);
    }

    @ParameterizedTest
    @MethodSource("io.greenband.deploy.OverlaysTest#overlays")
    void everyVariableSetIsReadByItsContainer(String overlay) {
        assertThat(unread(Kustomize.render(overlay)))
                .as(
                        "environment variables in overlay %s that no code reads (check the key's spelling against"
                                + " the service's application.properties, @ConfigProperty and @ConfigMapping)",
                        overlay)
                .isEmpty();
    }

    @Test
    void variablesNobodyReadsAreReported() {
        Rendered one =
                Kustomize.parse(
                        """
                kind: Deployment
                metadata: {name: suggester}
                spec:
                  template:
                    spec:
                      containers:
                        - name: suggester
                          image: ghcr.io/greenband/suggester:0.1.0
                          env:
                            - {name: KAFKA_BOOTSTRAP_SERVERS, value: "kafka:9092"}
                            - {name: GREENBAND_NO_SUCH_SETTING, value: "1"}
                            - {name: PYTORCH_FLAVOR, value: cpu}
                        - name: db
                          image: mongo:7.0.16
                          env:
                            - {name: MONGO_INITDB_ROOT_USERNAME, value: root}
                            - {name: KAFKA_BOOTSTRAP_SERVERS, value: "kafka:9092"}
                """);

        assertThat(unread(one))
                .containsExactly(
                        "Deployment/suggester container suggester sets GREENBAND_NO_SUCH_SETTING",
                        "Deployment/suggester container suggester sets PYTORCH_FLAVOR",
                        "Deployment/suggester container db sets KAFKA_BOOTSTRAP_SERVERS");
    }

    @Test
    void theCommonSettingsAreReadByEveryService() {
        for (String service : Repository.SERVICES) {
            assertThat(configOf(service).reads("KAFKA_BOOTSTRAP_SERVERS")).as(service).isTrue();
            assertThat(configOf(service).reads("GREENBAND_TOPICS_PREFIX")).as(service).isTrue();
        }
    }
}
