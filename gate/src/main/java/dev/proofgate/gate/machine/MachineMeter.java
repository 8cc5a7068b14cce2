package dev.proofgate.gate.machine;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Measures, for the whole run, how much of the machine the gate had: every half second it reads where
 * the machine's CPU went ({@link CpuAccount}), and a thread that asks to sleep 1 ms at a time records
 * how late it woke (a hiccup meter, as jHiccup does, into an HdrHistogram). A timed measurement opens a
 * {@link Window} before it starts and closes it when it ends; the window's {@link Disturbance} says
 * how much of the machine the measurement had.
 *
 * <p>One meter per suite JVM, started before the environment so that the load before the run is known.
 */
public final class MachineMeter {

    private static final long SAMPLE_MILLIS = 500;
    private static final long HICCUP_RESOLUTION_NANOS = 1_000_000;
    private static MachineMeter instance;

    private final Disturbance.Thresholds thresholds;
    private final int cores = Runtime.getRuntime().availableProcessors();
    private final boolean procAvailable = CpuAccount.available();
    private final Recorder hiccups = new Recorder(60_000_000L, 2);
    private final List<Window> open = new CopyOnWriteArrayList<>();
    private final List<Judgement> judgements = new CopyOnWriteArrayList<>();
    private final Map<Long, Boolean> inContainer = new HashMap<>();
    private volatile Supplier<OwnParts> parts = OwnParts::none;
    private final Window run;
    private final double load1AtStart;
    private CpuAccount last;

    /** What the environment runs on this machine for the gate, beyond this JVM's own children. */
    public record OwnParts(List<Long> pids, List<String> containerIds) {
        public static OwnParts none() {
            return new OwnParts(List.of(), List.of());
        }

        /** The postmaster's pid from its pid file (first line), if the database runs. */
        public static List<Long> pidFromFile(Path pidFile) {
            try {
                return List.of(Long.parseLong(Files.readAllLines(pidFile, StandardCharsets.US_ASCII)
                        .get(0)
                        .trim()));
            } catch (Exception notRunning) {
                return List.of();
            }
        }
    }

    /** How a timed row was judged; whether it was measured a second time. */
    public enum Outcome {
        WITHIN(false),
        BREACHED_ON_A_FIT_MACHINE(false),
        WITHIN_WHEN_MEASURED_AGAIN(true),
        BREACHED_AGAIN_ON_A_FIT_MACHINE(true),
        NOT_JUDGED(false),
        NOT_JUDGED_WHEN_MEASURED_AGAIN(true);

        private final boolean remeasured;

        Outcome(boolean remeasured) {
            this.remeasured = remeasured;
        }

        public boolean remeasured() {
            return remeasured;
        }

        public boolean notJudged() {
            return this == NOT_JUDGED || this == NOT_JUDGED_WHEN_MEASURED_AGAIN;
        }
    }

    /** A timed measurement as it was judged: for the verdict's machine panel. */
    public record Judgement(String what, Disturbance disturbance, Outcome outcome) {}

    private MachineMeter(Disturbance.Thresholds thresholds) {
        this.thresholds = thresholds;
        this.last = procAvailable ? CpuAccount.read() : null;
        this.load1AtStart = last == null ? -1 : last.load1();
        this.run = new Window();
        open.add(run);
        Thread sampler = new Thread(this::sampleForever, "proofgate-machine-meter");
        sampler.setDaemon(true);
        sampler.start();
        Thread hiccup = new Thread(this::measureHiccups, "proofgate-hiccup-meter");
        hiccup.setDaemon(true);
        hiccup.start();
    }

    /** The run's meter, started on first use. */
    public static synchronized MachineMeter start(Disturbance.Thresholds thresholds) {
        if (instance == null) {
            instance = new MachineMeter(thresholds);
        }
        return instance;
    }

    /** The run's meter; started with the default thresholds if nothing started it (a step run outside the suite). */
    public static synchronized MachineMeter get() {
        return instance != null ? instance : start(Disturbance.Thresholds.configured());
    }

    public static synchronized boolean started() {
        return instance != null;
    }

    /** Names what the environment runs on this machine (database, containers), asked at every reading. */
    public void ownParts(Supplier<OwnParts> parts) {
        this.parts = parts;
    }

    public Disturbance.Thresholds thresholds() {
        return thresholds;
    }

    public int cores() {
        return cores;
    }

    public double load1AtStart() {
        return load1AtStart;
    }

    /** Opens a window for one timed measurement. */
    public Window open() {
        Window window = new Window();
        tick();
        open.add(window);
        return window;
    }

    /** The whole run so far. */
    public Disturbance runSoFar() {
        tick();
        return run.summary();
    }

    public void record(Judgement judgement) {
        judgements.add(judgement);
    }

    public List<Judgement> judgements() {
        return List.copyOf(judgements);
    }

    /** The panel for the verdict: the run so far and every timed row judged in it. */
    public MachineSummary summary() {
        return MachineSummary.of(this);
    }

    /**
     * Waits up to {@code atMost} for a calm second (foreign CPU and steal under their thresholds) and
     * returns whether one came: a measurement taken again is taken on the calmest machine within reach.
     */
    public boolean awaitCalm(Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        do {
            Window second = open();
            sleep(1000);
            if (!second.close().disturbed()) {
                return true;
            }
        } while (System.nanoTime() < deadline);
        return false;
    }

    private void sampleForever() {
        while (true) {
            sleep(SAMPLE_MILLIS);
            try {
                tick();
            } catch (RuntimeException e) {
                // a reading that failed is skipped; the next one covers its interval
            }
        }
    }

    private void measureHiccups() {
        while (true) {
            long before = System.nanoTime();
            sleep(1);
            long late = System.nanoTime() - before - HICCUP_RESOLUTION_NANOS;
            hiccups.recordValue(Math.max(0, Math.min(late / 1000, 60_000_000L)));
        }
    }

    /** One reading: the interval since the last one is added to every open window. */
    private synchronized void tick() {
        Histogram hiccupsInInterval = hiccups.getIntervalHistogram();
        if (!procAvailable) {
            open.forEach(window -> window.add(System.nanoTime(), 0, 0, 0, 0, 0, -1, hiccupsInInterval));
            return;
        }
        CpuAccount now = CpuAccount.read();
        long total = now.totalTicks() - last.totalTicks();
        if (total <= 0) {
            return; // less than a tick since the last reading: the next one covers it
        }
        OwnParts own = parts.get();
        List<Long> roots = new ArrayList<>(own.pids());
        roots.add(ProcessHandle.current().pid());
        roots.addAll(containerProcesses(now, own.containerIds()));
        Set<Long> ownSet = now.own(roots);
        Set<Long> ancestors = now.ancestors();
        long ownTicks = 0;
        for (long pid : ownSet) {
            ownTicks += delta(now, last, pid, true);
        }
        for (long pid : ancestors) {
            if (!ownSet.contains(pid)) {
                ownTicks += delta(now, last, pid, false);
            }
        }
        long busy = now.busyTicks() - last.busyTicks();
        long foreign = Math.max(0, busy - ownTicks);
        long suite = delta(now, last, ProcessHandle.current().pid(), false);
        long steal = now.stealTicks() - last.stealTicks();
        for (Window window : open) {
            window.add(now.nanoTime(), total, foreign, steal, suite, now.load1(), last.load1(), hiccupsInInterval);
        }
        last = now;
    }

    private static long delta(CpuAccount now, CpuAccount before, long pid, boolean withReaped) {
        CpuAccount.Proc after = now.processes().get(pid);
        if (after == null) {
            return 0;
        }
        CpuAccount.Proc earlier = before.processes().get(pid);
        long ticksNow = after.ownTicks() + (withReaped ? after.reapedTicks() : 0);
        long ticksBefore = earlier == null ? 0 : earlier.ownTicks() + (withReaped ? earlier.reapedTicks() : 0);
        return ticksNow >= ticksBefore ? ticksNow - ticksBefore : ticksNow; // a smaller count: the pid was reused
    }

    /** The processes of the named containers, found by the container id in their control group (read once per process). */
    private List<Long> containerProcesses(CpuAccount now, List<String> containerIds) {
        if (containerIds.isEmpty()) {
            return List.of();
        }
        List<Long> pids = new ArrayList<>();
        inContainer.keySet().retainAll(now.processes().keySet());
        for (long pid : now.processes().keySet()) {
            boolean member = inContainer.computeIfAbsent(pid, p -> {
                try {
                    String cgroup = Files.readString(Path.of("/proc", Long.toString(p), "cgroup"));
                    return containerIds.stream().anyMatch(id -> id != null && cgroup.contains(id));
                } catch (Exception gone) {
                    return false;
                }
            });
            if (member) {
                pids.add(pid);
            }
        }
        return pids;
    }

    private static void sleep(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The readings between a measurement's start and its end. */
    public final class Window {
        private final long openedAt = System.nanoTime();
        private final Histogram hiccupsSeen = new Histogram(60_000_000L, 2);
        private final List<Disturbance.Point> series = new ArrayList<>();
        private long ticks;
        private long foreign;
        private long steal;
        private long suite;
        private double load1Before = -1;
        private double load1Max = -1;
        private Disturbance closed;

        private synchronized void add(
                long at,
                long ticks,
                long foreign,
                long steal,
                long suite,
                double load1,
                double load1Before,
                Histogram hiccupsInInterval) {
            this.ticks += ticks;
            this.foreign += foreign;
            this.steal += steal;
            this.suite += suite;
            if (this.load1Before < 0) {
                this.load1Before = load1Before;
            }
            this.load1Max = Math.max(load1Max, load1);
            hiccupsSeen.add(hiccupsInInterval);
            series.add(new Disturbance.Point(
                    TimeUnit.NANOSECONDS.toMillis(at - openedAt),
                    percent(foreign, ticks),
                    hiccupsInInterval.getMaxValue() / 1000.0));
        }

        /** Closes the window (once) and says how disturbed the machine was while it was open. */
        public Disturbance close() {
            tick(); // outside this window's lock: the sampler holds the meter's lock while it adds to windows
            synchronized (this) {
                if (closed == null) {
                    open.remove(this);
                    closed = summary();
                }
                return closed;
            }
        }

        private synchronized Disturbance summary() {
            return new Disturbance(
                    Duration.ofNanos(System.nanoTime() - openedAt),
                    cores,
                    procAvailable && ticks > 0,
                    percent(foreign, ticks),
                    percent(steal, ticks),
                    percent(suite, ticks),
                    hiccupsSeen.getTotalCount() == 0 ? 0 : hiccupsSeen.getValueAtPercentile(99) / 1000.0,
                    hiccupsSeen.getMaxValue() / 1000.0,
                    load1Before,
                    load1Max,
                    thresholds,
                    List.copyOf(series));
        }

        private static double percent(long part, long whole) {
            return whole <= 0 ? 0 : 100.0 * part / whole;
        }
    }
}
