package io.greenband.servicekit.parent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ParentWatchTest {

    @Test
    void runsTheActionOnlyOnceTheWatchedProcessIsKilled() throws Exception {
        Process parent = new ProcessBuilder("sleep", "120").start();
        try {
            AtomicBoolean gone = new AtomicBoolean();
            CompletableFuture<Void> done = ParentWatch.watch(parent.pid(), () -> gone.set(true));
            Thread.sleep(300);
            assertThat(gone).as("action while the process runs").isFalse();
            parent.destroyForcibly();
            done.get(30, TimeUnit.SECONDS);
            assertThat(gone).isTrue();
        } finally {
            parent.destroyForcibly();
        }
    }

    @Test
    void aProcessAlreadyGoneRunsTheActionAtOnce() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor(30, TimeUnit.SECONDS);
        AtomicBoolean gone = new AtomicBoolean();
        ParentWatch.watch(p.pid(), () -> gone.set(true)).get(30, TimeUnit.SECONDS);
        assertThat(gone).isTrue();
    }

    @Test
    void theSettingIsAPositiveProcessIdOrNothing() {
        assertThat(ParentWatch.parsePid(Optional.empty())).isEmpty();
        assertThat(ParentWatch.parsePid(Optional.of("  "))).isEmpty();
        assertThat(ParentWatch.parsePid(Optional.of(" 4242 "))).contains(4242L);
        assertThatThrownBy(() -> ParentWatch.parsePid(Optional.of("12; rm")))
                .hasMessageContaining("greenband.parent-pid");
        assertThatThrownBy(() -> ParentWatch.parsePid(Optional.of("0")))
                .hasMessageContaining("positive");
    }
}
