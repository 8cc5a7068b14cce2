package dev.proofgate.acceptance.faults;

import dev.proofgate.acceptance.drivers.rest.QuietClient;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Questions submitted in the background at a fixed rate per program (an open model: a slow or
 * absent platform does not slow the stream down), every answer recorded in the ledger. It keeps
 * going through the fault; {@link #stop} waits, bounded, for the answers still outstanding.
 */
final class SubmissionStream implements AutoCloseable {

    private final QuietClient client;
    private final Ledger ledger;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "submission-stream");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<CompletableFuture<Ledger.Entry>> outstanding = ConcurrentHashMap.newKeySet();
    private final AtomicLong sequence = new AtomicLong();
    private volatile boolean running;

    SubmissionStream(QuietClient client, Ledger ledger) {
        this.client = client;
        this.ledger = ledger;
    }

    /** Starts submitting {@code perSecond} questions per second to each program (adapter -> program id). */
    void start(Map<String, String> programsByAdapter, int perSecond) {
        if (perSecond <= 0) {
            throw new IllegalArgumentException("a stream needs a positive rate, got " + perSecond + " per second");
        }
        running = true;
        long periodMicros = 1_000_000L / perSecond;
        ticker.scheduleAtFixedRate(
                () -> programsByAdapter.forEach((adapter, programId) -> {
                    if (running) {
                        send(adapter, programId, "question " + sequence.incrementAndGet() + " asked during a fault");
                    }
                }),
                0,
                periodMicros,
                TimeUnit.MICROSECONDS);
    }

    /** One submission outside the stream's rhythm, recorded in the same ledger. */
    CompletableFuture<Ledger.Entry> send(String adapter, String programId, String question) {
        CompletableFuture<Ledger.Entry> answer = client.submit(programId, question)
                .thenApply(submission -> {
                    Ledger.Entry entry = Ledger.Entry.of(adapter, submission);
                    ledger.record(entry);
                    return entry;
                });
        outstanding.add(answer);
        answer.whenComplete((entry, error) -> outstanding.remove(answer));
        return answer;
    }

    /** Stops submitting and waits up to {@code atMost} for the answers still outstanding; returns how many never came. */
    int stop(Duration atMost) {
        running = false;
        ticker.shutdownNow();
        try {
            // a tick already past its check may still be sending: wait for it, so its submission is waited for below
            ticker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        CompletableFuture<?> all = CompletableFuture.allOf(outstanding.toArray(CompletableFuture[]::new));
        try {
            all.get(atMost.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            // reported as the count below: those submissions have no answer in the ledger
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return outstanding.size();
    }

    boolean running() {
        return running;
    }

    @Override
    public void close() {
        running = false;
        ticker.shutdownNow();
    }
}
