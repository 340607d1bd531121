package io.greenband.servicekit.parent;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Waits for a process to end and then runs an action. A service launched by {@code greenband local}
 * watches the launching process this way, so a supervisor killed with SIGKILL (whose shutdown hook
 * never runs) leaves no service behind. Plain Java: {@link ProcessHandle#onExit()} also works for
 * processes that are not our children.
 */
public final class ParentWatch {

    private ParentWatch() {}

    /**
     * Runs {@code onGone} once process {@code pid} has ended, or at once when it does not run now.
     *
     * @return completes when {@code onGone} has been run
     */
    public static CompletableFuture<Void> watch(long pid, Runnable onGone) {
        Optional<ProcessHandle> parent = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (parent.isEmpty()) {
            return CompletableFuture.runAsync(onGone);
        }
        return parent.get().onExit().thenRun(onGone);
    }

    /**
     * The pid in {@code value} (the {@code greenband.parent-pid} setting), or empty when unset or
     * blank.
     *
     * @throws IllegalArgumentException when it is not a positive whole number
     */
    public static Optional<Long> parsePid(Optional<String> value) {
        Optional<String> text = value.map(String::strip).filter(v -> !v.isEmpty());
        if (text.isEmpty()) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(text.get());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "greenband.parent-pid must be a process id, was '" + text.get() + "'");
        }
        if (pid < 1) {
            throw new IllegalArgumentException("greenband.parent-pid must be positive, was " + pid);
        }
        return Optional.of(pid);
    }
}
