package dev.proofgate.gate.machine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One reading of where this machine's CPU went, from Linux's /proc: the machine's busy and stolen
 * clock ticks ({@code /proc/stat}), the 1-minute load average, and the ticks of every process with its
 * parent. Two readings give the CPU the gate's own processes used between them, and the rest: what
 * other work on the machine took (the <em>foreign</em> CPU).
 *
 * <p>The gate's own processes: this JVM and its descendants (the embedded platform, its Python workers),
 * its ancestors (Maven, the self-check), and what the environment names as its own on this machine
 * (the embedded database's postmaster and its children, the platform's and database's containers).
 * A process's ticks include those of its children that ended and were waited for, so a platform that
 * was killed and reaped stays counted as the gate's.
 */
record CpuAccount(
        long nanoTime, long totalTicks, long busyTicks, long stealTicks, double load1, Map<Long, Proc> processes) {

    /** One process: its parent, its own ticks, and those of its children that ended and were waited for. */
    record Proc(long pid, long parent, long ownTicks, long reapedTicks) {}

    private static final Path PROC = Path.of("/proc");

    static boolean available() {
        return Files.isReadable(PROC.resolve("stat"));
    }

    static CpuAccount read() {
        long now = System.nanoTime();
        long[] cpu = cpuLine();
        long total = 0;
        for (long ticks : cpu) {
            total += ticks;
        }
        long idle = cpu[3] + (cpu.length > 4 ? cpu[4] : 0);
        long steal = cpu.length > 7 ? cpu[7] : 0;
        // guest time is already counted in user time; the first 8 fields are the whole
        long whole = 0;
        for (int i = 0; i < Math.min(8, cpu.length); i++) {
            whole += cpu[i];
        }
        return new CpuAccount(now, whole, whole - idle - steal, steal, readLoad1(), readProcesses());
    }

    /** The gate's processes in this reading: the roots, all their descendants, and the ancestors of this JVM. */
    Set<Long> own(Collection<Long> roots) {
        Map<Long, List<Long>> children = new HashMap<>();
        processes
                .values()
                .forEach(p -> children.computeIfAbsent(p.parent(), k -> new java.util.ArrayList<>())
                        .add(p.pid()));
        Set<Long> own = new HashSet<>();
        Deque<Long> todo = new ArrayDeque<>(roots);
        while (!todo.isEmpty()) {
            long pid = todo.pop();
            if (processes.containsKey(pid) && own.add(pid)) {
                todo.addAll(children.getOrDefault(pid, List.of()));
            }
        }
        return own;
    }

    /** This JVM's ancestors up to (not including) the machine's first process: their own ticks only. */
    Set<Long> ancestors() {
        Set<Long> ancestors = new HashSet<>();
        Proc self = processes.get(ProcessHandle.current().pid());
        long parent = self == null ? 0 : self.parent();
        while (parent > 1 && processes.containsKey(parent) && ancestors.add(parent)) {
            parent = processes.get(parent).parent();
        }
        return ancestors;
    }

    private static long[] cpuLine() {
        try {
            String first = Files.readAllLines(PROC.resolve("stat"), StandardCharsets.US_ASCII)
                    .get(0);
            String[] parts = first.trim().split("\\s+");
            long[] ticks = new long[parts.length - 1];
            for (int i = 1; i < parts.length; i++) {
                ticks[i - 1] = Long.parseLong(parts[i]);
            }
            return ticks;
        } catch (IOException | RuntimeException e) {
            return new long[8];
        }
    }

    private static double readLoad1() {
        try {
            return Double.parseDouble(
                    Files.readString(PROC.resolve("loadavg")).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static Map<Long, Proc> readProcesses() {
        Map<Long, Proc> processes = new HashMap<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(
                PROC, path -> isNumber(path.getFileName().toString()))) {
            for (Path entry : entries) {
                Proc proc = process(entry);
                if (proc != null) {
                    processes.put(proc.pid(), proc);
                }
            }
        } catch (IOException e) {
            return processes;
        }
        return processes;
    }

    /** Fields after the command name, which may hold spaces and parentheses: state, ppid, ... utime(14), stime(15), cutime(16), cstime(17). */
    static Proc parse(long pid, String stat) {
        int end = stat.lastIndexOf(')');
        if (end < 0) {
            return null;
        }
        String[] f = stat.substring(end + 2).trim().split(" ");
        if (f.length < 15) {
            return null;
        }
        return new Proc(
                pid,
                Long.parseLong(f[1]),
                Long.parseLong(f[11]) + Long.parseLong(f[12]),
                Long.parseLong(f[13]) + Long.parseLong(f[14]));
    }

    private static Proc process(Path entry) {
        try {
            return parse(
                    Long.parseLong(entry.getFileName().toString()),
                    Files.readString(entry.resolve("stat"), StandardCharsets.US_ASCII));
        } catch (IOException | RuntimeException gone) {
            return null; // ended between the listing and the read
        }
    }

    private static boolean isNumber(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (!Character.isDigit(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
