package io.greenband.energy.estimate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * Reads {@code MemTotal} from {@code /proc/meminfo}: the one parser the estimates and the machine
 * facts share.
 */
public final class MemInfo {

    private MemInfo() {}

    /** {@code MemTotal} of {@code /proc/meminfo} lines in bytes, empty without a readable line. */
    public static OptionalLong totalBytes(List<String> lines) {
        for (String l : lines) {
            if (l.startsWith("MemTotal:")) {
                String[] f = l.substring("MemTotal:".length()).trim().split("\\s+");
                try {
                    long kb = Long.parseLong(f[0]);
                    // The kernel's "kB" is KiB; a value that would overflow is not believed.
                    return kb >= 0 && kb <= Long.MAX_VALUE / 1024
                            ? OptionalLong.of(kb * 1024)
                            : OptionalLong.empty();
                } catch (NumberFormatException e) {
                    return OptionalLong.empty();
                }
            }
        }
        return OptionalLong.empty();
    }

    /** {@code MemTotal} of a meminfo file in bytes, empty when unreadable. */
    public static OptionalLong totalBytes(Path meminfo) {
        try {
            return totalBytes(Files.readAllLines(meminfo));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }
}
