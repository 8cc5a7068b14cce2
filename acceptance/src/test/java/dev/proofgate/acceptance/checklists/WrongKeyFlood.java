package dev.proofgate.acceptance.checklists;

import dev.proofgate.acceptance.drivers.HttpAnswer;
import dev.proofgate.acceptance.drivers.hostile.HostileClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Wrong keys guessed as fast as a few callers can, and how many the platform answered before telling them to slow down. */
public final class WrongKeyFlood {

    /** What the flood saw; {@code allowance} is what the published limit lets through over the flood's own duration. */
    public record Result(
            int attempts,
            int callers,
            double seconds,
            Map<Integer, Integer> byStatus,
            int letThrough,
            int throttled,
            String retryAfter,
            long allowance) {}

    private WrongKeyFlood() {}

    public static Result run(
            HostileClient client, int attempts, int callers, long allowancePerSecond, IntFunction<String> guess) {
        HostileClient quiet = client.unrecorded();
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        List<Future<HttpAnswer>> answers = new ArrayList<>();
        long started = System.nanoTime();
        try {
            for (int i = 0; i < attempts; i++) {
                String key = guess.apply(i);
                answers.add(pool.submit(() -> quiet.askWithKey(key)));
            }
            Map<Integer, Integer> byStatus = new TreeMap<>();
            int letThrough = 0;
            int throttled = 0;
            String retryAfter = null;
            for (Future<HttpAnswer> answer : answers) {
                HttpAnswer exchange = answer.get();
                byStatus.merge(exchange.status(), 1, Integer::sum);
                if (exchange.hasStatusOf("unauthorized")) {
                    letThrough++;
                } else if (exchange.hasStatusOf("rate_limited")) {
                    throttled++;
                    retryAfter = retryAfter == null ? exchange.header("Retry-After") : retryAfter;
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            // A full bucket (one second's allowance) plus what refills while the attempts run.
            long allowance = (long) Math.ceil(allowancePerSecond + allowancePerSecond * seconds);
            return new Result(attempts, callers, seconds, byStatus, letThrough, throttled, retryAfter, allowance);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while guessing keys", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a key guess failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
