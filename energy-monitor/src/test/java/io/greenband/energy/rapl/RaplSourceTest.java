package io.greenband.energy.rapl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.greenband.energy.source.Component;
import io.greenband.energy.source.DeviceInfo;
import io.greenband.energy.source.DeviceReading;
import io.greenband.energy.source.SampleFlag;
import io.greenband.energy.source.SourceKind;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RaplSourceTest {

    private static final Set<RaplDomain> PACKAGE_AND_DRAM =
            EnumSet.of(RaplDomain.PACKAGE, RaplDomain.DRAM);

    @TempDir Path dir;

    private final AtomicLong nanos = new AtomicLong(1);

    private RaplSource open(PowercapTree t, Set<RaplDomain> domains, SysfsFiles files) {
        return RaplSource.open(t.root(), domains, files, nanos::get);
    }

    private static double value(DeviceReading r) {
        return r.value().orElseThrow();
    }

    @Test
    void selectsPackagesAndTheirDramSkipsCoreAndPsysAndPrefersMmio() {
        PowercapTree t = PowercapTree.typical(dir);
        RaplSource src = open(t, PACKAGE_AND_DRAM, SysfsFiles.direct());
        assertThat(src.status().available()).isTrue();
        assertThat(src.status().devices())
                .extracting(DeviceInfo::id)
                .containsExactlyInAnyOrder("package-0", "package-1", "dram-0", "dram-1");
        assertThat(src.status().devices())
                .allSatisfy(d -> assertThat(d.source()).isEqualTo(SourceKind.RAPL));
        assertThat(src.coversCpu()).isTrue();
        List<DeviceReading> r = src.read();
        DeviceReading pkg0 =
                r.stream()
                        .filter(x -> x.device().id().equals("package-0"))
                        .findFirst()
                        .orElseThrow();
        // The MMIO duplicate's counter (1.1 J), not the MSR one (1.0 J).
        assertThat(value(pkg0)).isEqualTo(1.1);
        DeviceReading dram1 =
                r.stream().filter(x -> x.device().id().equals("dram-1")).findFirst().orElseThrow();
        assertThat(dram1.device().component()).isEqualTo(Component.DRAM);
    }

    @Test
    void psysAloneAndPsysWithPackageRefused() {
        PowercapTree t = PowercapTree.typical(dir);
        RaplSource src = open(t, RaplDomain.parseSelection("psys"), SysfsFiles.direct());
        assertThat(src.status().devices()).extracting(DeviceInfo::id).containsExactly("psys");
        assertThatThrownBy(() -> RaplDomain.parseSelection("package+psys"))
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> RaplDomain.parseSelection("package+gpu"))
                .hasMessageContaining("'gpu'");
        assertThat(RaplDomain.parseSelection("package,dram")).isEqualTo(PACKAGE_AND_DRAM);
    }

    @Test
    void flatSysfsListingIsNotCountedTwice() {
        PowercapTree t = PowercapTree.typical(dir);
        // The kernel also lists sub-zones directly under the root.
        t.zone("intel-rapl:0:1", "dram", 200_000, 65_712_999_613L);
        RaplSource src = open(t, PACKAGE_AND_DRAM, SysfsFiles.direct());
        assertThat(src.status().devices())
                .extracting(DeviceInfo::id)
                .containsExactlyInAnyOrder("package-0", "package-1", "dram-0", "dram-1");
    }

    @Test
    void wrapAroundUsesMaxEnergyRange() {
        PowercapTree t = new PowercapTree(dir);
        Path z = t.zone("intel-rapl:0", "package-0", 999_000_000L, 1_000_000_000L);
        RaplSource src = open(t, EnumSet.of(RaplDomain.PACKAGE), SysfsFiles.direct());
        double before = value(src.read().get(0));
        t.energy(z, 4_000_000L);
        nanos.addAndGet(1_000_000_000L);
        DeviceReading after = src.read().get(0);
        // 1 J up to the range, then 4 J after restarting at zero.
        assertThat(value(after) - before).isEqualTo(5.0);
        assertThat(after.flags()).containsExactly(SampleFlag.WRAPPED);
    }

    @Test
    void missingMaxFileMakesADecreaseAReset() {
        PowercapTree t = new PowercapTree(dir);
        Path z = t.zone("intel-rapl:0", "package-0", 50_000_000L, null);
        RaplSource src = open(t, EnumSet.of(RaplDomain.PACKAGE), SysfsFiles.direct());
        assertThat(src.status().available()).isTrue();
        double before = value(src.read().get(0));
        t.energy(z, 1_000_000L);
        double after = value(src.read().get(0));
        assertThat(after).isLessThan(before);
        t.energy(z, 3_000_000L);
        assertThat(value(src.read().get(0)) - after).isEqualTo(2.0);
    }

    @Test
    void longIntervalFlagsAPossibleMissedWrap() {
        PowercapTree t = new PowercapTree(dir);
        t.zone("intel-rapl:0", "package-0", 0, 60_000_000L);
        RaplSource src = open(t, EnumSet.of(RaplDomain.PACKAGE), SysfsFiles.direct());
        src.read();
        // 60 J of range wraps in 60 ms at 1000 W; a second is too long to be sure.
        nanos.addAndGet(1_000_000_000L);
        assertThat(src.read().get(0).flags()).contains(SampleFlag.POSSIBLE_MISSED_WRAP);
    }

    @Test
    void permissionDeniedAtStartMakesTheSourceUnavailableAndIsLoggedOnce() {
        PowercapTree t = PowercapTree.typical(dir);
        List<String> logged =
                captureWarnings(
                        () -> {
                            RaplSource src =
                                    open(
                                            t,
                                            PACKAGE_AND_DRAM,
                                            denying(
                                                    p ->
                                                            p.getFileName()
                                                                    .toString()
                                                                    .equals("energy_uj")));
                            assertThat(src.status().available()).isFalse();
                            assertThat(src.status().detail()).contains("permission denied");
                            assertThat(src.coversCpu()).isFalse();
                            assertThat(src.read()).isEmpty();
                            src.read();
                        });
        assertThat(logged.stream().filter(m -> m.contains("root-only"))).hasSize(1);
    }

    @Test
    void counterBecomingUnreadableIsFlaggedEveryTickButLoggedOnce() {
        PowercapTree t = new PowercapTree(dir);
        t.zone("intel-rapl:0", "package-0", 0, 1_000_000_000L);
        Set<Path> denied = new HashSet<>();
        List<String> logged =
                captureWarnings(
                        () -> {
                            RaplSource src =
                                    open(
                                            t,
                                            EnumSet.of(RaplDomain.PACKAGE),
                                            denying(denied::contains));
                            src.read();
                            denied.add(dir.resolve("intel-rapl:0").resolve("energy_uj"));
                            for (int i = 0; i < 3; i++) {
                                DeviceReading r = src.read().get(0);
                                assertThat(r.hasValue()).isFalse();
                                assertThat(r.flags()).contains(SampleFlag.PERMISSION_DENIED);
                            }
                        });
        assertThat(logged.stream().filter(m -> m.contains("unreadable"))).hasSize(1);
    }

    @Test
    void unreadableMaxRangeStillSamplesAndAZoneWithoutCounterIsDropped() throws IOException {
        PowercapTree t = new PowercapTree(dir);
        t.zone("intel-rapl:0", "package-0", 10, 1000L);
        Path broken = t.zone("intel-rapl:1", "package-1", 10, 1000L);
        Files.delete(broken.resolve("energy_uj"));
        Files.createDirectory(broken.resolve("energy_uj"));
        RaplSource src =
                open(
                        t,
                        EnumSet.of(RaplDomain.PACKAGE),
                        denying(p -> p.endsWith(Path.of("intel-rapl:0", "max_energy_range_uj"))));
        assertThat(src.status().devices()).extracting(DeviceInfo::id).containsExactly("package-0");
    }

    @Test
    void emptyOrMissingRootIsUnavailable() {
        RaplSource src = RaplSource.open(dir.resolve("absent"), PACKAGE_AND_DRAM);
        assertThat(src.status().available()).isFalse();
        assertThat(src.read()).isEmpty();
    }

    private static SysfsFiles denying(java.util.function.Predicate<Path> deny) {
        SysfsFiles direct = SysfsFiles.direct();
        return p -> {
            if (deny.test(p)) {
                throw new AccessDeniedException(p.toString());
            }
            return direct.read(p);
        };
    }

    private static List<String> captureWarnings(Runnable body) {
        List<String> messages = new java.util.concurrent.CopyOnWriteArrayList<>();
        Logger logger = Logger.getLogger(RaplSource.class.getName());
        Handler h =
                new Handler() {
                    @Override
                    public void publish(LogRecord record) {
                        messages.add(record.getMessage());
                    }

                    @Override
                    public void flush() {}

                    @Override
                    public void close() {}
                };
        logger.addHandler(h);
        try {
            body.run();
        } finally {
            logger.removeHandler(h);
        }
        return messages;
    }
}
