package io.greenband.benchmarks.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.greenband.energy.sampler.CpuCost;
import io.greenband.energy.source.Component;
import io.greenband.energy.source.DeviceInfo;
import io.greenband.energy.source.Method;
import io.greenband.energy.source.SourceKind;
import io.greenband.energy.source.SourceStatus;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class MonitorReportTest {

    private static final long WALL = 25_000_000_000L;

    private static MonitorReport report(long cpu1Hz, long cpu10Hz) {
        DeviceInfo cpu =
                new DeviceInfo(
                        "cpu",
                        Component.CPU,
                        SourceKind.ESTIMATE,
                        Method.CPU_LOAD_MODEL,
                        "",
                        -1,
                        OptionalDouble.empty(),
                        OptionalDouble.empty());
        List<SourceStatus> sources =
                List.of(
                        SourceStatus.unavailable(SourceKind.NVML, "no libnvidia-ml"),
                        new SourceStatus(SourceKind.ESTIMATE, true, List.of(cpu), "load model"));
        return new MonitorReport(
                "quick",
                Duration.ofSeconds(25),
                sources,
                List.of(
                        new RateResult(new CpuCost(1, 25, cpu1Hz, WALL), 3 * cpu1Hz),
                        new RateResult(new CpuCost(10, 250, cpu10Hz, WALL), -1)));
    }

    @Test
    void jsonHasCpuPercentOfCorePerRate() throws Exception {
        MonitorReport r = report(50_000_000L, 400_000_000L);
        JsonNode doc = new ObjectMapper().readTree(new ObjectMapper().writeValueAsString(r.json()));

        JsonNode cpu = doc.get("cpu_percent_of_core");
        assertThat(cpu.get("1hz").asDouble()).isCloseTo(100.0 * 50_000_000L / WALL, within());
        assertThat(cpu.get("10hz").asDouble()).isCloseTo(100.0 * 400_000_000L / WALL, within());
        assertThat(doc.get("process_cpu_percent_of_core").get("1hz").asDouble())
                .isCloseTo(100.0 * 150_000_000L / WALL, within());
        assertThat(doc.get("process_cpu_percent_of_core").get("10hz").isNull()).isTrue();
        assertThat(doc.get("rates").get("10hz").get("cpu_us_per_tick").asDouble())
                .isCloseTo(400_000_000L / 1e3 / 250, within());
        assertThat(doc.get("sources").get(1).get("devices").get(0).asText())
                .isEqualTo("cpu (CPU_LOAD_MODEL)");
        assertThat(doc.get("meets_target").asBoolean()).isTrue();
    }

    @Test
    void targetIsOnePercentOfACoreAtOneHertz() {
        long onePercent = WALL / 100;
        assertThat(report(onePercent, 10 * onePercent).meetsTarget()).isTrue();
        assertThat(report(onePercent + 1_000_000L, onePercent).meetsTarget()).isFalse();
        assertThat(report(onePercent + 1_000_000L, onePercent).table()).contains("NOT met");
    }

    @Test
    void tableListsSourcesAndRates() {
        String table = report(50_000_000L, 400_000_000L).table();
        assertThat(table)
                .contains("nvml", "unavailable", "no libnvidia-ml", "estimate", "available")
                .containsPattern("(?m)^1hz +25 ")
                .containsPattern("(?m)^10hz +250 ");
    }

    @Test
    void rateKeysNameTheRate() {
        assertThat(new RateResult(new CpuCost(1, 0, 0, 0), 0).key()).isEqualTo("1hz");
        assertThat(new RateResult(new CpuCost(10, 0, 0, 0), 0).key()).isEqualTo("10hz");
        assertThat(new RateResult(new CpuCost(2.5, 0, 0, 0), 0).key()).isEqualTo("2.50hz");
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-9);
    }
}
