package io.greenband.energy.rapl;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds RAPL zones under a powercap root. The kernel lists every zone flat under {@code
 * /sys/class/powercap} and also nested under its parent; both layouts are accepted. MSR ({@code
 * intel-rapl}) and MMIO ({@code intel-rapl-mmio}) zones of the same domain are one device: the MMIO
 * one is kept, as the newer interface.
 */
public final class RaplScanner {

    private static final String PREFIX = "intel-rapl";
    private static final String MMIO_PREFIX = "intel-rapl-mmio";

    private RaplScanner() {}

    /**
     * What a scan found.
     *
     * @param zones readable, selected, de-duplicated zones
     * @param problems one line per zone that was dropped or is degraded, for the log
     * @param permissionDenied whether some energy counter exists but may not be read
     */
    public record Result(List<RaplZone> zones, List<String> problems, boolean permissionDenied) {
        public Result {
            zones = List.copyOf(zones);
            problems = List.copyOf(problems);
        }
    }

    private record Entry(Path dir, String zoneDir, String name) {}

    /** Scans {@code root} for the zones of the {@code selected} domains. */
    public static Result scan(Path root, Set<RaplDomain> selected, SysfsFiles files) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        collect(root, files, entries, 0);
        List<String> problems = new ArrayList<>();
        boolean denied = false;
        Map<String, RaplZone> byDevice = new LinkedHashMap<>();
        for (Entry e : entries.values()) {
            RaplZone zone = classify(e, entries, selected, files);
            if (zone == null) {
                continue;
            }
            try {
                files.read(zone.energyFile());
            } catch (AccessDeniedException ex) {
                denied = true;
                problems.add(
                        "zone "
                                + e.zoneDir()
                                + " ("
                                + e.name()
                                + "): energy_uj not readable: permission denied");
                continue;
            } catch (IOException ex) {
                problems.add(
                        "zone "
                                + e.zoneDir()
                                + " ("
                                + e.name()
                                + "): energy_uj not readable: "
                                + ex);
                continue;
            }
            RaplZone kept = byDevice.get(zone.deviceId());
            if (kept == null || zone.mmio() && !kept.mmio()) {
                byDevice.put(zone.deviceId(), zone);
            }
        }
        for (RaplZone z : byDevice.values()) {
            if (z.maxRangeUj().isEmpty()) {
                problems.add(
                        "zone "
                                + z.zoneDir()
                                + " ("
                                + z.name()
                                + "): max_energy_range_uj not readable, "
                                + "so wrap-around cannot be corrected; a decreasing counter is treated as a reset");
            }
        }
        return new Result(new ArrayList<>(byDevice.values()), problems, denied);
    }

    private static void collect(Path dir, SysfsFiles files, Map<String, Entry> out, int depth) {
        if (depth > 3 || !Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> children = Files.list(dir)) {
            for (Path child : children.sorted().toList()) {
                String n = child.getFileName().toString();
                if (!n.startsWith(PREFIX) || !Files.isDirectory(child)) {
                    continue;
                }
                if (n.contains(":") && !out.containsKey(n)) {
                    try {
                        out.put(n, new Entry(child, n, files.read(child.resolve("name"))));
                    } catch (IOException e) {
                        // A zone without a readable name cannot be classified; its siblings still
                        // can.
                        continue;
                    }
                }
                collect(child, files, out, depth + 1);
            }
        } catch (IOException e) {
            // An unlistable directory simply contributes no zones.
        }
    }

    private static RaplZone classify(
            Entry e, Map<String, Entry> all, Set<RaplDomain> selected, SysfsFiles files) {
        RaplDomain domain = RaplDomain.ofZoneName(e.name());
        if (!selected.contains(domain)) {
            return null;
        }
        String[] parts = e.zoneDir().split(":");
        boolean topLevel = parts.length == 2;
        int ownIndex = parseInt(parts[1], -1);
        int packageIndex;
        String deviceId;
        switch (domain) {
            case PACKAGE -> {
                if (!topLevel) {
                    return null;
                }
                packageIndex =
                        parseInt(e.name().substring(e.name().lastIndexOf('-') + 1), ownIndex);
                deviceId = "package-" + packageIndex;
            }
            case DRAM -> {
                if (topLevel) {
                    packageIndex = ownIndex;
                } else {
                    Entry parent = all.get(parts[0] + ":" + parts[1]);
                    if (parts.length != 3
                            || parent == null
                            || RaplDomain.ofZoneName(parent.name()) != RaplDomain.PACKAGE) {
                        return null;
                    }
                    packageIndex =
                            parseInt(
                                    parent.name().substring(parent.name().lastIndexOf('-') + 1),
                                    ownIndex);
                }
                deviceId = "dram-" + packageIndex;
            }
            case PSYS -> {
                if (!topLevel) {
                    return null;
                }
                packageIndex = -1;
                deviceId = "psys";
            }
            default -> {
                return null;
            }
        }
        OptionalLong max;
        try {
            max =
                    OptionalLong.of(
                            Long.parseUnsignedLong(
                                    files.read(e.dir().resolve("max_energy_range_uj"))));
        } catch (IOException | NumberFormatException ex) {
            max = OptionalLong.empty();
        }
        return new RaplZone(
                e.dir(),
                e.zoneDir(),
                e.name(),
                domain,
                deviceId,
                packageIndex,
                e.zoneDir().startsWith(MMIO_PREFIX),
                max);
    }

    private static int parseInt(String s, int fallback) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
