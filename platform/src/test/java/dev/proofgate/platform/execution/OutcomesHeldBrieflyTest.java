package dev.proofgate.platform.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.proofgate.platform.adapter.AdapterRegistry;
import dev.proofgate.platform.adapter.NativeAdapter;
import dev.proofgate.platform.signature.SignatureCompiler;
import dev.proofgate.platform.store.Database;
import dev.proofgate.platform.store.Execution;
import dev.proofgate.platform.store.ExecutionStore;
import dev.proofgate.platform.store.ProgramStore;
import dev.proofgate.platform.store.SignatureStore;
import dev.proofgate.platform.support.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A dispatcher thread writes the outcomes of a claimed batch together, but a finished outcome never
 * waits behind the run of another program: a quick answer claimed in the same batch as a slow one is
 * completed before the slow one has finished.
 */
class OutcomesHeldBrieflyTest {

    private static final int SLOW_MS = 1_500;

    @Test
    void aQuickAnswerIsWrittenBeforeASlowOneOfTheSameBatchRuns() {
        try (TestDatabase testDatabase = new TestDatabase();
                Database database = new Database(testDatabase.url(), "postgres", "postgres", 4)) {
            SignatureStore signatures = new SignatureStore(database);
            ProgramStore programs = new ProgramStore(database);
            ExecutionStore executions = new ExecutionStore(database);
            UUID signatureId = signatures
                    .create("qa", "signature qa: :string question -> :string answer", null)
                    .orElseThrow()
                    .id();
            UUID quick = programs.create(
                            "quick", signatureId, NativeAdapter.NAME, JsonNodeFactory.instance.objectNode())
                    .id();
            UUID slow = programs.create(
                            "slow",
                            signatureId,
                            NativeAdapter.NAME,
                            JsonNodeFactory.instance.objectNode().put("latency_ms", SLOW_MS))
                    .id();
            // three quick runs grow the thread's batch, so that the next claim takes the last quick one and the slow
            // one together
            for (int i = 0; i < 3; i++) {
                executions.submit(
                        quick,
                        NativeAdapter.NAME,
                        JsonNodeFactory.instance.objectNode().put("question", "warm " + i),
                        "test-key",
                        null);
            }
            UUID lastQuick = executions
                    .submit(
                            quick,
                            NativeAdapter.NAME,
                            JsonNodeFactory.instance.objectNode().put("question", "quick"),
                            "test-key",
                            null)
                    .execution()
                    .id();
            UUID slowOne = executions
                    .submit(
                            slow,
                            NativeAdapter.NAME,
                            JsonNodeFactory.instance.objectNode().put("question", "slow"),
                            "test-key",
                            null)
                    .execution()
                    .id();

            Dispatcher dispatcher = new Dispatcher(
                            executions,
                            new ProgramResolver(programs, signatures, new SignatureCompiler()),
                            new AdapterRegistry().register(new NativeAdapter()),
                            1,
                            15,
                            new SimpleMeterRegistry())
                    .start();
            try {
                Awaitility.await("the quick answer claimed with the slow one to be completed")
                        .atMost(Duration.ofMillis(SLOW_MS - 500))
                        .until(() -> executions
                                .find(lastQuick)
                                .orElseThrow()
                                .status()
                                .equals(Execution.COMPLETED));
                Execution slowNow = executions.find(slowOne).orElseThrow();
                assertThat(slowNow.status()).as("the slow one, meanwhile").isEqualTo(Execution.RUNNING);
                assertThat(executions.find(lastQuick).orElseThrow().startedAt())
                        .as("the quick one's claim time, the slow one's")
                        .isEqualTo(slowNow.startedAt());
            } finally {
                dispatcher.drain(0);
            }
        }
    }
}
