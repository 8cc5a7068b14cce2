package dev.proofgate.gate.support;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/** Bounded waits that, when they give up, say what they waited for and what they saw last. */
public final class Waits {

    private Waits() {}

    public static <T> T until(String awaited, Duration atMost, Supplier<T> probe, Predicate<T> done) {
        AtomicReference<T> lastSeen = new AtomicReference<>();
        try {
            Awaitility.await(awaited)
                    .atMost(atMost)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        T seen = probe.get();
                        lastSeen.set(seen);
                        return done.test(seen);
                    });
            return lastSeen.get();
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(
                    "waited " + atMost.toSeconds() + " s for " + awaited + "; last seen: " + lastSeen.get(), e);
        }
    }
}
