package dev.proofgate.platform.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.proofgate.platform.support.TestDatabase;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The outcomes of a claimed batch are written together, in one transaction, and each only where the
 * claim still holds the lease: an execution whose lease passed to another claim keeps its new owner.
 */
class OutcomeWritingTest {

    @Test
    void outcomesWrittenTogetherSkipTheOneWhoseLeaseWasLost() {
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
            for (int i = 0; i < 3; i++) {
                executions.submit(
                        programId,
                        "native",
                        JsonNodeFactory.instance.objectNode().put("question", "q" + i),
                        "test-key",
                        null);
            }
            List<Execution> claimed = executions.claim("old", 15, 3, Integer.MAX_VALUE);
            assertThat(claimed).as("executions claimed in one batch").hasSize(3);
            UUID lost = claimed.get(1).id();
            testDatabase.execute(
                    "update executions set lease_expires_at = now() - interval '1 second' where id = '" + lost + "'");
            executions.requeueExpired();
            assertThat(executions.claim("new", 15))
                    .as("the execution whose lease ran out, claimed again")
                    .isPresent();

            boolean[] written = executions.finish(
                    List.of(
                            new ExecutionStore.Outcome(
                                    claimed.get(0).id(),
                                    true,
                                    JsonNodeFactory.instance.objectNode().put("answer", "a0"),
                                    3,
                                    JsonNodeFactory.instance.arrayNode()),
                            new ExecutionStore.Outcome(
                                    lost,
                                    true,
                                    JsonNodeFactory.instance.objectNode().put("answer", "a1"),
                                    3,
                                    JsonNodeFactory.instance.arrayNode()),
                            new ExecutionStore.Outcome(
                                    claimed.get(2).id(),
                                    false,
                                    JsonNodeFactory.instance.objectNode().put("type", "model_error"),
                                    3,
                                    JsonNodeFactory.instance.arrayNode())),
                    "old");

            assertThat(written).as("outcomes written, in order").containsExactly(true, false, true);
            assertThat(executions.find(claimed.get(0).id()).orElseThrow().status())
                    .isEqualTo(Execution.COMPLETED);
            assertThat(executions
                            .find(claimed.get(0).id())
                            .orElseThrow()
                            .outputs()
                            .path("answer")
                            .asText())
                    .isEqualTo("a0");
            Execution stillOwned = executions.find(lost).orElseThrow();
            assertThat(stillOwned.status())
                    .as("status of the execution now held by another claim")
                    .isEqualTo(Execution.RUNNING);
            assertThat(stillOwned.completions()).as("its completions").isZero();
            Execution failed = executions.find(claimed.get(2).id()).orElseThrow();
            assertThat(failed.status()).isEqualTo(Execution.FAILED);
            assertThat(failed.error().path("type").asText()).isEqualTo("model_error");
            assertThat(failed.outputs()).as("outputs of a failed execution").isNull();
        }
    }
}
