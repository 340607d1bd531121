package io.greenband.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every container of every overlay must have: probes, resources, a hardened runtime, a pinned
 * image.
 */
class OverlaysTest {

    static Stream<String> overlays() {
        return Stream.of(Repository.OVERLAYS);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void rendersTheWholeSystem(String overlay) {
        Rendered r = Kustomize.render(overlay);
        for (String service : Repository.SERVICES) {
            r.container(service);
        }
        assertThat(r.workload("mongodb").kind()).isEqualTo("StatefulSet");
        assertThat(r.workload("energy-monitor").kind()).isEqualTo("DaemonSet");
        assertThat(r.ofKind("Kafka")).hasSize(1);
        assertThat(r.ofKind("KafkaNodePool")).isNotEmpty();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyContainerHasProbes(String overlay) {
        List<String> missing = new ArrayList<>();
        for (Rendered.Container c : Kustomize.render(overlay).containers()) {
            for (String probe : new String[] {"livenessProbe", "readinessProbe"}) {
                // A Job runs to completion: there is nothing to probe.
                if (!c.init() && !c.workload().kind().equals("Job") && !c.node().has(probe)) {
                    missing.add(c + " has no " + probe);
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void ourServicesProbeTheirHealthEndpointsOnPort8080(String overlay) {
        Rendered r = Kustomize.render(overlay);
        for (String service : Repository.SERVICES) {
            JsonNode c = r.container(service).node();
            assertThat(c.path("livenessProbe").path("httpGet").path("path").asText())
                    .as(service)
                    .isEqualTo("/q/health/live");
            assertThat(c.path("readinessProbe").path("httpGet").path("path").asText())
                    .as(service)
                    .isEqualTo("/q/health/ready");
            for (String probe : new String[] {"livenessProbe", "readinessProbe"}) {
                String port = c.path(probe).path("httpGet").path("port").asText();
                assertThat(portNumber(c, port)).as("%s %s port", service, probe).isEqualTo(8080);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyContainerHasRequestsAndLimits(String overlay) {
        List<String> missing = new ArrayList<>();
        for (Rendered.Container c : Kustomize.render(overlay).containers()) {
            for (String kind : new String[] {"requests", "limits"}) {
                for (String resource : new String[] {"cpu", "memory"}) {
                    if (c.node().path("resources").path(kind).path(resource).asText("").isBlank()) {
                        missing.add(c + " has no " + kind + "." + resource);
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyContainerRunsAsNonRootWithoutPrivileges(String overlay) {
        List<String> problems = new ArrayList<>();
        for (Rendered.Container c : Kustomize.render(overlay).containers()) {
            if (!c.security("runAsNonRoot").asBoolean(false)) {
                problems.add(c + ": runAsNonRoot is not true");
            }
            if (c.security("runAsUser").isNumber() && c.security("runAsUser").asLong() == 0) {
                problems.add(c + ": runAsUser is 0");
            }
            JsonNode sc = c.node().path("securityContext");
            if (sc.path("allowPrivilegeEscalation").asBoolean(true)) {
                problems.add(c + ": allowPrivilegeEscalation is not false");
            }
            if (sc.path("privileged").asBoolean(false)) {
                problems.add(c + ": privileged");
            }
            if (!sc.path("readOnlyRootFilesystem").asBoolean(false)) {
                problems.add(c + ": root file system is writable");
            }
            List<String> dropped = new ArrayList<>();
            sc.path("capabilities").path("drop").forEach(d -> dropped.add(d.asText()));
            if (!dropped.contains("ALL") || sc.path("capabilities").path("add").size() > 0) {
                problems.add(c + ": capabilities are not all dropped");
            }
        }
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyImageIsPinnedByTagOrDigest(String overlay) {
        List<String> problems = new ArrayList<>();
        for (Rendered.Container c : Kustomize.render(overlay).containers()) {
            if (!pinned(c.image())) {
                problems.add(c + " uses image '" + c.image() + "'");
            }
            if (c.image().startsWith("ghcr.io/greenband/") && c.service().isEmpty()) {
                problems.add(c + ": our images are named ghcr.io/greenband/<service>:<version>");
            }
        }
        assertThat(problems).isEmpty();
    }

    /** A tag other than {@code latest}, or a digest. */
    static boolean pinned(String image) {
        if (image.contains("@sha256:")) {
            return true;
        }
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        if (colon <= slash) {
            return false;
        }
        String tag = image.substring(colon + 1);
        return !tag.isBlank() && !tag.equals("latest");
    }

    private static int portNumber(JsonNode container, String port) {
        if (port.matches("\\d+")) {
            return Integer.parseInt(port);
        }
        for (JsonNode p : container.path("ports")) {
            if (port.equals(p.path("name").asText())) {
                return p.path("containerPort").asInt();
            }
        }
        throw new AssertionError(
                "container " + container.path("name").asText() + " has no port named " + port);
    }
}
