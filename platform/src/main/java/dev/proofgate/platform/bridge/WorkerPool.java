package dev.proofgate.platform.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Supervises N Python workers. A worker that exits, or stops answering {@code health_check}, is
 * replaced with exponential backoff; a call that was in flight on it fails with {@code worker_gone}
 * so that its caller can retry elsewhere. Restarts and the last restart time are counted.
 */
public final class WorkerPool implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WorkerPool.class);
    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(3);

    private final String python;
    private final int size;
    private final int maxFrameBytes;
    private final List<Slot> slots = new ArrayList<>();
    private final LinkedBlockingQueue<WorkerProcess> idle = new LinkedBlockingQueue<>();
    private final ScheduledExecutorService supervisor = Executors.newScheduledThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "bridge-supervisor");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong restarts = new AtomicLong();
    private volatile long lastRestartMillis = -1;
    private volatile boolean closing;

    private final class Slot {
        final int index;
        volatile WorkerProcess worker;
        volatile int consecutiveFailures;

        Slot(int index) {
            this.index = index;
        }
    }

    public WorkerPool(String python, int size, int maxFrameBytes) {
        this.python = python;
        this.size = size;
        this.maxFrameBytes = maxFrameBytes;
    }

    /** Starts every worker and waits until each answers its first health check. */
    public WorkerPool start() {
        for (int i = 0; i < size; i++) {
            Slot slot = new Slot(i);
            slots.add(slot);
            launch(slot, System.nanoTime());
        }
        supervisor.scheduleWithFixedDelay(this::checkIdleWorkers, 5, 5, TimeUnit.SECONDS);
        return this;
    }

    private void launch(Slot slot, long exitNanos) {
        if (closing) {
            return;
        }
        WorkerProcess worker = null;
        try {
            worker = WorkerProcess.start(python, maxFrameBytes, FrameListener.NONE);
            worker.call("health_check", null, HEALTH_TIMEOUT);
            slot.worker = worker;
            slot.consecutiveFailures = 0;
            WorkerProcess started = worker;
            worker.onExit().thenRun(() -> onExit(slot, started));
            idle.add(worker);
            LOG.info("python worker {} ready (pid {})", slot.index, worker.pid());
            if (exitNanos > 0 && restarts.get() > 0) {
                lastRestartMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - exitNanos);
            }
        } catch (RuntimeException | BridgeException e) {
            if (worker != null) {
                worker.kill();
            }
            slot.consecutiveFailures++;
            long backoff = backoffMillis(slot.consecutiveFailures);
            LOG.warn("python worker {} failed to start ({}); retrying in {} ms", slot.index, e.getMessage(), backoff);
            supervisor.schedule(() -> launch(slot, exitNanos), backoff, TimeUnit.MILLISECONDS);
        }
    }

    private void onExit(Slot slot, WorkerProcess worker) {
        idle.remove(worker);
        if (closing || slot.worker != worker) {
            return;
        }
        long exitNanos = System.nanoTime();
        restarts.incrementAndGet();
        long backoff = backoffMillis(slot.consecutiveFailures);
        LOG.warn("python worker {} (pid {}) exited; restarting in {} ms", slot.index, worker.pid(), backoff);
        supervisor.schedule(() -> launch(slot, exitNanos), backoff, TimeUnit.MILLISECONDS);
    }

    private static long backoffMillis(int failures) {
        return Math.min(5_000, 50L << Math.min(failures, 7));
    }

    private void checkIdleWorkers() {
        for (WorkerProcess worker : List.copyOf(idle)) {
            if (!idle.remove(worker)) {
                continue; // taken by a caller meanwhile
            }
            try {
                worker.call("health_check", null, HEALTH_TIMEOUT);
                idle.add(worker);
            } catch (BridgeException e) {
                LOG.warn("python worker pid {} failed its health check ({}); killing it", worker.pid(), e.getMessage());
                worker.kill();
            }
        }
    }

    /** Runs one command on a free worker. A lost worker is killed (and so replaced) and the call fails with its type. */
    public JsonNode call(String command, JsonNode args, Duration timeout) throws BridgeException {
        WorkerProcess worker;
        try {
            worker = idle.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BridgeException(BridgeException.TIMEOUT, "interrupted while waiting for a free worker");
        }
        if (worker == null) {
            throw new BridgeException(
                    BridgeException.TIMEOUT, "no Python worker free within " + timeout.toMillis() + " ms");
        }
        try {
            JsonNode result = worker.call(command, args, timeout);
            release(worker);
            return result;
        } catch (BridgeException e) {
            if (e.workerLost()) {
                worker.kill();
            } else {
                release(worker);
            }
            throw e;
        }
    }

    private void release(WorkerProcess worker) {
        if (worker.alive() && !closing) {
            idle.add(worker);
        }
    }

    public int size() {
        return size;
    }

    public int alive() {
        return (int) slots.stream()
                .filter(slot -> slot.worker != null && slot.worker.alive())
                .count();
    }

    public List<Long> pids() {
        return slots.stream()
                .filter(slot -> slot.worker != null && slot.worker.alive())
                .map(slot -> slot.worker.pid())
                .toList();
    }

    public long restarts() {
        return restarts.get();
    }

    public long lastRestartMillis() {
        return lastRestartMillis;
    }

    @Override
    public void close() {
        closing = true;
        supervisor.shutdownNow();
        slots.parallelStream().map(slot -> slot.worker).filter(w -> w != null).forEach(WorkerProcess::close);
    }
}
