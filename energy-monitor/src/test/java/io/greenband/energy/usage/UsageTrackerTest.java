package io.greenband.energy.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsageTrackerTest {

    @TempDir Path proc;

    private void host(long busyTicks) throws IOException {
        // user nice system idle iowait irq softirq steal: steal (last) is not this host's work.
        Files.writeString(
                proc.resolve("stat"),
                "cpu  " + busyTicks + " 0 0 5000 0 0 0 777\ncpu0 1 0 0 0\ncpu1 1 0 0 0\n");
        Files.writeString(
                proc.resolve("meminfo"),
                "MemTotal:       8000000 kB\nMemAvailable:   6000000 kB\n");
    }

    private void process(
            long pid, String name, long ppid, long utime, long stime, long cutime, long rssPages)
            throws IOException {
        Path dir = Files.createDirectories(proc.resolve(Long.toString(pid)));
        StringBuilder f = new StringBuilder(pid + " (" + name + ") S " + ppid);
        for (int field = 5; field <= 24; field++) {
            long v =
                    switch (field) {
                        case 14 -> utime;
                        case 15 -> stime;
                        case 16 -> cutime;
                        case 24 -> rssPages;
                        default -> 0;
                    };
            f.append(' ').append(v);
        }
        Files.writeString(dir.resolve("stat"), f.append(" 0 0 0\n").toString());
    }

    private void gone(long pid) throws IOException {
        Files.delete(proc.resolve(pid + "/stat"));
        Files.delete(proc.resolve(Long.toString(pid)));
    }

    @Test
    void treesSumDescendantsAndKeepTheTimeOfReapedChildren() throws IOException {
        host(1000);
        process(1, "init", 0, 10, 0, 0, 100);
        process(50, "trainer (jvm) x", 1, 200, 50, 0, 1000);
        process(51, "trial", 50, 100, 0, 0, 500);
        process(60, "yes", 1, 300, 0, 0, 10);
        UsageTracker tracker = new UsageTracker(new ProcessTable(proc), 256);
        tracker.tick();
        // Next second: the trial used 0.8 s and exited (reaped: its time moves into the trainer's
        // cutime), a new
        // child started and used 0.1 s, the foreign process used 1 s.
        host(1000 + 200);
        gone(51);
        process(50, "trainer (jvm) x", 1, 205, 50, 180, 1000);
        process(52, "trial2", 50, 10, 0, 0, 300);
        process(60, "yes", 1, 400, 0, 0, 10);
        tracker.tick();
        WindowUsage w = tracker.closeWindow().orElseThrow();
        assertThat(w.hostCpuSeconds()).isCloseTo(2.0, within(1e-9));
        assertThat(w.cpuCount()).isEqualTo(2);
        assertThat(w.memTotalBytes()).isEqualTo(8_000_000L * 1024);
        assertThat(w.memUsedBytes().getAsLong()).isEqualTo(2_000_000L * 1024);
        // Trainer tree: 350 -> 445 ticks (its own 5, the reaped 80 of pid 51, the new child's 10).
        assertThat(w.cpuSecondsOf(50)).isCloseTo(0.95, within(1e-9));
        assertThat(w.cpuSecondsOf(52)).isCloseTo(0.10, within(1e-9));
        assertThat(w.cpuSecondsOf(60)).isCloseTo(1.0, within(1e-9));
        assertThat(w.cpuSecondsOf(1)).isCloseTo(1.95, within(1e-9));
        assertThat(w.trees().get(0).pid()).isEqualTo(1);
        assertThat(
                        w.trees().stream()
                                .filter(t -> t.pid() == 50)
                                .findFirst()
                                .orElseThrow()
                                .rssBytes())
                .isEqualTo(1300L * 4096);
        assertThat(w.truncated()).isFalse();

        // A window in which nothing ran lists nothing; the exited pid is forgotten.
        tracker.tick();
        WindowUsage idle = tracker.closeWindow().orElseThrow();
        assertThat(idle.trees()).isEmpty();
        assertThat(idle.hostCpuSeconds()).isZero();
    }

    @Test
    void listsOnlyTheBusiestTreesAndSaysSo() throws IOException {
        host(0);
        for (int pid = 2; pid < 12; pid++) {
            process(pid, "p" + pid, 1, 0, 0, 0, 1);
        }
        UsageTracker tracker = new UsageTracker(new ProcessTable(proc), 3);
        tracker.tick();
        host(100);
        for (int pid = 2; pid < 12; pid++) {
            process(pid, "p" + pid, 1, pid, 0, 0, 1);
        }
        tracker.tick();
        WindowUsage w = tracker.closeWindow().orElseThrow();
        assertThat(w.truncated()).isTrue();
        assertThat(w.trees()).extracting(WindowUsage.TreeUse::pid).containsExactly(11L, 10L, 9L);
    }

    @Test
    void nothingBeforeTwoReadings() throws IOException {
        host(0);
        UsageTracker tracker = new UsageTracker(new ProcessTable(proc), 8);
        assertThat(tracker.closeWindow()).isEmpty();
        tracker.tick();
        assertThat(tracker.closeWindow()).isEmpty();
    }

    @Test
    void readsThisProcessOnTheRealProcFileSystem() throws Exception {
        Path real = Path.of("/proc/self/stat");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(real), "needs Linux /proc");
        UsageTracker tracker = new UsageTracker(new ProcessTable(Path.of("/proc")), 256);
        long pid = ProcessHandle.current().pid();
        var threads = ManagementFactory.getThreadMXBean();
        tracker.tick();
        long before = threads.getCurrentThreadCpuTime();
        long x = 0;
        long until = System.nanoTime() + 400_000_000L;
        while (System.nanoTime() < until) {
            x += Long.numberOfTrailingZeros(x + System.nanoTime());
        }
        double spun = (threads.getCurrentThreadCpuTime() - before) / 1e9;
        tracker.tick();
        WindowUsage w = tracker.closeWindow().orElseThrow();
        assertThat(x).isNotNegative();
        // This JVM's tree used at least what this thread spun (clock ticks are 10 ms), and the host
        // at least as much.
        assertThat(w.cpuSecondsOf(pid)).isGreaterThanOrEqualTo(spun - 0.05);
        assertThat(w.hostCpuSeconds()).isGreaterThanOrEqualTo(w.cpuSecondsOf(pid) - 0.05);
    }
}
