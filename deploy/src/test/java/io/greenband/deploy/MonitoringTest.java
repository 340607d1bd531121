package io.greenband.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The monitoring component of the recommended overlays: a PodMonitor scraping {@code /q/metrics} of
 * exactly the four services on their http port, the network path from the monitoring namespace, and
 * a Grafana dashboard whose every {@code greenband_*} series is one the services document.
 */
class MonitoringTest {

    private static final Pattern SERIES = Pattern.compile("greenband_[a-z_]+");

    @ParameterizedTest
    @ValueSource(strings = {"secure", "gpu-secure"})
    void podMonitorScrapesEveryServiceOnItsHttpPort(String overlay) {
        Rendered r = Kustomize.render(overlay);
        JsonNode monitor = r.one("PodMonitor", "greenband");
        assertThat(values(monitor.path("spec").path("selector")))
                .containsExactlyInAnyOrder(Repository.SERVICES);
        JsonNode endpoint = monitor.path("spec").path("podMetricsEndpoints").get(0);
        assertThat(endpoint.path("port").asText()).isEqualTo("http");
        assertThat(endpoint.path("path").asText()).isEqualTo("/q/metrics");
        for (String service : Repository.SERVICES) {
            List<String> ports = new ArrayList<>();
            r.container(service)
                    .node()
                    .path("ports")
                    .forEach(
                            p ->
                                    ports.add(
                                            p.path("name").asText()
                                                    + ":"
                                                    + p.path("containerPort").asInt()));
            assertThat(ports).as(service).contains("http:8080");
        }
        JsonNode policy = r.one("NetworkPolicy", "metrics-from-monitoring");
        assertThat(values(policy.path("spec").path("podSelector")))
                .containsExactlyInAnyOrder(Repository.SERVICES);
    }

    @ParameterizedTest
    @ValueSource(strings = {"secure", "gpu-secure"})
    void dashboardUsesOnlyDocumentedSeries(String overlay) throws Exception {
        JsonNode map = Kustomize.render(overlay).one("ConfigMap", "greenband-grafana-dashboard");
        assertThat(map.path("metadata").path("labels").path("grafana_dashboard").asText())
                .isEqualTo("1");
        JsonNode dashboard =
                new ObjectMapper().readTree(map.path("data").path("greenband.json").asText());
        assertThat(dashboard.path("panels").size()).isGreaterThanOrEqualTo(10);
        String documented = Files.readString(Repository.root().resolve("docs/architecture.md"));
        Set<String> used = new TreeSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            assertThat(panel.path("targets").size()).as(panel.path("title").asText()).isPositive();
            for (JsonNode target : panel.path("targets")) {
                Matcher m = SERIES.matcher(target.path("expr").asText());
                while (m.find()) {
                    used.add(m.group().replaceAll("_(bucket|count|sum)$", ""));
                }
            }
        }
        assertThat(used)
                .contains(
                        "greenband_trial_energy_joules_total",
                        "greenband_study_emissions_grams_total",
                        "greenband_suggestion_latency_seconds",
                        "greenband_trial_duration_seconds",
                        "greenband_consumer_lag_records",
                        "greenband_dead_letters_total");
        for (String series : used) {
            assertThat(documented).as(series + " in docs/architecture.md").contains("`" + series);
        }
    }

    private static List<String> values(JsonNode selector) {
        List<String> out = new ArrayList<>();
        selector.path("matchExpressions")
                .forEach(
                        e -> {
                            if (e.path("key").asText().equals("app.kubernetes.io/name")
                                    && e.path("operator").asText().equals("In")) {
                                e.path("values").forEach(v -> out.add(v.asText()));
                            }
                        });
        return out;
    }
}
