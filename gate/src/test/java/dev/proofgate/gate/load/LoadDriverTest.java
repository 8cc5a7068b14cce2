package dev.proofgate.gate.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The driver's arithmetic, on operations that do nothing or stall on purpose. The assertions only
 * ever ask for latencies at least as large as the stall, so a slow machine cannot fail them.
 */
class LoadDriverTest {

    @Test
    void shapesGiveTheirLevelOverThePhase() {
        LoadProfile.Phase ramp =
                new LoadProfile.Phase("ramp", Duration.ofSeconds(10), LoadProfile.Shape.RAMP, 10, 30, true);
        assertThat(ramp.level(0)).isEqualTo(10);
        assertThat(ramp.level(Duration.ofSeconds(5).toNanos())).isEqualTo(20);
        assertThat(ramp.level(Duration.ofSeconds(10).toNanos())).isEqualTo(30);

        LoadProfile.Phase burst =
                new LoadProfile.Phase("burst", Duration.ofSeconds(10), LoadProfile.Shape.BURST, 10, 100, true);
        assertThat(burst.level(Duration.ofMillis(500).toNanos())).isEqualTo(100);
        assertThat(burst.level(Duration.ofMillis(1500).toNanos())).isEqualTo(10);
        assertThat(burst.level(Duration.ofMillis(5200).toNanos())).isEqualTo(100);
    }

    @Test
    void theOpenModelMeasuresFromTheIntendedStartSoAStallCountsForEveryoneBehindIt() {
        AtomicInteger calls = new AtomicInteger();
        TimedOperation stallOnce = () -> {
            if (calls.incrementAndGet() == 1) {
                java.util.concurrent.locks.LockSupport.parkNanos(
                        Duration.ofMillis(300).toNanos());
            }
        };
        // one request in flight at 100/s: the 300 ms stall holds up the ~30 requests due meanwhile
        LoadResult result = new LoadDriver("stall")
                .run(
                        stallOnce,
                        LoadProfile.open(100)
                                .maxInFlight(1)
                                .steady(Duration.ofSeconds(1))
                                .build());

        LoadResult.PhaseResult steady = result.measured();
        assertThat(steady.latency().getMaxValue())
                .as("the stalled request itself, in microseconds")
                .isGreaterThanOrEqualTo(300_000);
        assertThat(steady.latency().getCountBetweenValues(100_000, Long.MAX_VALUE))
                .as("requests that waited behind the stall at least 100 ms, counted as slow")
                .isGreaterThanOrEqualTo(15);
    }

    @Test
    void theClosedModelCountsErrorsAndKeepsTheirMessages() {
        AtomicInteger calls = new AtomicInteger();
        TimedOperation everyThirdFails = () -> {
            if (calls.incrementAndGet() % 3 == 0) {
                throw new IllegalStateException("refused");
            }
        };
        LoadResult result = new LoadDriver("errors")
                .run(
                        everyThirdFails,
                        LoadProfile.closed(2)
                                .thinkTime(Duration.ofMillis(5))
                                .steady(Duration.ofMillis(500))
                                .build());

        LoadResult.PhaseResult steady = result.measured();
        assertThat(steady.errors()).isPositive();
        assertThat(steady.errorRate()).isBetween(0.2, 0.45);
        assertThat(result.errors()).containsKey("IllegalStateException: refused");
        assertThat(result.summaryJson()).contains("\"errors\"").contains("refused");
        assertThat(LoadCharts.latencyOverTime(result)).startsWith("<svg");
        assertThat(LoadCharts.percentileCurve(result)).startsWith("<svg");
    }
}
