package dev.proofgate.platform.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.proofgate.platform.support.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Concurrent submissions are committed together, and still each as if alone: one idempotency key makes
 * one execution however many of its requests share a group, and a row the database refuses fails its
 * own request only.
 */
class SubmissionGroupsTest {

    private static final int REQUESTS = 40;

    @Test
    void requestsCommittedTogetherKeepTheirIdempotencyAndTheirOwnFailures() throws Exception {
        try (TestDatabase testDatabase = new TestDatabase();
                Database database = new Database(testDatabase.url(), "postgres", "postgres", 2)) {
            UUID signatureId = new SignatureStore(database)
                    .create("qa", "signature qa: :string question -> :string answer", null)
                    .orElseThrow()
                    .id();
            UUID programId = new ProgramStore(database)
                    .create("quick", signatureId, "native", JsonNodeFactory.instance.objectNode())
                    .id();
            ExecutionStore executions = new ExecutionStore(database);
            executions.submit(programId, "native", question("first"), "test-key", null);

            ExecutorService callers = Executors.newFixedThreadPool(REQUESTS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<ExecutionStore.Submission>> keyed = new ArrayList<>();
            List<Future<ExecutionStore.Submission>> plain = new ArrayList<>();
            Future<ExecutionStore.Submission> refused;
            try {
                for (int i = 0; i < REQUESTS / 2 - 1; i++) {
                    keyed.add(callers.submit(at(
                            go,
                            () -> executions.submit(programId, "native", question("same"), "test-key", "one-key"))));
                    int n = i;
                    plain.add(callers.submit(
                            at(go, () -> executions.submit(programId, "native", question("q" + n), "test-key", null))));
                }
                // PostgreSQL's jsonb refuses the NUL character: the database, not the caller, rejects this row
                refused = callers.submit(
                        at(go, () -> executions.submit(programId, "native", question("nul \u0000"), "test-key", null)));
                go.countDown();

                Set<UUID> keyedIds = new java.util.HashSet<>();
                long replayed = 0;
                for (Future<ExecutionStore.Submission> submission : keyed) {
                    keyedIds.add(submission.get().execution().id());
                    replayed += submission.get().replayed() ? 1 : 0;
                }
                assertThat(keyedIds)
                        .as("executions made by %d requests with one idempotency key", keyed.size())
                        .hasSize(1);
                assertThat(replayed).as("of them, answered as a replay").isEqualTo(keyed.size() - 1);
                Set<UUID> plainIds = new java.util.HashSet<>();
                for (Future<ExecutionStore.Submission> submission : plain) {
                    plainIds.add(submission.get().execution().id());
                }
                assertThat(plainIds)
                        .as("executions made by requests without a key")
                        .hasSize(plain.size());
                assertThat(refused)
                        .as("the request whose row the database refused")
                        .failsWithin(java.time.Duration.ofSeconds(10));
            } finally {
                callers.shutdownNow();
            }
            assertThat(testDatabase.count("select count(*) from executions"))
                    .as("executions committed")
                    .isEqualTo(1 + 1 + plain.size());
            assertThat(executions.largestSubmissionGroup())
                    .as("the most submissions committed together")
                    .isGreaterThan(1);
        }
    }

    private static JsonNode question(String text) {
        return JsonNodeFactory.instance.objectNode().put("question", text);
    }

    private static <T> Callable<T> at(CountDownLatch go, Callable<T> call) {
        return () -> {
            go.await();
            return call.call();
        };
    }
}
