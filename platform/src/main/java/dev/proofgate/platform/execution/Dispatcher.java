package dev.proofgate.platform.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proofgate.platform.adapter.Adapter;
import dev.proofgate.platform.adapter.AdapterException;
import dev.proofgate.platform.adapter.AdapterRegistry;
import dev.proofgate.platform.signature.ValueChecker;
import dev.proofgate.platform.signature.ValueProblem;
import dev.proofgate.platform.store.DatabaseUnavailableException;
import dev.proofgate.platform.store.Execution;
import dev.proofgate.platform.store.ExecutionStore;
import dev.proofgate.platform.store.Json;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs queued executions. Each of N threads claims the oldest queued row under a lease, runs the
 * five audited stages and records the result with a conditional update. Leases of work in hand are
 * renewed; expired leases (a dead process) are put back in the queue. While the database is away the
 * threads back off and resume when it returns; a finished result waits in memory until it can be written.
 */
public final class Dispatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    private static final int MAX_ADAPTER_ATTEMPTS = 3;
    /**
     * Executions claimed per round trip, so that a claim's round trip and commit serve up to this many
     * executions rather than one each. A batch is held under one lease (renewed like any work in hand),
     * so a batch larger than the work a thread finishes in a lease period would only delay the others'
     * share of the queue.
     */
    static final int CLAIM_BATCH = 8;
    /**
     * How long the executions of a claimed batch may wait behind the ones run before them. A thread
     * whose last execution took longer claims one at a time until its work is quick again, so slow
     * models are never batched: what the history shows as running is running, the rest waits queued.
     */
    private static final long BATCH_HOLD_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    /**
     * A run at most this long lets the outcomes finished before it wait, to be written with its own in one
     * transaction; a longer one, or one of another program, has them written first.
     */
    private static final long QUICK_RUN_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    private final ExecutionStore executions;
    private final ProgramResolver programs;
    private final AdapterRegistry adapters;
    private final int threads;
    private final int leaseSeconds;
    private final MeterRegistry metrics;
    private final String instance = UUID.randomUUID().toString().substring(0, 8);
    private final Semaphore wakeups = new Semaphore(0);
    private final Map<UUID, String> inFlight = new ConcurrentHashMap<>();
    /** How many of this dispatcher's threads hold a claim on each program right now. */
    private final Map<UUID, Integer> threadsOnProgram = new ConcurrentHashMap<>();

    private final List<Thread> workers = new ArrayList<>();
    private final ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "dispatcher-housekeeping");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicReference<ExecutionStore.QueueStats> lastStats =
            new AtomicReference<>(new ExecutionStore.QueueStats(0, 0, 0));
    private volatile boolean claiming = true;

    public Dispatcher(
            ExecutionStore executions,
            ProgramResolver programs,
            AdapterRegistry adapters,
            int threads,
            int leaseSeconds,
            MeterRegistry metrics) {
        this.executions = executions;
        this.programs = programs;
        this.adapters = adapters;
        this.threads = threads;
        this.leaseSeconds = leaseSeconds;
        this.metrics = metrics;
        metrics.gauge("proofgate_queue_depth", lastStats, stats -> stats.get().queued());
        metrics.gauge(
                "proofgate_executions_running", lastStats, stats -> stats.get().running());
    }

    public Dispatcher start() {
        for (int i = 0; i < threads; i++) {
            Thread thread = new Thread(this::work, "dispatcher-" + i);
            thread.start();
            workers.add(thread);
        }
        housekeeping.scheduleWithFixedDelay(this::housekeep, 0, 1, TimeUnit.SECONDS);
        long renewEvery = Math.max(1, leaseSeconds * 1000L / 3);
        housekeeping.scheduleWithFixedDelay(this::renewLeases, renewEvery, renewEvery, TimeUnit.MILLISECONDS);
        return this;
    }

    /**
     * Tells an idle thread that new work of {@code programId} was committed. A program already worked on
     * by as many threads as it may have wakes nobody: an idle thread could not claim its work, and would
     * only search the whole queue for other work (under load, a search per submission). And a wake-up is a
     * signal, not a count: beyond one per thread they would only make idle threads search in vain later.
     */
    public void wake(UUID programId) {
        if (threadsOnProgram.getOrDefault(programId, 0) < perProgramLimit() && wakeups.availablePermits() < threads) {
            wakeups.release();
        }
    }

    /** One program is never worked on by more than half the threads, so that a slow one cannot hold them all. */
    private int perProgramLimit() {
        return Math.max(1, threads / 2);
    }

    public ExecutionStore.QueueStats queueStats() {
        return lastStats.get();
    }

    public int inFlight() {
        return inFlight.size();
    }

    /**
     * One dispatcher thread: claims a batch per round trip, within the per-program limit, and runs it; with
     * nothing to claim it waits for a wake-up. While the database is away it backs off, doubling up to 2 s.
     */
    private void work() {
        long backoffMillis = 100;
        ClaimSize claimSize = new ClaimSize();
        while (claiming) {
            try {
                String claim = instance + ":" + UUID.randomUUID();
                List<Execution> claimed = executions.claim(claim, leaseSeconds, claimSize.next(), perProgramLimit());
                backoffMillis = 100;
                if (claimed.isEmpty()) {
                    wakeups.tryAcquire(250, TimeUnit.MILLISECONDS);
                } else {
                    runBatch(claimed, claim, claimSize);
                }
            } catch (DatabaseUnavailableException e) {
                LOG.warn("database unavailable; dispatcher backs off {} ms", backoffMillis);
                pause(backoffMillis);
                backoffMillis = Math.min(2_000, backoffMillis * 2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("dispatcher error", e);
                pause(500);
            }
        }
    }

    /**
     * Runs a claimed batch in order, then writes what is still unwritten and lets go of the batch's programs.
     * A run that threw (the database went away mid-batch) leaves the rest of the batch unstarted: it is handed
     * back, or at least its leases stop being renewed so that it expires and is re-queued; otherwise it would
     * stay claimed, renewed and never run.
     */
    private void runBatch(List<Execution> claimed, String claim, ClaimSize claimSize) {
        claimed.forEach(execution -> inFlight.put(execution.id(), claim));
        List<UUID> programsHeld =
                claimed.stream().map(Execution::programId).distinct().toList();
        programsHeld.forEach(program -> threadsOnProgram.merge(program, 1, Integer::sum));
        Batch batch = new Batch(claimed, claim);
        try {
            while (batch.hasNext()) {
                batch.runNext(claimSize);
            }
        } finally {
            try {
                batch.writeFinished();
            } finally {
                batch.handBackRest();
                programsHeld.forEach(program ->
                        threadsOnProgram.computeIfPresent(program, (id, count) -> count > 1 ? count - 1 : null));
            }
        }
    }

    /** How many executions a thread claims next: twice as many after a quick run, up to {@link #CLAIM_BATCH}; one after a slow run. */
    private static final class ClaimSize {

        private int next = 1;

        int next() {
            return next;
        }

        void after(long runNanos) {
            next = runNanos > BATCH_HOLD_NANOS ? 1 : Math.min(CLAIM_BATCH, next * 2);
        }
    }

    /**
     * A claimed batch as one thread runs it, in order. Finished outcomes are written together, but wait only
     * behind quick runs of the same program. The rest of a batch goes back to the queue when stopping, or when
     * a slow run has held it long enough that other threads should take it (no waiting behind a slow model).
     */
    private final class Batch {

        private final List<Execution> claimed;
        private final String claim;
        private final long started = System.nanoTime();
        private final List<Outcome> finished = new ArrayList<>();
        private UUID lastProgram;
        private long lastRunNanos = Long.MAX_VALUE;
        /** The first of the batch neither started nor handed back. */
        private int next;

        Batch(List<Execution> claimed, String claim) {
            this.claimed = claimed;
            this.claim = claim;
        }

        boolean hasNext() {
            return next < claimed.size();
        }

        void runNext(ClaimSize claimSize) {
            Execution execution = claimed.get(next);
            if (!execution.programId().equals(lastProgram) || lastRunNanos > QUICK_RUN_NANOS) {
                writeFinished();
            }
            next++;
            if (claiming && System.nanoTime() - started < BATCH_HOLD_NANOS) {
                long runStarted = System.nanoTime();
                finished.add(execute(execution, claim));
                lastRunNanos = System.nanoTime() - runStarted;
                lastProgram = execution.programId();
                claimSize.after(lastRunNanos);
            } else {
                release(execution, claim);
            }
        }

        void writeFinished() {
            record(finished, claim);
            finished.clear();
        }

        /** Hands back every execution of the batch neither started nor handed back yet. */
        void handBackRest() {
            for (int rest = next; rest < claimed.size(); rest++) {
                release(claimed.get(rest), claim);
            }
        }
    }

    /** Hands an execution claimed but not started back to the queue; if that fails, its lease expiry does it. */
    private void release(Execution execution, String claim) {
        try {
            executions.release(execution.id(), claim);
        } catch (RuntimeException e) {
            LOG.debug("release of {} skipped, its lease will expire: {}", execution.id(), e.getMessage());
        } finally {
            inFlight.remove(execution.id(), claim);
        }
    }

    private void pause(long millis) {
        try {
            wakeups.tryAcquire(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs one claimed execution and writes its outcome. */
    void run(Execution execution, String claim) {
        record(List.of(execute(execution, claim)), claim);
    }

    /** What one execution came to, still to be written; it stays in flight (its lease renewed) until it is. */
    private record Outcome(
            Execution execution, String claim, boolean completed, JsonNode value, long executionMs, AuditTrail audit) {}

    /** Runs the five audited stages of a claimed execution. */
    private Outcome execute(Execution execution, String claim) {
        inFlight.put(execution.id(), claim);
        AuditTrail audit = new AuditTrail();
        long executionMs = 0;
        try {
            audit.begin(AuditTrail.SIGNATURE_COMPILATION);
            Optional<ResolvedProgram> resolved = programs.resolve(execution.programId());
            if (resolved.isEmpty()) {
                audit.end("failed", "program not found");
                return new Outcome(
                        execution,
                        claim,
                        false,
                        error("program_not_found", "program " + execution.programId() + " is gone"),
                        0,
                        audit);
            }
            ResolvedProgram program = resolved.get();
            audit.ok();

            audit.begin(AuditTrail.INPUT_VALIDATION);
            Optional<ValueProblem> inputProblem =
                    ValueChecker.check(program.signature().inputs(), execution.inputs());
            if (inputProblem.isPresent()) {
                audit.end("failed", inputProblem.get().message());
                return new Outcome(execution, claim, false, problem(inputProblem.get()), 0, audit);
            }
            audit.ok();

            audit.begin(AuditTrail.ADAPTER_EXECUTION);
            Adapter adapter = adapters.find(program.program().adapter()).orElse(null);
            if (adapter == null) {
                audit.end("failed", "adapter not registered");
                return new Outcome(
                        execution,
                        claim,
                        false,
                        error(
                                "adapter_unavailable",
                                "adapter '" + program.program().adapter() + "' is not registered"),
                        0,
                        audit);
            }
            JsonNode outputs;
            try {
                outputs = runOnAdapter(adapter, program, execution, claim);
                executionMs = audit.ok();
            } catch (AdapterException e) {
                executionMs = audit.end("failed", e.getMessage());
                return new Outcome(execution, claim, false, error(e.type(), e.getMessage()), executionMs, audit);
            }

            audit.begin(AuditTrail.OUTPUT_VALIDATION);
            Optional<ValueProblem> outputProblem =
                    ValueChecker.check(program.signature().outputs(), outputs);
            if (outputProblem.isPresent()) {
                audit.end("failed", outputProblem.get().message());
                ObjectNode error = error(
                        "output_validation_error",
                        "the adapter's outputs do not fit the signature: "
                                + outputProblem.get().message());
                error.set("details", Json.MAPPER.valueToTree(outputProblem.get().details()));
                return new Outcome(execution, claim, false, error, executionMs, audit);
            }
            audit.ok();

            audit.begin(AuditTrail.RESULT_SERIALIZATION);
            JsonNode serialized = Json.read(Json.write(outputs));
            audit.ok();
            return new Outcome(execution, claim, true, serialized, executionMs, audit);
        } catch (RuntimeException e) {
            // only this claim's entry: after a lost lease the id may already belong to a newer claim,
            // whose lease must go on being renewed
            inFlight.remove(execution.id(), claim);
            throw e;
        }
    }

    private JsonNode runOnAdapter(Adapter adapter, ResolvedProgram program, Execution execution, String claim)
            throws AdapterException {
        for (int attempt = 1; ; attempt++) {
            try {
                return adapter.execute(
                        program.signature(),
                        execution.inputs(),
                        program.program().config());
            } catch (AdapterException e) {
                if (!e.retryable() || attempt >= MAX_ADAPTER_ATTEMPTS || !claiming) {
                    throw e;
                }
                LOG.warn(
                        "execution {} attempt {} on {} failed ({}); retrying",
                        execution.id(),
                        attempt,
                        adapter.name(),
                        e.getMessage());
                metrics.counter("proofgate_execution_retries_total", "adapter", adapter.name())
                        .increment();
                executions.recordRetry(execution.id(), claim);
            }
        }
    }

    /**
     * Writes finished outcomes in one transaction; during a database outage they are
     * held and retried until their lease is lost. Each leaves the in-flight set once written or given up.
     */
    private void record(List<Outcome> finished, String claim) {
        if (finished.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Math.max(leaseSeconds * 4L, 60));
        long backoffMillis = 100;
        try {
            while (true) {
                try {
                    boolean[] written = executions.finish(
                            finished.stream()
                                    .map(outcome -> new ExecutionStore.Outcome(
                                            outcome.execution().id(),
                                            outcome.completed(),
                                            outcome.value(),
                                            outcome.executionMs(),
                                            outcome.audit().stages()))
                                    .toList(),
                            claim);
                    for (int i = 0; i < written.length; i++) {
                        Outcome outcome = finished.get(i);
                        String counted = written[i] ? (outcome.completed() ? "completed" : "failed") : "lease_lost";
                        Counter.builder("proofgate_executions_total")
                                .tag("outcome", counted)
                                .register(metrics)
                                .increment();
                        if (!written[i]) {
                            LOG.warn(
                                    "execution {}: lease lost before the result was written; the new owner finishes it",
                                    outcome.execution().id());
                        }
                    }
                    return;
                } catch (DatabaseUnavailableException e) {
                    if (System.nanoTime() > deadline) {
                        LOG.error(
                                "{} execution(s) ({} first): result could not be written; their lease will expire and they will run again",
                                finished.size(),
                                finished.get(0).execution().id());
                        return;
                    }
                    pause(backoffMillis);
                    backoffMillis = Math.min(2_000, backoffMillis * 2);
                }
            }
        } finally {
            finished.forEach(outcome -> inFlight.remove(outcome.execution().id(), outcome.claim()));
        }
    }

    private static ObjectNode error(String type, String message) {
        ObjectNode error = JsonNodeFactory.instance.objectNode();
        error.put("type", type);
        error.put("message", message);
        return error;
    }

    private static ObjectNode problem(ValueProblem problem) {
        ObjectNode error = error(problem.type(), problem.message());
        error.set("details", Json.MAPPER.valueToTree(problem.details()));
        return error;
    }

    private void housekeep() {
        try {
            int requeued = executions.requeueExpired();
            if (requeued > 0) {
                LOG.warn("re-queued {} execution(s) whose lease expired", requeued);
                wakeups.release(requeued);
            }
            lastStats.set(executions.stats());
        } catch (RuntimeException e) {
            LOG.debug("housekeeping skipped: {}", e.getMessage());
        }
    }

    private void renewLeases() {
        inFlight.forEach((id, claim) -> {
            try {
                executions.renewLease(id, claim, leaseSeconds);
            } catch (RuntimeException e) {
                LOG.debug("lease renewal of {} skipped: {}", id, e.getMessage());
            }
        });
    }

    /** Stops claiming, lets in-flight executions finish within the grace period, then stops. */
    public void drain(long graceMillis) {
        claiming = false;
        wakeups.release(threads * 2);
        long deadline = System.currentTimeMillis() + graceMillis;
        for (Thread worker : workers) {
            try {
                worker.join(Math.max(1, deadline - System.currentTimeMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        workers.stream().filter(Thread::isAlive).forEach(Thread::interrupt);
        LOG.info(
                "dispatcher drained; {} execution(s) were still in flight and will be re-queued by lease",
                inFlight.size());
        housekeeping.shutdownNow();
    }

    @Override
    public void close() {
        drain(0);
    }
}
