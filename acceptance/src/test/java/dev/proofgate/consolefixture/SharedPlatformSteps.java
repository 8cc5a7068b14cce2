package dev.proofgate.consolefixture;

import io.cucumber.java.en.Given;
import io.qameta.allure.Allure;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fixture steps that stand for work on the shared platform, to show what runs at the same time in a
 * parallel run: ordinary scenarios overlap; a scenario that takes the platform exclusively fails if
 * anything else runs while it holds it. The pause simulates the work; it synchronises nothing.
 */
public final class SharedPlatformSteps {

    private static final AtomicInteger IN_FLIGHT = new AtomicInteger();
    private static final AtomicInteger MOST_AT_ONCE = new AtomicInteger();

    @Given("the platform is used for {int} ms")
    public void thePlatformIsUsed(int millis) throws InterruptedException {
        int now = IN_FLIGHT.incrementAndGet();
        if (MOST_AT_ONCE.accumulateAndGet(now, Math::max) == now) {
            System.out.println("[fixture] scenarios using the platform at once: " + now);
        }
        try {
            Thread.sleep(millis);
        } finally {
            IN_FLIGHT.decrementAndGet();
        }
    }

    @Given("the platform is taken exclusively for {int} ms")
    public void thePlatformIsTakenExclusively(int millis) throws InterruptedException {
        int others = IN_FLIGHT.getAndIncrement();
        try {
            for (int waited = 0; waited < millis; waited += 20) {
                Thread.sleep(20);
                int seen = Math.max(others, IN_FLIGHT.get() - 1);
                if (seen > 0) {
                    throw new AssertionError(seen + " other scenario(s) ran while the platform was taken exclusively");
                }
            }
            // resilience and performance scenarios must show what they measured (evidence or not run)
            Allure.addAttachment(
                    "other scenarios seen while the platform was held", "text/plain", "0 over " + millis + " ms");
        } finally {
            IN_FLIGHT.decrementAndGet();
        }
    }
}
