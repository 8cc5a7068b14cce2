package dev.proofgate.acceptance.checklists;

import dev.proofgate.acceptance.drivers.HttpAnswer;
import dev.proofgate.acceptance.drivers.hostile.HostileClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * One key asked as fast as a few callers can, for a while, and what the platform let through.
 *
 * <p>Method: the callers send a cheap request back to back for the whole duration and note when each
 * answer came and its status. A token bucket lets a full burst through at once and then its rate, so
 * the rate is measured from the first "slow down" answer (the burst is spent) to the last answer:
 * answers let through in that window divided by its length. The callers must ask faster than the limit,
 * or the figure would measure the callers: the probe reports their rate too.
 */
public final class RateLimitProbe {

    /** What the probe saw; {@code announced} is -1 when the platform did not say the key's limit. */
    public record Result(
            int announced,
            long asked,
            long letThrough,
            long throttled,
            List<String> otherAnswers,
            double windowSeconds,
            long letThroughInWindow,
            String retryAfter,
            List<Map<String, Object>> perSecond) {

        /** Answers let through per second once the burst was spent; NaN when nothing was ever refused. */
        public double rate() {
            return windowSeconds > 0 ? letThroughInWindow / windowSeconds : Double.NaN;
        }

        /** How fast the callers asked, over the whole probe. */
        public double askedPerSecond(Duration duration) {
            return asked / (duration.toNanos() / 1e9);
        }
    }

    private record Answer(long atNanos, Treatment treatment, String rateLimit, String retryAfter, String summary) {}

    private enum Treatment {
        LET_THROUGH,
        RATE_LIMITED,
        OTHER
    }

    private RateLimitProbe() {}

    public static Result run(HostileClient client, String key, Duration duration, int callers) {
        HostileClient quiet = client.unrecorded();
        ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
        long started = System.nanoTime();
        long deadline = started + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        for (int i = 0; i < callers; i++) {
            pool.submit(() -> {
                while (System.nanoTime() < deadline) {
                    HttpAnswer exchange = quiet.askWithKey(key);
                    answers.add(new Answer(
                            System.nanoTime() - started,
                            treatment(exchange),
                            exchange.header("RateLimit-Limit"),
                            exchange.header("Retry-After"),
                            exchange.summary()));
                }
            });
        }
        pool.shutdown();
        try {
            if (!pool.awaitTermination(duration.toSeconds() + 30, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pool.shutdownNow();
        }
        List<Answer> seen = answers.stream()
                .sorted(Comparator.comparingLong(Answer::atNanos))
                .toList();
        int announced = seen.stream()
                .filter(a -> a.treatment() == Treatment.LET_THROUGH
                        && a.rateLimit() != null
                        && a.rateLimit().matches("\\d+"))
                .findFirst()
                .map(a -> Integer.parseInt(a.rateLimit()))
                .orElse(-1);
        long firstRefusal = seen.stream()
                .filter(a -> a.treatment() == Treatment.RATE_LIMITED)
                .mapToLong(Answer::atNanos)
                .min()
                .orElse(-1);
        long last = seen.isEmpty() ? 0 : seen.get(seen.size() - 1).atNanos();
        long inWindow = firstRefusal < 0
                ? 0
                : seen.stream()
                        .filter(a -> a.treatment() == Treatment.LET_THROUGH && a.atNanos() > firstRefusal)
                        .count();
        List<String> others = seen.stream()
                .filter(a -> a.treatment() == Treatment.OTHER)
                .map(Answer::summary)
                .distinct()
                .limit(5)
                .toList();
        String retryAfter = seen.stream()
                .filter(a -> a.treatment() == Treatment.RATE_LIMITED)
                .map(Answer::retryAfter)
                .findFirst()
                .orElse(null);
        return new Result(
                announced,
                seen.size(),
                seen.stream()
                        .filter(a -> a.treatment() == Treatment.LET_THROUGH)
                        .count(),
                seen.stream()
                        .filter(a -> a.treatment() == Treatment.RATE_LIMITED)
                        .count(),
                others,
                firstRefusal < 0 ? 0 : (last - firstRefusal) / 1e9,
                inWindow,
                retryAfter,
                perSecond(seen));
    }

    private static Treatment treatment(HttpAnswer answer) {
        if (answer.served()) {
            return Treatment.LET_THROUGH;
        }
        return answer.hasStatusOf("rate_limited") ? Treatment.RATE_LIMITED : Treatment.OTHER;
    }

    private static List<Map<String, Object>> perSecond(List<Answer> seen) {
        Map<Long, long[]> bySecond = new java.util.TreeMap<>();
        for (Answer answer : seen) {
            long[] counts = bySecond.computeIfAbsent(answer.atNanos() / 1_000_000_000L, s -> new long[3]);
            counts[answer.treatment().ordinal()]++;
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        bySecond.forEach((second, counts) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("second", second + 1);
            row.put("let through", counts[0]);
            row.put("told to slow down", counts[1]);
            row.put("other answers", counts[2]);
            rows.add(row);
        });
        return rows;
    }
}
