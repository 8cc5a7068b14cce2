package dev.proofgate.acceptance.faults;

import dev.proofgate.acceptance.drivers.database.ExecutionRecords;
import dev.proofgate.acceptance.drivers.rest.QuietClient;
import dev.proofgate.acceptance.environment.Environment;
import dev.proofgate.acceptance.environment.Faults;
import dev.proofgate.gate.machine.MachineMeter;
import dev.proofgate.gate.machine.TimedJudgement;
import dev.proofgate.gate.support.Evidence;
import dev.proofgate.gate.support.Waits;
import io.qameta.allure.Allure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * One fault scenario's run: the background questions, the faults injected through the environment's
 * {@link Faults}, what the platform said while they lasted, the recovery times measured, and in the
 * end the ledger reconciled against the API and the database. Scenario-scoped, closed with the world.
 */
public final class FaultRun implements AutoCloseable {

    /** The recovery measures a budget table may name. */
    public static final List<String> RECOVERY_MEASURES = List.of(
            "worker pool back at full strength",
            "ready again after the fault",
            "ready after the restart",
            "stopped after the request to stop",
            "serving again after the fault",
            "first completion after the fault");

    /** What a readiness probe saw while a fault lasted. */
    public record Sample(long at, boolean ready) {}

    private static final Duration FAST_POLL = Duration.ofMillis(10);

    private final Environment environment;
    private final Duration awaitBound;
    private final QuietClient client;
    private final Ledger ledger = new Ledger();
    private final SubmissionStream stream;
    private final Map<String, Duration> measured = new LinkedHashMap<>();
    private final Map<String, List<Sample>> readinessDuring = new LinkedHashMap<>();
    private ExecutionRecords records;
    private Reconciliation reconciliation;
    private MachineMeter.Window faultWindow;
    private Runnable lastFault;
    private String lastFaultName;

    public FaultRun(Environment environment, Duration awaitBound) {
        this.environment = environment;
        this.awaitBound = awaitBound;
        this.client = new QuietClient(environment.baseUrl(), environment.apiKey());
        this.stream = new SubmissionStream(client, ledger);
    }

    public Ledger ledger() {
        return ledger;
    }

    // --- load ------------------------------------------------------------------------------------

    public void startStream(Map<String, String> programsByAdapter, int perSecond) {
        stream.start(programsByAdapter, perSecond);
    }

    /** Lets the stream run on for {@code duration}: the load after the fault is part of the experiment. */
    public void keepStreaming(Duration duration) {
        if (!stream.running()) {
            throw new IllegalStateException("no questions are streaming in this scenario");
        }
        pause(duration.toMillis()); // the length of the experiment, not a wait for anything
    }

    /** One question outside the stream, answered before this returns; recorded in the ledger. */
    public Ledger.Entry submitOne(String adapter, String programId, String question) {
        return stream.send(adapter, programId, question).join();
    }

    /** Waits, bounded, until {@code count} accepted executions are running (or done), as the database sees them. */
    public void awaitRunning(int count) {
        List<String> ids = acceptedIds();
        awaitTrue(
                count + " accepted executions to be running",
                awaitBound,
                () -> records().read(ids).values().stream()
                                .filter(row -> !"queued".equals(row.status()))
                                .count()
                        >= count,
                () -> records().read(ids).values().toString());
    }

    // --- faults ----------------------------------------------------------------------------------

    public void killWorker(Faults faults) {
        timed("a Python worker killed", () -> killWorkerNow(faults));
    }

    private void killWorkerNow(Faults faults) {
        int strength = faults.liveWorkers();
        long pid = faults.killWorker();
        long killed = System.currentTimeMillis();
        ledger.fault(new Ledger.Fault("worker " + pid + " killed", killed, killed));
        long back = awaitTrue(
                "the worker pool back at " + strength + " live workers",
                awaitBound,
                () -> faults.liveWorkers() >= strength,
                () -> faults.liveWorkers() + " live workers");
        measured.put("worker pool back at full strength", Duration.ofMillis(back - killed));
        Evidence.text(
                "worker killed",
                "killed worker pid " + pid + "; pool strength before: " + strength + "; back at strength after "
                        + (back - killed) + " ms; live now: " + faults.liveWorkers());
    }

    public void databaseAway(Faults faults, Duration hold) {
        timed("the database away", () -> {
            faults.stopDatabase();
            hold("database away", hold, () -> faults.startDatabase());
            awaitReadyAgain();
        });
    }

    public void networkCut(Faults faults, Duration hold) {
        timed("the network to the database cut", () -> {
            faults.cutDatabaseNetwork();
            hold("network to the database cut", hold, faults::healDatabaseNetwork);
            awaitReadyAgain();
        });
    }

    public void networkSlow(Faults faults, Duration latency, Duration hold) {
        timed("the network to the database slowed", () -> {
            faults.slowDatabaseNetwork(latency);
            hold("network to the database slowed by " + latency.toMillis() + " ms", hold, faults::healDatabaseNetwork);
            awaitReadyAgain();
        });
    }

    public void resetConnections(Faults faults) {
        timed("the connections to the database reset", () -> {
            faults.resetDatabaseConnections();
            long reset = System.currentTimeMillis();
            ledger.fault(new Ledger.Fault("connections to the database reset", reset, reset));
            awaitReadyAgain();
        });
    }

    public void crashAndRestart(Faults faults) {
        timed("the platform crashed and started again", () -> crashAndRestartNow(faults));
    }

    private void crashAndRestartNow(Faults faults) {
        long crashed = System.currentTimeMillis();
        faults.crashPlatform();
        Duration ready = faults.startPlatform();
        long end = System.currentTimeMillis();
        ledger.fault(new Ledger.Fault("platform crashed", crashed, end));
        measured.put("ready after the restart", ready);
    }

    public void stopAndRestart(Faults faults, Duration atMost) {
        timed("the platform stopped and started again", () -> stopAndRestartNow(faults, atMost));
    }

    private void stopAndRestartNow(Faults faults, Duration atMost) {
        long asked = System.currentTimeMillis();
        Duration stopped = faults.stopPlatform(atMost);
        measured.put("stopped after the request to stop", stopped);
        Duration ready = faults.startPlatform();
        ledger.fault(new Ledger.Fault("platform stopped", asked, System.currentTimeMillis()));
        measured.put("ready after the restart", ready);
    }

    /** Holds a fault for its duration while asking, as a load balancer would, whether the platform is ready. */
    private void hold(String kind, Duration hold, Runnable remove) {
        long started = System.currentTimeMillis();
        List<Sample> samples = new ArrayList<>();
        long until = started + hold.toMillis();
        while (System.currentTimeMillis() < until) {
            boolean ready = client.ready();
            if (System.currentTimeMillis() < until) {
                samples.add(new Sample(System.currentTimeMillis(), ready));
            }
            pause(Math.min(200, Math.max(0, until - System.currentTimeMillis())));
        }
        remove.run();
        long ended = System.currentTimeMillis();
        ledger.fault(new Ledger.Fault(kind, started, ended));
        readinessDuring.put(kind, samples);
    }

    /** Paces the readiness probe during a fault: the fault's own duration, not a wait for anything. */
    private static void pause(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitReadyAgain() {
        long end = ledger.last().endedAt();
        long ready =
                awaitTrue("the platform to report ready after the fault", awaitBound, client::ready, () -> "not ready");
        measured.put("ready again after the fault", Duration.ofMillis(ready - end));
    }

    public List<Sample> readinessDuring(String kindPrefix) {
        return readinessDuring.entrySet().stream()
                .filter(e -> e.getKey().startsWith(kindPrefix))
                .map(Map.Entry::getValue)
                .reduce((a, b) -> b)
                .orElseThrow(
                        () -> new IllegalStateException("no fault '" + kindPrefix + "' was held in this scenario"));
    }

    public Ledger.Fault fault(String kindPrefix) {
        List<Ledger.Fault> faults = ledger.faults().stream()
                .filter(f -> f.kind().startsWith(kindPrefix))
                .toList();
        if (faults.isEmpty()) {
            throw new IllegalStateException("this step needs a fault '" + kindPrefix
                    + "' earlier in the scenario; there were: " + ledger.faults());
        }
        return faults.get(faults.size() - 1);
    }

    /**
     * Runs a fault inside a window of the machine meter that stays open until its recovery is measured,
     * and remembers it, so that a recovery breached on a disturbed machine can be measured again.
     */
    private void timed(String name, Runnable fault) {
        if (faultWindow != null) {
            faultWindow.close();
        }
        lastFaultName = name;
        lastFault = fault;
        faultWindow = MachineMeter.get().open();
        fault.run();
    }

    // --- recovery ---------------------------------------------------------------------------------

    /** The named recovery measures of the last fault, with how disturbed the machine was from the fault to now. */
    public TimedJudgement.Measured<Map<String, Duration>> recovery(List<String> names) {
        if (faultWindow == null) {
            throw new IllegalStateException(
                    "this step measures the recovery from a fault, and the scenario injected none");
        }
        Map<String, Duration> values = new LinkedHashMap<>();
        names.forEach(name -> values.put(name, measure(name)));
        return new TimedJudgement.Measured<>(values, faultWindow.close());
    }

    /** The last fault once more, and its recovery: for a recovery breached while the machine was disturbed. */
    public TimedJudgement.Measured<Map<String, Duration>> recoveryOfTheFaultAgain(List<String> names) {
        measured.clear();
        timed(lastFaultName, lastFault);
        return recovery(names);
    }

    public String lastFaultName() {
        return lastFaultName;
    }

    /** A recovery measure of the last fault; waits (bounded) for those observed after it. */
    public Duration measure(String name) {
        if (!RECOVERY_MEASURES.contains(name)) {
            throw new IllegalArgumentException("no recovery measure named '" + name + "'; known: " + RECOVERY_MEASURES);
        }
        if (measured.containsKey(name)) {
            return measured.get(name);
        }
        long end = ledger.last().endedAt();
        if ("serving again after the fault".equals(name)) {
            long served = awaitValue(
                    "a submission accepted after the fault",
                    () -> ledger.accepted().stream()
                            .mapToLong(Ledger.Entry::answeredAt)
                            .filter(at -> at >= end)
                            .min());
            return Duration.ofMillis(served - end);
        }
        if ("first completion after the fault".equals(name)) {
            long completed = awaitValue(
                    "an execution completed after the fault",
                    () -> records().read(acceptedIds()).values().stream()
                            .mapToLong(ExecutionRecords.Row::completedAt)
                            .filter(at -> at >= end)
                            .min());
            return Duration.ofMillis(completed - end);
        }
        throw new IllegalStateException("'" + name + "' was not measured: the scenario's fault does not produce it");
    }

    private long awaitValue(String awaited, Supplier<java.util.OptionalLong> probe) {
        java.util.concurrent.atomic.AtomicLong value = new java.util.concurrent.atomic.AtomicLong(-1);
        awaitTrue(
                awaited,
                awaitBound,
                () -> {
                    java.util.OptionalLong seen = probe.get();
                    seen.ifPresent(value::set);
                    return seen.isPresent();
                },
                () -> "none yet");
        return value.get();
    }

    /** Polls every 10 ms; returns the wall-clock time the condition first held, or fails naming what was awaited. */
    private static long awaitTrue(
            String awaited, Duration atMost, BooleanSupplier condition, Supplier<String> lastSeen) {
        try {
            Awaitility.await(awaited)
                    .atMost(atMost)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(FAST_POLL)
                    .ignoreExceptions()
                    .until(condition::getAsBoolean);
            return System.currentTimeMillis();
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(
                    "waited " + atMost.toSeconds() + " s for " + awaited + "; last seen: " + lastSeen.get(), e);
        }
    }

    // --- the ledger ------------------------------------------------------------------------------

    /**
     * Stops the questions, waits until every accepted execution is finished or {@code bound} has passed,
     * and reconciles each with the API and the database. Attaches the counts, the anomalies and the timeline.
     */
    public Reconciliation reconcile(Duration bound) {
        if (reconciliation != null) {
            return reconciliation;
        }
        int unansweredAtStop = stream.stop(Duration.ofSeconds(15));
        // one snapshot of what was accepted: an answer recorded after it must not join the ledger unread
        List<Ledger.Entry> accepted = ledger.accepted();
        List<String> ids = accepted.stream().map(Ledger.Entry::executionId).toList();
        java.util.concurrent.atomic.AtomicReference<Map<String, ExecutionRecords.Row>> seen =
                new java.util.concurrent.atomic.AtomicReference<>(Map.of());
        try {
            Awaitility.await("every accepted execution to finish")
                    .atMost(bound)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(100))
                    .ignoreExceptions()
                    .until(() -> {
                        seen.set(records().read(ids));
                        // settled: every row finished and no claim still at work that could write to one again
                        return allTerminal(ids, seen.get())
                                && client.workInHand() <= 0; // -1: the platform does not say
                    });
        } catch (ConditionTimeoutException e) {
            // not a failure of this step by itself: what is unfinished after the bound is counted as lost below
        }
        Map<String, ExecutionRecords.Row> rows = records().read(ids);
        List<Reconciliation.Line> lines = new ArrayList<>();
        for (Ledger.Entry entry : accepted) {
            ExecutionRecords.Row row = rows.get(entry.executionId());
            lines.add(new Reconciliation.Line(
                    entry.executionId(),
                    entry.adapter(),
                    entry.answeredAt(),
                    client.status(entry.executionId()),
                    row == null ? "unknown" : row.status(),
                    row == null ? 0 : row.attempts(),
                    row == null ? 0 : row.completions(),
                    row == null ? null : row.errorType(),
                    row == null ? 0 : row.completedAt()));
        }
        List<Ledger.Entry> entries = ledger.entries();
        int refused = (int)
                entries.stream().filter(e -> e.seen() == Ledger.Seen.REFUSED).count();
        int unanswered = (int) entries.stream()
                        .filter(e -> e.seen() == Ledger.Seen.NO_ANSWER)
                        .count()
                + unansweredAtStop;
        reconciliation = new Reconciliation(lines, refused, unanswered);
        attach(reconciliation, entries);
        return reconciliation;
    }

    private static boolean allTerminal(List<String> ids, Map<String, ExecutionRecords.Row> rows) {
        return ids.stream()
                .allMatch(id -> rows.containsKey(id)
                        && ("completed".equals(rows.get(id).status())
                                || "failed".equals(rows.get(id).status())));
    }

    private void attach(Reconciliation reconciliation, List<Ledger.Entry> entries) {
        List<Map<String, Object>> counts = new ArrayList<>();
        reconciliation.counts().forEach((measure, count) -> counts.add(row("measure", measure, "count", count)));
        Evidence.rows("ledger: accepted executions reconciled with the API and the database", counts);
        List<Map<String, Object>> reasons = new ArrayList<>();
        reconciliation
                .failureReasons()
                .forEach((reason, count) -> reasons.add(row("failure reason", reason, "executions", count)));
        if (!reasons.isEmpty()) {
            Evidence.rows("ledger: failures by reason", reasons);
        }
        Map<String, Long> refusals = new java.util.TreeMap<>();
        entries.stream()
                .filter(e -> e.seen() != Ledger.Seen.ACCEPTED)
                .forEach(e -> refusals.merge(
                        e.seen() + " " + e.detail()
                                + (e.retryAfter() == null ? "" : " (retry after " + e.retryAfter() + " s)"),
                        1L,
                        Long::sum));
        if (!refusals.isEmpty()) {
            List<Map<String, Object>> refusalRows = new ArrayList<>();
            refusals.forEach((what, count) -> refusalRows.add(row("what the client saw", what, "submissions", count)));
            Evidence.rows("ledger: submissions not accepted", refusalRows);
        }
        List<Map<String, Object>> anomalies = new ArrayList<>();
        for (Reconciliation.Line line : reconciliation.anomalies()) {
            Map<String, Object> anomaly = new LinkedHashMap<>();
            anomaly.put("execution", line.executionId());
            anomaly.put("adapter", line.adapter());
            anomaly.put("api says", line.apiStatus());
            anomaly.put("database says", line.databaseStatus());
            anomaly.put("attempts", line.attempts());
            anomaly.put("completions", line.completions());
            anomaly.put("error", line.errorType());
            anomalies.add(anomaly);
        }
        Evidence.rows("ledger: executions lost, failed, completed twice or run more than once", anomalies);
        List<Long> completions = reconciliation.lines().stream()
                .map(Reconciliation.Line::completedAt)
                .filter(at -> at > 0)
                .toList();
        Allure.addAttachment(
                "timeline: submissions, completions and errors around the fault",
                "image/svg+xml",
                Timeline.svg("submissions, completions and errors", entries, completions, ledger.faults(), 250),
                ".svg");
    }

    private static Map<String, Object> row(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put(k1, v1);
        row.put(k2, v2);
        return row;
    }

    /** What the platform's API says about one execution right now. */
    public String statusFromApi(String executionId) {
        return client.status(executionId);
    }

    public List<String> acceptedIds() {
        return ledger.accepted().stream().map(Ledger.Entry::executionId).toList();
    }

    /**
     * The first accepted execution as stored, read again and again until it is finished or its lease
     * has been handed to another claim: that is the finding itself, so the watch stops there.
     */
    public List<ExecutionRecords.Row> watchFirstAccepted() {
        List<String> ids = acceptedIds();
        List<ExecutionRecords.Row> samples = new ArrayList<>();
        Waits.until(
                "the slow execution to finish while its lease is watched",
                awaitBound,
                () -> {
                    ExecutionRecords.Row row =
                            rows(ids).values().stream().findFirst().orElse(null);
                    if (row != null) {
                        samples.add(row);
                    }
                    return row;
                },
                row -> row != null
                        && ("completed".equals(row.status()) || "failed".equals(row.status()) || row.attempts() > 1));
        return samples;
    }

    /** The database's rows of the ledger's executions (lease owner and expiry included). */
    public Map<String, ExecutionRecords.Row> rows(List<String> ids) {
        return records().read(ids);
    }

    private ExecutionRecords records() {
        if (records == null) {
            records = new ExecutionRecords(environment
                    .database()
                    .orElseThrow(() -> new IllegalStateException(
                            "the ledger reads the platform's database: tag the scenario @requires=database-access")));
        }
        return records;
    }

    @Override
    public void close() {
        stream.close();
        if (records != null) {
            records.close();
        }
    }
}
