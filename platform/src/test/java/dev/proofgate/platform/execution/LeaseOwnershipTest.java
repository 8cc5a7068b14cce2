package dev.proofgate.platform.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.proofgate.platform.adapter.AdapterRegistry;
import dev.proofgate.platform.adapter.NativeAdapter;
import dev.proofgate.platform.signature.SignatureCompiler;
import dev.proofgate.platform.store.Database;
import dev.proofgate.platform.store.Execution;
import dev.proofgate.platform.store.ExecutionStore;
import dev.proofgate.platform.store.Program;
import dev.proofgate.platform.store.ProgramStore;
import dev.proofgate.platform.store.SignatureStore;
import dev.proofgate.platform.support.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A claim that lost its lease (its process stalled, the database was away) must not take the new
 * owner's lease with it when it finally finishes: the new owner's lease is still renewed, so the
 * execution runs twice at most instead of being handed from claim to claim.
 */
class LeaseOwnershipTest {

    @Test
    void anOldClaimFinishingLateLeavesTheNewOwnersLeaseInPlace() throws Exception {
        try (TestDatabase testDatabase = new TestDatabase();
                Database database = new Database(testDatabase.url(), "postgres", "postgres", 6)) {
            SignatureStore signatures = new SignatureStore(database);
            ProgramStore programs = new ProgramStore(database);
            ExecutionStore executions = new ExecutionStore(database);
            UUID signatureId = signatures
                    .create("qa", "signature qa: :string question -> :string answer", null)
                    .orElseThrow()
                    .id();
            Program program = programs.create(
                    "slow",
                    signatureId,
                    NativeAdapter.NAME,
                    JsonNodeFactory.instance.objectNode().put("latency_ms", 1500));
            ProgramResolver resolver = new ProgramResolver(programs, signatures, new SignatureCompiler());
            Dispatcher dispatcher = new Dispatcher(
                    executions,
                    resolver,
                    new AdapterRegistry().register(new NativeAdapter()),
                    1,
                    2,
                    new SimpleMeterRegistry());
            UUID id = executions
                    .submit(
                            program.id(),
                            NativeAdapter.NAME,
                            JsonNodeFactory.instance.objectNode().put("question", "slow?"),
                            "test-key",
                            null)
                    .execution()
                    .id();

            Execution first = executions.claim("old-claim", 2).orElseThrow();
            Thread oldOwner = new Thread(() -> dispatcher.run(first, "old-claim"));
            oldOwner.start();
            Awaitility.await("the old claim to be in flight")
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> dispatcher.inFlight() == 1);

            testDatabase.execute(
                    "update executions set lease_expires_at = now() - interval '1 second' where id = '" + id + "'");
            assertThat(executions.requeueExpired())
                    .as("executions re-queued after the lease ran out")
                    .isEqualTo(1);
            Execution second = executions.claim("new-claim", 2).orElseThrow();
            Thread newOwner = new Thread(() -> dispatcher.run(second, "new-claim"));
            newOwner.start();

            oldOwner.join(10_000);
            assertThat(dispatcher.inFlight())
                    .as("executions in flight (and so with their lease renewed) after the old claim finished, "
                            + "while the new owner still runs")
                    .isEqualTo(1);
            newOwner.join(10_000);
            assertThat(dispatcher.inFlight())
                    .as("executions in flight after both finished")
                    .isZero();
            assertThat(testDatabase.count("select completions from executions where id = '" + id + "'"))
                    .as("completions")
                    .isEqualTo(1);
            dispatcher.drain(0);
        }
    }

    @Test
    void aLeasePastItsExpiryCannotBeRenewedSoTheReQueueAlwaysWins() throws Exception {
        try (TestDatabase testDatabase = new TestDatabase();
                Database database = new Database(testDatabase.url(), "postgres", "postgres", 2)) {
            SignatureStore signatures = new SignatureStore(database);
            ProgramStore programs = new ProgramStore(database);
            ExecutionStore executions = new ExecutionStore(database);
            UUID signatureId = signatures
                    .create("qa", "signature qa: :string question -> :string answer", null)
                    .orElseThrow()
                    .id();
            Program program =
                    programs.create("quick", signatureId, NativeAdapter.NAME, JsonNodeFactory.instance.objectNode());
            UUID id = executions
                    .submit(
                            program.id(),
                            NativeAdapter.NAME,
                            JsonNodeFactory.instance.objectNode().put("question", "renew?"),
                            "test-key",
                            null)
                    .execution()
                    .id();
            executions.claim("claim", 2).orElseThrow();

            assertThat(executions.renewLease(id, "claim", 2))
                    .as("renewals of a live lease")
                    .isEqualTo(1);
            testDatabase.execute(
                    "update executions set lease_expires_at = now() - interval '1 second' where id = '" + id + "'");
            assertThat(executions.renewLease(id, "claim", 2))
                    .as("renewals of a lease past its expiry")
                    .isZero();
            assertThat(executions.requeueExpired())
                    .as("executions re-queued after the failed renewal")
                    .isEqualTo(1);
        }
    }
}
