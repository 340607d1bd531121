package io.greenband.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * How the pieces find each other: Secrets, NetworkPolicies, disruption budgets, the suggester's
 * single replica.
 */
class ClusterWiringTest {

    /**
     * Secrets the gpu overlays expect to exist before they are applied; docs/kubernetes.md must
     * show how to create each.
     */
    static final Set<String> CREATED_BY_OPERATOR =
            Set.of(
                    "greenband-mongodb",
                    "greenband-mongodb-suggester",
                    "greenband-mongodb-aggregator",
                    "greenband-api-token");

    static Set<String> referencedSecrets(Rendered r) {
        Set<String> names = new TreeSet<>();
        for (Rendered.Workload w : r.workloads()) {
            w.podSpec()
                    .path("volumes")
                    .forEach(
                            v -> {
                                if (v.has("secret")) {
                                    names.add(v.path("secret").path("secretName").asText());
                                }
                            });
        }
        for (Rendered.Container c : r.containers()) {
            c.node()
                    .path("env")
                    .forEach(
                            e -> {
                                JsonNode ref = e.path("valueFrom").path("secretKeyRef");
                                if (!ref.isMissingNode()) {
                                    names.add(ref.path("name").asText());
                                }
                            });
        }
        for (JsonNode auth : r.ofKind("TriggerAuthentication")) {
            auth.path("spec")
                    .path("secretTargetRef")
                    .forEach(ref -> names.add(ref.path("name").asText()));
        }
        return names;
    }

    @ParameterizedTest
    @MethodSource("io.greenband.deploy.OverlaysTest#overlays")
    void everySecretReferencedIsRenderedMadeByStrimziOrDocumented(String overlay)
            throws IOException {
        Rendered r = Kustomize.render(overlay);
        Set<String> known = new TreeSet<>(CREATED_BY_OPERATOR);
        r.ofKind("Secret").forEach(s -> known.add(s.path("metadata").path("name").asText()));
        // Strimzi writes one Secret per KafkaUser and the cluster CA certificate.
        r.ofKind("KafkaUser").forEach(u -> known.add(u.path("metadata").path("name").asText()));
        r.ofKind("Kafka")
                .forEach(
                        k ->
                                known.add(
                                        k.path("metadata").path("name").asText()
                                                + "-cluster-ca-cert"));

        assertThat(referencedSecrets(r)).isSubsetOf(known);
        String docs = Files.readString(Repository.root().resolve("docs/kubernetes.md"));
        for (String secret : CREATED_BY_OPERATOR) {
            assertThat(docs)
                    .as("docs/kubernetes.md shows how to create " + secret)
                    .contains("kubectl create secret generic " + secret);
        }
    }

    @ParameterizedTest
    @MethodSource("io.greenband.deploy.OverlaysTest#overlays")
    void ingressIsDeniedUnlessAllowedAndKafkaListenersNamePeers(String overlay) {
        Rendered r = Kustomize.render(overlay);
        List<JsonNode> policies = r.ofKind("NetworkPolicy");
        assertThat(policies)
                .anySatisfy(
                        p -> {
                            assertThat(p.path("spec").path("podSelector").isEmpty()).isTrue();
                            assertThat(p.path("spec").path("policyTypes").toString())
                                    .contains("Ingress");
                            assertThat(p.path("spec").has("ingress")).isFalse();
                        });
        JsonNode mongo =
                policies.stream()
                        .filter(
                                p ->
                                        "mongodb"
                                                .equals(
                                                        p.path("spec")
                                                                .path("podSelector")
                                                                .path("matchLabels")
                                                                .path("app.kubernetes.io/name")
                                                                .asText()))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no NetworkPolicy selects mongodb"));
        assertThat(mongo.path("spec").path("ingress").toString())
                .contains("suggester", "pareto-aggregator")
                .doesNotContain("trainer", "energy-monitor");
        for (JsonNode listener :
                r.ofKind("Kafka").get(0).path("spec").path("kafka").path("listeners")) {
            assertThat(listener.path("networkPolicyPeers").size())
                    .as(listener.path("name").asText())
                    .isPositive();
        }
    }

    @ParameterizedTest
    @MethodSource("io.greenband.deploy.OverlaysTest#overlays")
    void disruptionBudgetsCoverTrainersAndTheApiWithoutBlockingDrains(String overlay) {
        Rendered r = Kustomize.render(overlay);
        List<String> covered = new ArrayList<>();
        for (JsonNode pdb : r.ofKind("PodDisruptionBudget")) {
            String target =
                    pdb.path("spec")
                            .path("selector")
                            .path("matchLabels")
                            .path("app.kubernetes.io/name")
                            .asText();
            JsonNode workload =
                    r.objects().stream()
                            .filter(
                                    o ->
                                            target.equals(o.path("metadata").path("name").asText())
                                                    && o.path("spec").has("template"))
                            .findFirst()
                            .orElseThrow(
                                    () ->
                                            new AssertionError(
                                                    "PodDisruptionBudget selects no workload: "
                                                            + target));
            if (pdb.path("spec").has("minAvailable")) {
                assertThat(pdb.path("spec").path("minAvailable").asInt())
                        .as(
                                "%s minAvailable below its replicas, or no node could ever drain",
                                target)
                        .isLessThan(workload.path("spec").path("replicas").asInt(1));
            }
            covered.add(target);
        }
        assertThat(covered).contains("trainer", "pareto-aggregator");
    }

    @ParameterizedTest
    @MethodSource("io.greenband.deploy.OverlaysTest#overlays")
    void oneSuggesterAtATime(String overlay) {
        JsonNode suggester = Kustomize.render(overlay).one("Deployment", "suggester");
        assertThat(suggester.path("spec").path("replicas").asInt()).isEqualTo(1);
        assertThat(suggester.path("spec").path("strategy").path("type").asText())
                .isEqualTo("Recreate");
    }
}
