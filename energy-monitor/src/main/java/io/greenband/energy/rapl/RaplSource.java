package io.greenband.energy.rapl;

import io.greenband.energy.source.Component;
import io.greenband.energy.source.DeviceInfo;
import io.greenband.energy.source.DeviceReading;
import io.greenband.energy.source.EnergySource;
import io.greenband.energy.source.Method;
import io.greenband.energy.source.SampleFlag;
import io.greenband.energy.source.SourceKind;
import io.greenband.energy.source.SourceStatus;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * RAPL zones as an {@link EnergySource}. Each zone's raw {@code energy_uj} is unwrapped into a
 * 64-bit running counter (one wrap per decrease, using {@code max_energy_range_uj}) and handed to
 * the sampler in joules; without a known range a decrease is passed through so the sampler treats
 * it as a reset.
 */
public final class RaplSource implements EnergySource {

    private static final System.Logger LOG = System.getLogger(RaplSource.class.getName());

    /**
     * No CPU package draws more than this (Zeus uses the same bound); beyond it a reading is an
     * error.
     */
    public static final double MAX_PLAUSIBLE_WATTS = 1000.0;

    private final List<ZoneState> zones;
    private final SysfsFiles files;
    private final LongSupplier nanos;
    private final SourceStatus status;

    private static final class ZoneState {
        final RaplZone zone;
        final DeviceInfo device;
        boolean baselined;
        long lastRaw;
        long unwrapped;
        long lastNanos;
        boolean warned;

        ZoneState(RaplZone zone, DeviceInfo device) {
            this.zone = zone;
            this.device = device;
        }
    }

    private RaplSource(
            List<ZoneState> zones, SysfsFiles files, LongSupplier nanos, SourceStatus status) {
        this.zones = zones;
        this.files = files;
        this.nanos = nanos;
        this.status = status;
    }

    /** Scans {@code root} with the real file system and clock. */
    public static RaplSource open(Path root, Set<RaplDomain> domains) {
        return open(root, domains, SysfsFiles.direct(), System::nanoTime);
    }

    /** Scans {@code root}; never throws. Problems are logged once here, not on every tick. */
    public static RaplSource open(
            Path root, Set<RaplDomain> domains, SysfsFiles files, LongSupplier nanos) {
        RaplScanner.Result scan = RaplScanner.scan(root, domains, files);
        for (String p : scan.problems()) {
            LOG.log(System.Logger.Level.WARNING, "RAPL " + p);
        }
        if (scan.permissionDenied()) {
            LOG.log(System.Logger.Level.WARNING, remediation(root));
        }
        List<ZoneState> states = new ArrayList<>();
        for (RaplZone z : scan.zones()) {
            Component c =
                    switch (z.domain()) {
                        case DRAM -> Component.DRAM;
                        case PSYS -> Component.PSYS;
                        default -> Component.CPU;
                    };
            states.add(
                    new ZoneState(
                            z,
                            new DeviceInfo(
                                    z.deviceId(),
                                    c,
                                    SourceKind.RAPL,
                                    Method.RAPL,
                                    z.name(),
                                    z.packageIndex(),
                                    OptionalDouble.empty(),
                                    OptionalDouble.of(MAX_PLAUSIBLE_WATTS))));
        }
        SourceStatus status;
        if (states.isEmpty()) {
            String why =
                    "no readable RAPL zone for "
                            + domains
                            + " under "
                            + root
                            + (scan.permissionDenied() ? " (permission denied)" : "");
            LOG.log(System.Logger.Level.INFO, why + "; RAPL source unavailable");
            status = SourceStatus.unavailable(SourceKind.RAPL, why);
        } else {
            status =
                    new SourceStatus(
                            SourceKind.RAPL,
                            true,
                            states.stream().map(s -> s.device).toList(),
                            "RAPL under "
                                    + root
                                    + (scan.permissionDenied() ? ", some zones not readable" : ""));
            LOG.log(
                    System.Logger.Level.INFO,
                    status.detail()
                            + ": "
                            + states.stream()
                                    .map(s -> s.zone.zoneDir() + "=" + s.device.id())
                                    .toList());
        }
        return new RaplSource(List.copyOf(states), files, nanos, status);
    }

    /** The remediation line logged once when counters exist but are root-only (Linux 5.10+). */
    static String remediation(Path root) {
        return "RAPL energy counters under "
                + root
                + " are not readable by this process: since Linux 5.10 "
                + "energy_uj is root-only. Run the monitor as root, or grant read access with a udev rule or "
                + "'chmod a+r "
                + root
                + "/intel-rapl:*/energy_uj'; until then CPU energy is estimated.";
    }

    /** Whether some selected zone measures a CPU package (or the platform, which includes it). */
    public boolean coversCpu() {
        return zones.stream()
                .anyMatch(
                        z ->
                                z.device.component() == Component.CPU
                                        || z.device.component() == Component.PSYS);
    }

    /** Whether some selected zone measures DRAM. */
    public boolean coversDram() {
        return zones.stream().anyMatch(z -> z.device.component() == Component.DRAM);
    }

    @Override
    public SourceStatus status() {
        return status;
    }

    @Override
    public List<DeviceReading> read() {
        List<DeviceReading> out = new ArrayList<>(zones.size());
        for (ZoneState z : zones) {
            out.add(readZone(z));
        }
        return out;
    }

    private DeviceReading readZone(ZoneState z) {
        long raw;
        long now = nanos.getAsLong();
        try {
            raw = Long.parseUnsignedLong(files.read(z.zone.energyFile()));
        } catch (AccessDeniedException e) {
            warnOnce(z, "RAPL zone " + z.zone.zoneDir() + " became unreadable: permission denied");
            return DeviceReading.missing(z.device, Set.of(SampleFlag.PERMISSION_DENIED));
        } catch (IOException | NumberFormatException e) {
            warnOnce(z, "RAPL zone " + z.zone.zoneDir() + " could not be read: " + e);
            return DeviceReading.missing(z.device, Set.of());
        }
        EnumSet<SampleFlag> flags = EnumSet.noneOf(SampleFlag.class);
        boolean hadPrevious = z.baselined;
        if (!z.baselined) {
            z.baselined = true;
            z.unwrapped = raw;
        } else if (Long.compareUnsigned(raw, z.lastRaw) >= 0) {
            z.unwrapped += raw - z.lastRaw;
        } else if (z.zone.maxRangeUj().isPresent()) {
            // One wrap: the counter ran from lastRaw up to the range and restarted at zero.
            z.unwrapped += z.zone.maxRangeUj().getAsLong() - z.lastRaw + raw;
            flags.add(SampleFlag.WRAPPED);
        } else {
            // Range unknown: pass the decrease on, the sampler re-baselines and flags RESET.
            z.unwrapped = raw;
        }
        if (z.zone.maxRangeUj().isPresent() && hadPrevious) {
            double seconds = (now - z.lastNanos) / 1e9;
            if (seconds > z.zone.maxRangeUj().getAsLong() / 1e6 / MAX_PLAUSIBLE_WATTS) {
                flags.add(SampleFlag.POSSIBLE_MISSED_WRAP);
            }
        }
        z.lastRaw = raw;
        z.lastNanos = now;
        return DeviceReading.of(z.device, z.unwrapped / 1e6).withFlags(flags);
    }

    private void warnOnce(ZoneState z, String message) {
        if (!z.warned) {
            z.warned = true;
            LOG.log(System.Logger.Level.WARNING, message + " (reported once)");
        }
    }

    @Override
    public void close() {
        // Nothing held open: every read opens and closes its file.
    }
}
