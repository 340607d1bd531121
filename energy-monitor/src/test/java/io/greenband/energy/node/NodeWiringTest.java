package io.greenband.energy.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greenband.energy.estimate.CpuPowerModel;
import io.greenband.energy.estimate.RamPowerModel;
import io.greenband.energy.nvml.FakeNvml;
import io.greenband.energy.rapl.RaplDomain;
import io.greenband.energy.source.EnergySource;
import io.greenband.energy.source.SourceKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeWiringTest {

    @TempDir Path dir;

    @Test
    void hostComesFromConfigThenNodeNameThenHostname() {
        assertThat(
                        NodeIdentity.resolve(
                                Optional.of(" h1 "),
                                Optional.empty(),
                                Map.of("NODE_NAME", "n"),
                                () -> "x"))
                .isEqualTo(new NodeIdentity("h1", "h1"));
        assertThat(
                        NodeIdentity.resolve(
                                Optional.empty(),
                                Optional.of("id"),
                                Map.of("NODE_NAME", "n"),
                                () -> "x"))
                .isEqualTo(new NodeIdentity("id", "n"));
        assertThat(
                        NodeIdentity.resolve(
                                        Optional.of(""),
                                        Optional.empty(),
                                        Map.of(),
                                        () -> "machine")
                                .host())
                .isEqualTo("machine");
        assertThat(
                        NodeIdentity.resolve(
                                        Optional.empty(),
                                        Optional.empty(),
                                        Map.of(),
                                        () -> {
                                            throw new IllegalStateException("no network");
                                        })
                                .host())
                .isEqualTo("localhost");
    }

    private NodeSources.Settings settings(
            String library, Path raplRoot, Optional<CpuPowerModel> estimate) throws IOException {
        Path stat = dir.resolve("stat");
        Files.writeString(stat, "cpu  1 0 1 8 0 0 0 0 0 0\n");
        Path meminfo = dir.resolve("meminfo");
        Files.writeString(meminfo, "MemTotal:       16777216 kB\n");
        return new NodeSources.Settings(
                true,
                library,
                Duration.ZERO,
                true,
                raplRoot,
                EnumSet.of(RaplDomain.PACKAGE),
                estimate,
                Optional.of(50.0),
                stat,
                dir.resolve("no-cpuinfo"),
                Optional.of(RamPowerModel.PER_GB),
                Optional.empty(),
                meminfo);
    }

    @Test
    void estimateOnlyWhenRaplGivesNoCpu() throws IOException {
        FakeNvml.withDevices(1);
        List<EnergySource> none =
                NodeSources.open(
                        settings(
                                FakeNvml.path(),
                                dir.resolve("absent"),
                                Optional.of(CpuPowerModel.CPU_LOAD)));
        assertThat(none)
                .extracting(s -> s.status().source())
                .containsExactly(
                        SourceKind.NVML, SourceKind.RAPL, SourceKind.ESTIMATE, SourceKind.ESTIMATE);
        assertThat(none.get(3).read().get(0).value()).hasValue(6.0);
        none.forEach(EnergySource::close);

        Path zone = dir.resolve("powercap/intel-rapl:0");
        Files.createDirectories(zone);
        Files.writeString(zone.resolve("name"), "package-0\n");
        Files.writeString(zone.resolve("energy_uj"), "5\n");
        List<EnergySource> measured =
                NodeSources.open(
                        settings(
                                "/nonexistent/libnvidia-ml.so.1",
                                dir.resolve("powercap"),
                                Optional.of(CpuPowerModel.CPU_LOAD)));
        // RAPL measures the package but has no DRAM zone: memory is still estimated, the CPU is
        // not.
        assertThat(measured)
                .extracting(s -> s.status().source())
                .containsExactly(SourceKind.NVML, SourceKind.RAPL, SourceKind.ESTIMATE);
        assertThat(measured.get(2).status().devices().get(0).id()).isEqualTo("ram");
        assertThat(measured.get(0).status().available()).isFalse();

        List<EnergySource> off =
                NodeSources.open(
                        settings(
                                "/nonexistent/libnvidia-ml.so.1",
                                dir.resolve("absent"),
                                Optional.empty()));
        assertThat(off)
                .extracting(s -> s.status().source())
                .containsExactly(SourceKind.NVML, SourceKind.RAPL, SourceKind.ESTIMATE);
        assertThat(off.get(2).status().devices().get(0).id()).isEqualTo("ram");
    }

    @Test
    void blankIdentityIsRefused() {
        assertThatThrownBy(() -> new NodeIdentity(" ", "h")).hasMessageContaining("nodeId");
    }
}
