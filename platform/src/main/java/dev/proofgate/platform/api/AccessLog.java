package dev.proofgate.platform.api;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the access log from one thread. The logger prints every line to one synchronized stream
 * with a write per line, so a request thread that wrote its own line would wait its turn at that lock
 * before it could answer; under load that wait is about half the tail latency of a route that does
 * nothing (docs/benchmarks.md, "the access log from one thread"). Request threads hand their line over
 * and answer. A writer more than {@value #BEHIND_LIMIT} lines behind makes the request write its own
 * line, so a line is never dropped; {@link #flush} waits for every line handed over so far.
 */
public final class AccessLog {

    static final int BEHIND_LIMIT = 65_536;
    private static final Logger ACCESS = LoggerFactory.getLogger("proofgate.access");
    private static final BlockingQueue<Object> LINES = new ArrayBlockingQueue<>(BEHIND_LIMIT);

    static {
        Thread writer = new Thread(AccessLog::writeLines, "access-log");
        writer.setDaemon(true);
        writer.start();
    }

    private AccessLog() {}

    static void write(String line) {
        if (!LINES.offer(line)) {
            ACCESS.info(line);
        }
    }

    /** Waits, at most {@code boundMillis}, until every line handed over before this call is written. */
    public static boolean flush(long boundMillis) {
        CountDownLatch written = new CountDownLatch(1);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(boundMillis);
        try {
            return LINES.offer(written, boundMillis, TimeUnit.MILLISECONDS)
                    && written.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void writeLines() {
        while (true) {
            try {
                Object next = LINES.take();
                if (next instanceof CountDownLatch written) {
                    written.countDown();
                } else {
                    ACCESS.info((String) next);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // a line the logger could not write is lost alone; the writer goes on with the next
            }
        }
    }
}
