package io.greenband.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * MongoDB least privilege: each service that keeps views logs in as its own user, whose role
 * reaches exactly the collections that service's code uses; root stays with MongoDB and the Job
 * that creates the users; no overlay commits a credential.
 */
class MongoUsersTest {

    /** Service → its user's Secret and the users.js entry for it. */
    static final Map<String, String> SECRETS =
            Map.of(
                    "suggester",
                    "greenband-mongodb-suggester",
                    "pareto-aggregator",
                    "greenband-mongodb-aggregator");

    private static final Pattern CONSTANT =
            Pattern.compile("public static final String [A-Z_]+ = \"([a-z_]+)\";");

    /** The collections each service's code names. */
    static Map<String, Set<String>> collectionsInCode() throws IOException {
        Set<String> aggregator = new TreeSet<>();
        Path persistence =
                Repository.module("pareto-aggregator")
                        .resolve("src/main/java/io/greenband/aggregator/adapter/persistence");
        try (Stream<Path> files = Files.list(persistence)) {
            for (Path f : files.filter(p -> p.toString().endsWith("Store.java")).toList()) {
                Matcher m = CONSTANT.matcher(Files.readString(f));
                while (m.find()) {
                    aggregator.add(m.group(1));
                }
            }
        }
        Matcher snapshots =
                Pattern.compile("greenband\\.suggester\\.snapshot-collection=(\\S+)")
                        .matcher(
                                Files.readString(
                                        Repository.module("suggester")
                                                .resolve(
                                                        "src/main/resources/application.properties")));
        assertThat(snapshots.find()).isTrue();
        Set<String> suggester = new TreeSet<>(Set.of(snapshots.group(1)));
        Matcher views =
                CONSTANT.matcher(
                        Files.readString(
                                Repository.module("suggester")
                                        .resolve(
                                                "src/main/java/io/greenband/suggester/adapter/persistence/SnapshotStore.java")));
        while (views.find()) {
            suggester.add(views.group(1));
        }
        return Map.of("suggester", suggester, "aggregator", aggregator);
    }

    /** The collections users.js gives each user's role. */
    static Map<String, Set<String>> collectionsInScript(String script) {
        String block = script.substring(script.indexOf("const services"));
        Matcher m =
                Pattern.compile("(\\w+): \\[([^\\]]*)\\]")
                        .matcher(block.substring(0, block.indexOf("};")));
        Map<String, Set<String>> roles = new java.util.TreeMap<>();
        while (m.find()) {
            Set<String> names = new TreeSet<>();
            Matcher q = Pattern.compile("\"([a-z_]+)\"").matcher(m.group(2));
            while (q.find()) {
                names.add(q.group(1));
            }
            roles.put(m.group(1), names);
        }
        return roles;
    }

    @ParameterizedTest
    @MethodSource("io.greenband.deploy.OverlaysTest#overlays")
    void eachServiceHasItsOwnUserReachingOnlyItsCollections(String overlay) throws IOException {
        Rendered r = Kustomize.render(overlay);
        JsonNode config =
                r.ofKind("ConfigMap").stream()
                        .filter(
                                c ->
                                        c.path("metadata")
                                                .path("name")
                                                .asText()
                                                .startsWith("mongodb-users"))
                        .findFirst()
                        .orElseThrow();
        assertThat(collectionsInScript(config.path("data").path("users.js").asText()))
                .isEqualTo(collectionsInCode());
        Rendered.Workload job = r.workload("mongodb-users");
        assertThat(job.kind()).isEqualTo("Job");
        assertThat(job.podSpec().path("volumes").toString())
                .contains(config.path("metadata").path("name").asText());

        SECRETS.forEach(
                (service, secret) ->
                        assertThat(mongoSecretOf(r.container(service).node()))
                                .as(service)
                                .isEqualTo(secret));
        for (Rendered.Container c : r.containers()) {
            boolean root = c.node().path("env").toString().contains("\"greenband-mongodb\"");
            assertThat(root)
                    .as("%s sees MongoDB's root user", c)
                    .isEqualTo(Set.of("mongodb", "mongodb-users").contains(c.workload().name()));
        }
    }

    @ParameterizedTest
    @MethodSource("io.greenband.deploy.OverlaysTest#overlays")
    void noOverlayCommitsACredential(String overlay) {
        for (JsonNode secret : Kustomize.render(overlay).ofKind("Secret")) {
            String text = secret.path("data").toString() + secret.path("stringData");
            assertThat(secret.path("data").has("password"))
                    .as(secret.path("metadata").path("name").asText())
                    .isFalse();
            assertThat(text)
                    .doesNotContainIgnoringCase("cGFzc3dvcmQ") // "password" in base64
                    .doesNotContain("bW9uZ29kYjov"); // "mongodb:/"
            assertThat(secret.path("data").has("token")).isFalse();
        }
    }

    private static String mongoSecretOf(JsonNode container) {
        for (JsonNode e : container.path("env")) {
            if (e.path("name").asText().equals("GREENBAND_MONGODB_CONNECTION_STRING")) {
                return e.path("valueFrom").path("secretKeyRef").path("name").asText();
            }
        }
        return null;
    }
}
