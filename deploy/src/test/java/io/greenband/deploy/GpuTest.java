package io.greenband.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * GPU placement: trainers hold GPUs only in the gpu overlays; the energy monitor sees GPUs without
 * holding any.
 */
class GpuTest {

    private static final String GPU = "nvidia.com/gpu";

    private static List<String> gpuHolders(Rendered r) {
        List<String> holders = new ArrayList<>();
        for (Rendered.Container c : r.containers()) {
            JsonNode res = c.node().path("resources");
            if (res.path("requests").has(GPU) || res.path("limits").has(GPU)) {
                holders.add(c.workload().name());
            }
        }
        return holders;
    }

    @Test
    void devRequestsNoGpu() {
        Rendered dev = Kustomize.render("dev");
        assertThat(gpuHolders(dev)).isEmpty();
        assertThat(dev.workload("trainer").podSpec().has("runtimeClassName")).isFalse();
        assertThat(dev.container("energy-monitor").node().path("env").toString())
                .doesNotContain("NVIDIA_");
    }

    @ParameterizedTest
    @ValueSource(strings = {"gpu", "gpu-secure"})
    void trainersHoldOneGpuEachOnGpuNodes(String overlay) {
        Rendered r = Kustomize.render(overlay);
        assertThat(gpuHolders(r)).containsExactly("trainer");
        JsonNode res = r.container("trainer").node().path("resources");
        assertThat(res.path("requests").path(GPU).asInt()).isEqualTo(1);
        assertThat(res.path("limits").path(GPU).asInt()).isEqualTo(1);
        JsonNode pod = r.workload("trainer").podSpec();
        assertThat(pod.path("runtimeClassName").asText()).isEqualTo("nvidia");
        assertThat(pod.path("nodeSelector").path("nvidia.com/gpu.present").asText())
                .isEqualTo("true");
        assertThat(pod.path("tolerations").toString()).contains(GPU);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gpu", "gpu-secure"})
    void theEnergyMonitorSeesEveryGpuThroughTheNvidiaRuntime(String overlay) {
        Rendered r = Kustomize.render(overlay);
        assertThat(r.workload("energy-monitor").podSpec().path("runtimeClassName").asText())
                .isEqualTo("nvidia");
        JsonNode env = r.container("energy-monitor").node().path("env");
        assertThat(value(env, "NVIDIA_VISIBLE_DEVICES")).isEqualTo("all");
        assertThat(value(env, "NVIDIA_DRIVER_CAPABILITIES")).contains("utility");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "gpu", "gpu-secure"})
    void theEnergyMonitorKnowsItsNodeAndReadsPowercapReadOnly(String overlay) {
        Rendered r = Kustomize.render(overlay);
        Rendered.Container monitor = r.container("energy-monitor");
        String nodeName = null;
        for (JsonNode e : monitor.node().path("env")) {
            if ("NODE_NAME".equals(e.path("name").asText())) {
                nodeName = e.path("valueFrom").path("fieldRef").path("fieldPath").asText();
            }
        }
        assertThat(nodeName).as("NODE_NAME from the downward API").isEqualTo("spec.nodeName");

        String volume = null;
        for (JsonNode v : r.workload("energy-monitor").podSpec().path("volumes")) {
            if ("/sys/class/powercap".equals(v.path("hostPath").path("path").asText())) {
                volume = v.path("name").asText();
            }
        }
        assertThat(volume).as("a hostPath volume of /sys/class/powercap").isNotNull();
        for (JsonNode m : monitor.node().path("volumeMounts")) {
            if (volume.equals(m.path("name").asText())) {
                assertThat(m.path("readOnly").asBoolean(false))
                        .as("powercap mounted read-only")
                        .isTrue();
                assertThat(value(monitor.node().path("env"), "GREENBAND_ENERGY_RAPL_ROOT"))
                        .isEqualTo(m.path("mountPath").asText());
            }
        }
    }

    private static String value(JsonNode env, String name) {
        for (JsonNode e : env) {
            if (name.equals(e.path("name").asText())) {
                return e.path("value").asText();
            }
        }
        throw new AssertionError(name + " is not set");
    }
}
