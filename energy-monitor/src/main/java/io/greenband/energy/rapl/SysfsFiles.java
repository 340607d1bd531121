package io.greenband.energy.rapl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads small sysfs files; a seam so tests can deny access even when they run as root. */
@FunctionalInterface
public interface SysfsFiles {

    /** The file's content, trimmed. */
    String read(Path file) throws IOException;

    /** Reads from the file system. */
    static SysfsFiles direct() {
        return file -> Files.readString(file).trim();
    }
}
