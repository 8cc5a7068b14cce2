package dev.proofgate.platform.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proofgate.platform.adapter.Adapter;
import dev.proofgate.platform.adapter.AdapterException;
import dev.proofgate.platform.adapter.AdapterRegistry;
import dev.proofgate.platform.adapter.NativeAdapter;
import dev.proofgate.platform.signature.CompiledSignature;
import dev.proofgate.platform.signature.SignatureCompiler;
import dev.proofgate.platform.store.Database;
import dev.proofgate.platform.store.DatabaseUnavailableException;
import dev.proofgate.platform.store.ExecutionStore;
import dev.proofgate.platform.store.Program;
import dev.proofgate.platform.store.ProgramStore;
import dev.proofgate.platform.store.SignatureStore;
import dev.proofgate.platform.support.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A dispatcher thread claims executions in batches. When one run of a batch fails because the
 * database went away, the rest of the batch must not stay claimed with its leases renewed for ever:
 * every accepted execution still completes.
 */
class BatchInterruptedTest {

    private static final int EXECUTIONS = 24;

    @Test
    void theRestOfABatchCutShortByADatabaseOutageStillCompletes() throws Exception {
        try (TestDatabase testDatabase = new TestDatabase();
                Database database = new Database(testDatabase.url(), "postgres", "postgres", 4)) {
            SignatureStore signatures = new SignatureStore(database);
            ProgramStore programs = new ProgramStore(database);
            ExecutionStore executions = new ExecutionStore(database);
            UUID signatureId = signatures
                    .create("qa", "signature qa: :string question -> :string answer", null)
                    .orElseThrow()
                    .id();
            Program program =
                    programs.create("quick", signatureId, NativeAdapter.NAME, JsonNodeFactory.instance.objectNode());
            for (int i = 0; i < EXECUTIONS; i++) {
                executions.submit(
                        program.id(),
                        NativeAdapter.NAME,
                        JsonNodeFactory.instance.objectNode().put("question", "q" + i),
                        "test-key",
                        null);
            }
            OutageOnce adapter = new OutageOnce(EXECUTIONS / 2);
            Dispatcher dispatcher = new Dispatcher(
                            executions,
                            new ProgramResolver(programs, signatures, new SignatureCompiler()),
                            new AdapterRegistry().register(adapter),
                            1,
                            2,
                            new SimpleMeterRegistry())
                    .start();
            try {
                Awaitility.await("every accepted execution to complete after the outage in the middle of a batch")
                        .atMost(Duration.ofSeconds(20))
                        .until(() -> testDatabase.count("select count(*) from executions where status = 'completed'")
                                == EXECUTIONS);
                assertThat(adapter.outages.get()).as("outages injected").isEqualTo(1);
                Awaitility.await("nothing left in flight")
                        .atMost(Duration.ofSeconds(5))
                        .until(() -> dispatcher.inFlight() == 0);
            } finally {
                dispatcher.drain(0);
            }
        }
    }

    /** The native adapter, except that one call (the n-th) finds the database gone. */
    private static final class OutageOnce implements Adapter {
        private final NativeAdapter delegate = new NativeAdapter();
        private final AtomicInteger calls = new AtomicInteger();
        private final AtomicInteger outages = new AtomicInteger();
        private final int failingCall;

        OutageOnce(int failingCall) {
            this.failingCall = failingCall;
        }

        @Override
        public String name() {
            return delegate.name();
        }

        @Override
        public ObjectNode capabilities() {
            return delegate.capabilities();
        }

        @Override
        public AdapterHealth health() {
            return delegate.health();
        }

        @Override
        public JsonNode execute(CompiledSignature signature, JsonNode inputs, JsonNode config) throws AdapterException {
            if (calls.incrementAndGet() == failingCall) {
                outages.incrementAndGet();
                throw new DatabaseUnavailableException("database unavailable: injected in the middle of a batch", null);
            }
            return delegate.execute(signature, inputs, config);
        }
    }
}
