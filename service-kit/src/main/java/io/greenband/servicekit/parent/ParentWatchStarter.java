package io.greenband.servicekit.parent;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * With {@code greenband.parent-pid} set (env {@code GREENBAND_PARENT_PID}, as {@code greenband
 * local} sets it), stops this service when that process ends: first a clean shutdown, then, should
 * that hang, a halt.
 */
@ApplicationScoped
public class ParentWatchStarter {

    /** How long a clean shutdown may take after the parent is gone before the JVM is halted. */
    static final long HALT_AFTER_MILLIS = 30_000;

    private static final System.Logger LOG = System.getLogger(ParentWatchStarter.class.getName());

    @ConfigProperty(name = "greenband.parent-pid")
    Optional<String> parentPid;

    void onStart(@Observes StartupEvent event) {
        ParentWatch.parsePid(parentPid)
                .ifPresent(
                        pid -> {
                            LOG.log(
                                    System.Logger.Level.INFO,
                                    "stopping when process " + pid + " (the launcher) ends");
                            ParentWatch.watch(pid, () -> stop(pid));
                        });
    }

    private static void stop(long pid) {
        LOG.log(
                System.Logger.Level.WARNING,
                "process " + pid + " that launched this service is gone; stopping");
        Thread halt =
                new Thread(
                        () -> {
                            try {
                                Thread.sleep(HALT_AFTER_MILLIS);
                            } catch (InterruptedException e) {
                                return;
                            }
                            Runtime.getRuntime().halt(1);
                        },
                        "greenband-parent-gone-halt");
        halt.setDaemon(true);
        halt.start();
        // System.exit runs Quarkus' shutdown hook; from its own thread so the watcher's pool is not
        // blocked.
        Thread exit = new Thread(() -> System.exit(1), "greenband-parent-gone-exit");
        exit.start();
    }
}
