package io.greenband.energy.rapl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds a fake {@code /sys/class/powercap} tree in a test directory. */
final class PowercapTree {

    private final Path root;

    PowercapTree(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    /**
     * Adds a zone at {@code relative} (e.g. {@code intel-rapl:0/intel-rapl:0:1}); {@code maxUj}
     * null = no file.
     */
    Path zone(String relative, String name, long energyUj, Long maxUj) {
        try {
            Path dir = root.resolve(relative);
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("name"), name + "\n");
            Files.writeString(dir.resolve("energy_uj"), energyUj + "\n");
            if (maxUj != null) {
                Files.writeString(dir.resolve("max_energy_range_uj"), maxUj + "\n");
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets a zone's counter. */
    void energy(Path zoneDir, long energyUj) {
        try {
            Files.writeString(zoneDir.resolve("energy_uj"), energyUj + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A typical two-package machine: packages with core and dram sub-zones, psys, an MMIO
     * duplicate.
     */
    static PowercapTree typical(Path root) {
        PowercapTree t = new PowercapTree(root);
        t.zone("intel-rapl:0", "package-0", 1_000_000, 262_143_328_850L);
        t.zone("intel-rapl:0/intel-rapl:0:0", "core", 500_000, 262_143_328_850L);
        t.zone("intel-rapl:0/intel-rapl:0:1", "dram", 200_000, 65_712_999_613L);
        t.zone("intel-rapl:1", "package-1", 2_000_000, 262_143_328_850L);
        t.zone("intel-rapl:1/intel-rapl:1:0", "dram", 300_000, 65_712_999_613L);
        t.zone("intel-rapl:2", "psys", 9_000_000, 262_143_328_850L);
        t.zone("intel-rapl-mmio:0", "package-0", 1_100_000, 262_143_328_850L);
        return t;
    }
}
