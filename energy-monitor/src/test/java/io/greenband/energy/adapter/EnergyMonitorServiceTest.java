package io.greenband.energy.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Native;
import io.greenband.embedded.quarkus.ServiceEndpoints;
import io.greenband.embedded.quarkus.StandardEndpoints;
import io.greenband.energy.nvml.FakeNvml;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The service on this machine's reality: the fake NVML library for GPUs, no RAPL, the CPU
 * estimated; publishing off (the broker test is an IT).
 */
@QuarkusTest
@TestProfile(EnergyMonitorServiceTest.FakeNode.class)
class EnergyMonitorServiceTest {

    /**
     * Points the monitor at its own copy of the fake NVML (a separate file is a separate library
     * instance, so the running service and the NVML unit tests never share scripted state), an
     * absent powercap tree, and a fast tick.
     */
    public static class FakeNode implements QuarkusTestProfile {

        /** Keeps the copy loaded while the service runs. */
        private static FakeNvml serviceCopy;

        @Override
        public Map<String, String> getConfigOverrides() {
            Path copy = Path.of(FakeNvml.path()).resolveSibling("libfake_nvml_service.so");
            try {
                Files.copy(Path.of(FakeNvml.path()), copy, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            synchronized (FakeNode.class) {
                if (serviceCopy == null) {
                    serviceCopy = Native.load(copy.toString(), FakeNvml.class);
                    serviceCopy.fake_nvml_reset(1);
                    serviceCopy.fake_nvml_set_energy(0, 1_000);
                }
            }
            return Map.of(
                    "greenband.energy.publish.enabled", "false",
                    "greenband.energy.interval", "100ms",
                    "greenband.energy.host", "test-node",
                    "greenband.energy.nvml.library", copy.toString(),
                    "greenband.energy.rapl.root", "target/no-powercap-here");
        }
    }

    @TestHTTPResource("/")
    URI service;

    private String awaitMetrics(String needle) throws Exception {
        return ServiceEndpoints.awaitMetrics(
                service, Pattern.quote(needle), Duration.ofSeconds(30));
    }

    @Test
    void metricsShowTheGpuAndTheLabelledCpuEstimate() throws Exception {
        String body = awaitMetrics("source=\"estimate\"");
        assertThat(ServiceEndpoints.get(service, "/q/metrics").statusCode()).isEqualTo(200);
        assertThat(body)
                .containsPattern(
                        "greenband_energy_joules_total\\{[^}]*device=\"cpu\"[^}]*source=\"estimate\"");
        assertThat(body)
                .containsPattern(
                        "greenband_power_watts\\{[^}]*device=\"GPU-00000000-fake-0000-0000-000000000000\"");
        assertThat(body)
                .containsPattern("greenband_energy_estimated\\{[^}]*device=\"cpu\"[^}]*\\} 1");
        assertThat(body).contains("node=\"test-node\"");
        assertThat(body)
                .containsPattern(
                        "greenband_energy_joules_total\\{[^}]*component=\"ram_est\",device=\"ram\"");
    }

    @Test
    void readinessReportsInitialisedSources() throws Exception {
        awaitMetrics("greenband_power_watts");
        String health = ServiceEndpoints.get(service, "/q/health/ready").body();
        assertThat(health).contains("\"name\":\"energy-sources\"");
        assertThat(health).containsPattern("\"name\":\"energy-sources\",\"status\":\"UP\"");
        assertThat(health).contains("\"nvml\":\"available, 1 device(s)\"");
        assertThat(health).contains("\"rapl\":\"unavailable");
        assertThat(health)
                .contains("\"estimate\":\"available, 1 device(s); available, 1 device(s)\"");
    }

    @Test
    void openApiListsEveryRouteAndMetricsCarryTheSharedSeries() throws Exception {
        assertThat(StandardEndpoints.problems(service, "io.greenband")).isEmpty();
        String body = awaitMetrics("greenband_power_watts");
        // No consumer here, so no lag series; the dead-letter series exist on every service from
        // the start.
        assertThat(body).contains("greenband_dead_letters_total{topic=\"energy-sample\"} 0.0");
        assertThat(body).contains("# TYPE jvm_memory_used_bytes gauge");
    }
}
