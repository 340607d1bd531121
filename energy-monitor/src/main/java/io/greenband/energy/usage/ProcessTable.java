package io.greenband.energy.usage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@code /proc}-style tree: every process's parent, CPU ticks and resident pages, the
 * host's busy CPU ticks ({@code stat}) and its memory ({@code meminfo}). Processes vanishing while
 * read are skipped.
 */
public final class ProcessTable {

    /** Bound on the processes read per scan, so a runaway host cannot make a tick unbounded. */
    static final int MAX_PROCESSES = 65_536;

    private final Path root;

    /** Reused for every stat file: a scan runs on one thread (the sampler's). */
    private final ByteBuffer buffer = ByteBuffer.allocate(4096);

    /** A reader of {@code root} (normally {@code /proc}). */
    public ProcessTable(Path root) {
        this.root = root;
    }

    /**
     * One process.
     *
     * @param ppid parent pid
     * @param ticks utime + stime + cutime + cstime (reaped children included), in clock ticks
     * @param rssPages resident pages
     */
    record Proc(long ppid, long ticks, long rssPages) {}

    /**
     * One scan.
     *
     * @param procs processes by pid
     * @param hostBusyTicks user + nice + system + irq + softirq of the aggregate cpu line (steal
     *     excluded)
     * @param cpuCount logical CPUs listed in {@code stat}
     * @param memTotalKb {@code MemTotal}, 0 when unknown
     * @param memAvailKb {@code MemAvailable}, -1 when unknown
     */
    record Scan(
            Map<Long, Proc> procs,
            long hostBusyTicks,
            int cpuCount,
            long memTotalKb,
            long memAvailKb) {}

    /** Reads everything once; fails only when {@code stat} cannot be read. */
    Scan scan() throws IOException {
        long busy = -1;
        int cpus = 0;
        for (String line : Files.readAllLines(root.resolve("stat"))) {
            if (line.startsWith("cpu ")) {
                String[] f = line.trim().split("\\s+");
                long[] v = new long[7];
                for (int i = 0; i < v.length && i + 1 < f.length; i++) {
                    v[i] = Long.parseLong(f[i + 1]);
                }
                busy = v[0] + v[1] + v[2] + v[5] + v[6];
            } else if (line.startsWith("cpu")) {
                cpus++;
            }
        }
        if (busy < 0) {
            throw new IOException(root.resolve("stat") + " has no aggregate cpu line");
        }
        long total = 0;
        long avail = -1;
        try {
            for (String line : Files.readAllLines(root.resolve("meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    total = kb(line);
                } else if (line.startsWith("MemAvailable:")) {
                    avail = kb(line);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Memory is optional: the RSS split then has nothing to divide by and falls back.
        }
        Map<Long, Proc> procs = new HashMap<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, ProcessTable::isPid)) {
            for (Path dir : dirs) {
                if (procs.size() >= MAX_PROCESSES) {
                    break;
                }
                try (FileChannel ch =
                        FileChannel.open(dir.resolve("stat"), StandardOpenOption.READ)) {
                    buffer.clear();
                    while (ch.read(buffer) > 0 && buffer.hasRemaining()) {
                        // A stat line is a few hundred bytes: one read nearly always takes it all.
                    }
                    long pid = Long.parseLong(dir.getFileName().toString());
                    procs.put(pid, parse(buffer.array(), buffer.position()));
                } catch (IOException | RuntimeException e) {
                    // Gone since listed, or unreadable: its time shows up in its parent's once
                    // reaped.
                }
            }
        }
        return new Scan(procs, busy, Math.max(1, cpus), total, avail);
    }

    private static boolean isPid(Path p) {
        String n = p.getFileName().toString();
        if (n.isEmpty() || n.length() > 10) {
            return false;
        }
        for (int i = 0; i < n.length(); i++) {
            if (!Character.isDigit(n.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Parses {@code /proc/<pid>/stat} text. */
    static Proc parse(String stat) {
        byte[] b = stat.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        return parse(b, b.length);
    }

    /**
     * Parses the first {@code len} bytes of a {@code /proc/<pid>/stat} line without allocating per
     * field. The command name may hold spaces and parentheses, so fields start after the last ')'.
     */
    static Proc parse(byte[] b, int len) {
        int i = len - 1;
        while (i >= 0 && b[i] != ')') {
            i--;
        }
        if (i < 0) {
            throw new IllegalArgumentException("no ')' in a process stat line");
        }
        // Fields of proc(5), numbered from 3 (state) after the name: ppid 4, utime 14, stime 15,
        // cutime 16,
        // cstime 17, rss 24.
        long[] v = new long[25];
        int field = 2;
        i++;
        while (i < len && field < 24) {
            while (i < len && b[i] == ' ') {
                i++;
            }
            if (i >= len || b[i] == '\n') {
                break;
            }
            field++;
            boolean negative = b[i] == '-';
            if (negative) {
                i++;
            }
            long n = 0;
            while (i < len && b[i] >= '0' && b[i] <= '9') {
                n = n * 10 + (b[i] - '0');
                i++;
            }
            while (i < len && b[i] != ' ' && b[i] != '\n') {
                i++; // the state letter, or anything not numeric
            }
            v[field] = negative ? -n : n;
        }
        if (field < 24) {
            throw new IllegalArgumentException(
                    "process stat line has only " + (field - 2) + " fields after the name");
        }
        long ticks = v[14] + v[15] + Math.max(0, v[16]) + Math.max(0, v[17]);
        return new Proc(v[4], ticks, Math.max(0, v[24]));
    }

    private static long kb(String line) {
        List<String> f = List.of(line.trim().split("\\s+"));
        return Long.parseLong(f.get(1));
    }
}
