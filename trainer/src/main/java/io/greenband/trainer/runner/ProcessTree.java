package io.greenband.trainer.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts a trial's program as the leader of its own process group (through {@code setsid} where the
 * system has it) and kills the whole tree: the group (which catches children that left the tree by
 * double-forking), then every descendant still known, then the program. Nothing a trial started
 * outlives its timeout, cancellation or the trainer's shutdown.
 */
final class ProcessTree {

    /** {@code setsid}, or null where the system has none (then only the descendants are killed). */
    static final Path SETSID = find("/usr/bin/setsid", "/bin/setsid");

    private static final Path KILL = find("/usr/bin/kill", "/bin/kill");

    private ProcessTree() {}

    /**
     * argv prefixed so that the program leads a new session and process group (its pid stays the
     * program's).
     */
    static List<String> detached(List<String> argv) {
        if (SETSID == null) {
            return argv;
        }
        List<String> all = new ArrayList<>(argv.size() + 1);
        all.add(SETSID.toString());
        all.addAll(argv);
        return all;
    }

    /** Kills {@code process}, its process group and every descendant, forcibly. */
    static void kill(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        if (SETSID != null && KILL != null) {
            try {
                // A negative pid names the group the program leads: children that double-forked
                // away are in it.
                Process k =
                        new ProcessBuilder(KILL.toString(), "-KILL", "--", "-" + process.pid())
                                .redirectErrorStream(true)
                                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                                .start();
                k.waitFor(5, TimeUnit.SECONDS);
            } catch (IOException e) {
                // fall back to the descendants below
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        descendants.forEach(ProcessHandle::destroyForcibly);
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private static Path find(String... candidates) {
        for (String c : candidates) {
            Path p = Path.of(c);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }
}
