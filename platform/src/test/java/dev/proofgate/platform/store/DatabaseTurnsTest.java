package dev.proofgate.platform.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.proofgate.platform.support.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Callers get a connection in the order they asked for one, so that under load no request waits for
 * seconds while others are served at once; one that cannot get a turn in time is told the database is
 * unavailable.
 */
class DatabaseTurnsTest {

    /** The smallest pool the schema migration can run with; the tests take both connections. */
    private static final int POOL = 2;

    @Test
    void callersAreServedInTheOrderTheyAskedAndAWaitIsBounded() throws Exception {
        try (TestDatabase testDatabase = new TestDatabase();
                Database database = new Database(testDatabase.url(), "postgres", "postgres", POOL)) {
            CountDownLatch releaseOne = new CountDownLatch(1);
            CountDownLatch releaseOther = new CountDownLatch(1);
            Thread one = hold(database, releaseOne);
            Thread other = hold(database, releaseOther);

            List<Integer> served = new CopyOnWriteArrayList<>();
            List<Thread> callers = new java.util.ArrayList<>();
            for (int i = 0; i < 5; i++) {
                int caller = i;
                Thread thread = new Thread(() -> database.withConnection(c -> served.add(caller)));
                thread.start();
                callers.add(thread);
                Awaitility.await("caller " + caller + " to queue")
                        .atMost(Duration.ofSeconds(1))
                        .until(() -> database.waiting() == caller + 1);
            }
            releaseOne.countDown(); // one connection comes free: the callers take it in turn, one after another
            for (int i = 5; i < 10; i++) { // and callers arriving now do not overtake those who were waiting
                int caller = i;
                Thread thread = new Thread(() -> database.withConnection(c -> served.add(caller)));
                thread.start();
                callers.add(thread);
            }
            for (Thread caller : callers) {
                caller.join(5_000);
            }
            releaseOther.countDown();
            one.join(5_000);
            other.join(5_000);

            assertThat(served).as("callers served").hasSize(10);
            assertThat(served.subList(0, 5))
                    .as(
                            "the order callers were served in: those who waited first, in the order they asked, "
                                    + "then those who came later (all served: %s)",
                            served)
                    .containsExactly(0, 1, 2, 3, 4);
        }
    }

    @Test
    void aCallerThatGetsNoTurnInTimeIsToldTheDatabaseIsUnavailable() throws Exception {
        try (TestDatabase testDatabase = new TestDatabase();
                Database database = new Database(testDatabase.url(), "postgres", "postgres", POOL)) {
            CountDownLatch release = new CountDownLatch(1);
            List<Thread> holders = List.of(hold(database, release), hold(database, release));
            try {
                long started = System.nanoTime();
                assertThatThrownBy(() -> database.withConnection(c -> 1))
                        .isInstanceOf(DatabaseUnavailableException.class)
                        .hasMessageContaining("no connection free within 2000 ms");
                assertThat(Duration.ofNanos(System.nanoTime() - started))
                        .as("time waited")
                        .isBetween(Duration.ofMillis(1_900), Duration.ofSeconds(4));
            } finally {
                release.countDown();
                for (Thread holder : holders) {
                    holder.join(5_000);
                }
            }
        }
    }

    /** Takes one connection and keeps it until {@code release}; returns once it holds it. */
    private static Thread hold(Database database, CountDownLatch release) throws InterruptedException {
        CountDownLatch holding = new CountDownLatch(1);
        Thread holder = new Thread(() -> database.withConnection(c -> {
            holding.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        holder.start();
        holding.await();
        return holder;
    }
}
