package io.greenband.aggregator.core.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.greenband.aggregator.core.attribution.Component;
import io.greenband.aggregator.core.attribution.DeviceEnergy;
import io.greenband.aggregator.core.attribution.ShareBasis;
import io.greenband.aggregator.core.attribution.TrialEnergy;
import io.greenband.aggregator.core.attribution.TrialKey;
import io.greenband.aggregator.core.emissions.CarbonSettings;
import io.greenband.aggregator.core.emissions.Emissions;
import io.greenband.aggregator.core.emissions.EnergyBreakdown;
import io.greenband.aggregator.core.emissions.IntensityResolver;
import io.greenband.aggregator.core.emissions.IntensityTable;
import io.greenband.aggregator.core.emissions.StudyCarbon;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CodeCarbonCsvTest {

    @Test
    void rowsCarryCodeCarbonUnitsUnderItsColumns() {
        StudyCarbon carbon =
                new StudyCarbon(
                        CarbonSettings.country("DEU", 1.25),
                        new IntensityResolver(IntensityTable.bundled()));
        // 1,200 s at 300 W GPU, 50 W CPU, 10 W RAM.
        EnergyBreakdown energy = new EnergyBreakdown(300 * 1200, 50 * 1200, 10 * 1200);
        Emissions e = carbon.emissionsOf(energy);
        String csv =
                CodeCarbonCsv.toCsv(
                        List.of(
                                new EmissionsRow(
                                        "study,1",
                                        new TrialKey("t7", 2),
                                        Instant.parse("2026-02-03T04:05:06.789Z"),
                                        1200,
                                        e,
                                        1)));
        String[] lines = csv.split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0].split(",")).containsExactlyElementsOf(CodeCarbonCsv.COLUMNS);
        Map<String, String> row = parse(lines[0], lines[1]);
        assertThat(row.get("timestamp")).isEqualTo("2026-02-03T04:05:06");
        assertThat(row.get("project_name")).isEqualTo("study,1");
        assertThat(row.get("run_id")).isEqualTo("t7#2");
        double gpuKwh = 300 * 1200 / 3.6e6 * 1.25;
        assertThat(Double.parseDouble(row.get("gpu_energy"))).isCloseTo(gpuKwh, within(1e-12));
        assertThat(Double.parseDouble(row.get("gpu_power"))).isCloseTo(300 * 1.25, within(1e-9));
        double kwh = 360 * 1200 / 3.6e6 * 1.25;
        assertThat(Double.parseDouble(row.get("energy_consumed"))).isCloseTo(kwh, within(1e-12));
        double kg = kwh * carbon.intensity().gramsPerKwh() / 1000;
        assertThat(Double.parseDouble(row.get("emissions"))).isCloseTo(kg, within(1e-12));
        assertThat(Double.parseDouble(row.get("emissions_rate")))
                .isCloseTo(kg / 1200, within(1e-15));
        assertThat(row.get("country_iso_code")).isEqualTo("DEU");
        assertThat(row.get("country_name")).isEqualTo("Germany");
        assertThat(row.get("pue")).isEqualTo("1.25");
        assertThat(row.get("gpu_count")).isEqualTo("1");
        assertThat(row.get("tracking_mode")).isEqualTo("machine");
        // No facts from the host's monitor: its columns stay empty rather than guessed.
        for (String col :
                List.of("os", "cpu_model", "cpu_count", "gpu_model", "ram_total_size", "region")) {
            assertThat(row.get(col)).as(col).isEmpty();
        }
    }

    @Test
    void machineColumnsComeFromTheHostsFacts() {
        MachineFacts facts =
                new MachineFacts(
                        "h",
                        "Linux 6.1 (Debian GNU/Linux 12 (bookworm))",
                        "Test, CPU 3000",
                        OptionalInt.of(16),
                        OptionalLong.of(64L << 30),
                        "NVIDIA H200",
                        OptionalInt.of(8),
                        "FR",
                        "Ile-de-France",
                        Instant.EPOCH);
        StudyCarbon fixed =
                new StudyCarbon(
                        CarbonSettings.fixed(100, 1.0),
                        new IntensityResolver(IntensityTable.bundled()));
        Emissions e = fixed.emissionsOf(new EnergyBreakdown(100, 100, 10));
        Instant t0 = Instant.parse("2026-02-03T04:00:00Z");
        EmissionsRow gpuTrial =
                new EmissionsRow(
                        "s", new TrialKey("t1", 1), t0, 10, e, 2, "process", Optional.of(facts));
        EmissionsRow cpuTrial =
                new EmissionsRow(
                        "s", new TrialKey("t2", 1), t0, 10, e, 0, "process", Optional.of(facts));
        String[] lines = CodeCarbonCsv.toCsv(List.of(gpuTrial, cpuTrial)).split("\n");
        Map<String, String> row = parse(lines[0], lines[1]);
        assertThat(row.get("os")).isEqualTo("Linux 6.1 (Debian GNU/Linux 12 (bookworm))");
        assertThat(row.get("cpu_model")).isEqualTo("Test, CPU 3000");
        assertThat(row.get("cpu_count")).isEqualTo("16");
        assertThat(Double.parseDouble(row.get("ram_total_size"))).isEqualTo(64.0);
        assertThat(row.get("gpu_count")).isEqualTo("2");
        assertThat(row.get("gpu_model")).isEqualTo("NVIDIA H200");
        // A fixed intensity names no country: the host's configured one is written, as alpha-3 like
        // CodeCarbon.
        assertThat(row.get("country_iso_code")).isEqualTo("FRA");
        assertThat(row.get("country_name")).isEqualTo("France");
        assertThat(row.get("region")).isEqualTo("Ile-de-France");
        assertThat(parse(lines[0], lines[2]).get("gpu_model"))
                .as("a CPU trial names no GPU")
                .isEmpty();
    }

    @Test
    void aMonitorsTextCannotStartASpreadsheetFormula() {
        MachineFacts hostile =
                new MachineFacts(
                        "h",
                        "=HYPERLINK(1)",
                        "@SUM(A1)",
                        OptionalInt.empty(),
                        OptionalLong.empty(),
                        "",
                        OptionalInt.empty(),
                        "",
                        "-1+1",
                        Instant.EPOCH);
        StudyCarbon carbon =
                new StudyCarbon(
                        CarbonSettings.country("DEU", 1.0),
                        new IntensityResolver(IntensityTable.bundled()));
        EmissionsRow r =
                new EmissionsRow(
                        "s",
                        new TrialKey("t", 1),
                        Instant.EPOCH,
                        1,
                        carbon.emissionsOf(new EnergyBreakdown(0, 1, 0)),
                        0,
                        "machine",
                        Optional.of(hostile));
        String[] lines = CodeCarbonCsv.toCsv(List.of(r)).split("\n");
        Map<String, String> row = parse(lines[0], lines[1]);
        assertThat(row.get("os")).isEqualTo("'=HYPERLINK(1)");
        assertThat(row.get("cpu_model")).isEqualTo("'@SUM(A1)");
        assertThat(row.get("region")).isEqualTo("'-1+1");
        // The study's intensity country wins over the host's.
        assertThat(row.get("country_iso_code")).isEqualTo("DEU");
    }

    @Test
    void trackingModeIsProcessOnlyWhenEveryShareFollowedTheTrialsOwnUse() {
        Instant t0 = Instant.parse("2026-02-03T04:00:00Z");
        DeviceEnergy cpu =
                new DeviceEnergy(
                        "package-0",
                        Component.CPU_PACKAGE,
                        80,
                        10,
                        0,
                        true,
                        Set.of(ShareBasis.CPU_TIME),
                        20);
        DeviceEnergy gpu =
                new DeviceEnergy(
                        "GPU-0",
                        Component.GPU,
                        500,
                        10,
                        0,
                        false,
                        Set.of(ShareBasis.EXCLUSIVE_DEVICE),
                        0);
        DeviceEnergy dramByTime =
                new DeviceEnergy(
                        "dram-0",
                        Component.DRAM,
                        7,
                        10,
                        0,
                        true,
                        Set.of(ShareBasis.RSS, ShareBasis.EQUAL),
                        0);
        TrialKey key = new TrialKey("t", 1);
        assertThat(
                        EmissionsRow.trackingMode(
                                new TrialEnergy(
                                        key,
                                        "h",
                                        t0,
                                        t0.plusSeconds(10),
                                        List.of(cpu, gpu),
                                        false,
                                        true)))
                .isEqualTo("process");
        assertThat(
                        EmissionsRow.trackingMode(
                                new TrialEnergy(
                                        key,
                                        "h",
                                        t0,
                                        t0.plusSeconds(10),
                                        List.of(cpu, dramByTime),
                                        false,
                                        true)))
                .isEqualTo("machine");
        StudyCarbon carbon =
                new StudyCarbon(
                        CarbonSettings.country("DEU", 1.0),
                        new IntensityResolver(IntensityTable.bundled()));
        String csv =
                CodeCarbonCsv.toCsv(
                        List.of(
                                new EmissionsRow(
                                        "s",
                                        key,
                                        t0,
                                        10,
                                        carbon.emissionsOf(new EnergyBreakdown(500, 80, 0)),
                                        1,
                                        "process")));
        String[] lines = csv.split("\n");
        assertThat(parse(lines[0], lines[1]).get("tracking_mode")).isEqualTo("process");
    }

    /** Splits one quoted CSV line (enough for this test's single quoted cell). */
    private static Map<String, String> parse(String header, String line) {
        String[] names = header.split(",");
        Map<String, String> out = new HashMap<>();
        int col = 0;
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == ',' && !quoted) {
                out.put(names[col++], cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        out.put(names[col++], cell.toString());
        assertThat(col).isEqualTo(names.length);
        return out;
    }
}
