package io.greenband.aggregator.core.emissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.greenband.aggregator.core.attribution.Component;
import io.greenband.aggregator.core.attribution.DeviceEnergy;
import io.greenband.aggregator.core.attribution.TrialEnergy;
import io.greenband.aggregator.core.attribution.TrialKey;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmissionsTest {

    private final IntensityResolver resolver = new IntensityResolver(IntensityTable.bundled());

    @Test
    void workedExampleOfTheEnergySpec() {
        // 2 GPUs x 400 W x 3 h = 2.4 kWh, CPU 0.30 kWh, RAM 0.06 kWh; PUE 1.2; world default 475
        // g/kWh.
        EnergyBreakdown energy = new EnergyBreakdown(2.4 * 3.6e6, 0.30 * 3.6e6, 0.06 * 3.6e6);
        Emissions e = new StudyCarbon(CarbonSettings.defaults(), resolver).emissionsOf(energy);
        assertThat(e.itKwh()).isCloseTo(2.76, within(1e-12));
        assertThat(e.facilityKwh()).isCloseTo(2.76, within(1e-12)); // default PUE is 1
        Emissions withPue = Emissions.of(energy, 1.2, e.intensity());
        assertThat(withPue.facilityKwh()).isCloseTo(3.312, within(1e-12));
        assertThat(withPue.gramsCo2eq()).isCloseTo(1573.2, within(1e-9));
        assertThat(withPue.gpuKwh() + withPue.cpuKwh() + withPue.ramKwh())
                .isCloseTo(withPue.facilityKwh(), within(1e-12));
        assertThat(withPue.kilogramsCo2eq()).isCloseTo(1.5732, within(1e-12));
        assertThat(withPue.intensity().source()).isEqualTo(IntensitySource.WORLD_DEFAULT);
    }

    @Test
    void resolutionOrderIsFixedThenCountryThenWorldDefault() {
        CarbonIntensity fixed =
                resolver.resolve(
                        new CarbonSettings(
                                java.util.OptionalDouble.of(100),
                                java.util.Optional.of("FRA"),
                                1.0));
        assertThat(fixed.source()).isEqualTo(IntensitySource.STUDY_FIXED);
        assertThat(fixed.gramsPerKwh()).isEqualTo(100.0);

        CarbonIntensity france = resolver.resolve(CarbonSettings.country("fra", 1.0));
        assertThat(france.source()).isEqualTo(IntensitySource.COUNTRY_TABLE);
        assertThat(france.zone()).isEqualTo("FRA");
        assertThat(france.year()).isEqualTo("2023");
        assertThat(france.reference()).contains("Our World in Data");
        assertThat(france.gramsPerKwh()).isLessThan(CarbonIntensity.WORLD_DEFAULT_G_PER_KWH);

        CarbonIntensity alpha2 = resolver.resolve(CarbonSettings.country("de", 1.0));
        assertThat(alpha2.zone()).isEqualTo("DEU");
        assertThat(alpha2.source()).isEqualTo(IntensitySource.COUNTRY_TABLE);
        assertThat(resolver.resolve(CarbonSettings.country("QQ", 1.0)).reference())
                .contains("'QQ' is not");

        CarbonIntensity unknown = resolver.resolve(CarbonSettings.country("XYZ", 1.0));
        assertThat(unknown.source()).isEqualTo(IntensitySource.WORLD_DEFAULT);
        assertThat(unknown.gramsPerKwh()).isEqualTo(475.0);
        assertThat(unknown.reference()).contains("XYZ");
    }

    @Test
    void bundledTableRowsAllCarryYearAndSource() {
        IntensityTable table = IntensityTable.bundled();
        assertThat(table.entries()).hasSizeGreaterThan(20);
        table.entries()
                .forEach(
                        (iso3, row) -> {
                            assertThat(iso3).matches("[A-Z]{3}");
                            assertThat(row.year()).matches("\\d{4}");
                            assertThat(row.reference()).isNotBlank();
                            assertThat(row.gramsPerKwh()).isBetween(0.0, 1200.0);
                        });
    }

    @Test
    void malformedTablesAndSettingsAreRejectedNamingTheProblem() {
        String bad = "iso3,g_per_kwh,year,source\nFRANCE,56,2023,OWID\n";
        assertThatThrownBy(
                        () ->
                                IntensityTable.parse(
                                        new ByteArrayInputStream(
                                                bad.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("line 2")
                .hasMessageContaining("alpha-3");
        assertThatThrownBy(() -> CarbonSettings.fixed(300, 0.9)).hasMessageContaining("pue is 0.9");
        assertThatThrownBy(() -> CarbonSettings.fixed(-1, 1.0))
                .hasMessageContaining("fixedGramsPerKwh");
    }

    @Test
    void breakdownGroupsComponentsLikeCodeCarbon() {
        TrialEnergy energy =
                new TrialEnergy(
                        new TrialKey("t", 0),
                        "h",
                        Instant.EPOCH,
                        Instant.EPOCH.plusSeconds(10),
                        List.of(
                                new DeviceEnergy("GPU-1", Component.GPU, 500, 10, 0, false),
                                new DeviceEnergy(
                                        "package-0", Component.CPU_PACKAGE, 80, 10, 0, true),
                                new DeviceEnergy("dram-0", Component.DRAM, 7, 10, 0, true),
                                new DeviceEnergy("ram", Component.ESTIMATED, 3, 10, 0, true),
                                new DeviceEnergy("cpu-load", Component.ESTIMATED, 11, 10, 0, true),
                                new DeviceEnergy("psys", Component.PSYS, 2, 10, 0, true)),
                        false,
                        true);
        EnergyBreakdown b = EnergyBreakdown.of(energy);
        assertThat(b.gpuJoules()).isEqualTo(500.0);
        assertThat(b.cpuJoules()).isEqualTo(93.0);
        assertThat(b.ramJoules()).isEqualTo(10.0);
        assertThat(b.totalJoules()).isEqualTo(energy.totalJoules());
    }
}
