package dev.proofgate.platform.api;

import dev.proofgate.platform.adapter.AdapterRegistry;
import dev.proofgate.platform.execution.Dispatcher;
import dev.proofgate.platform.execution.ProgramResolver;
import dev.proofgate.platform.signature.SignatureCompiler;
import dev.proofgate.platform.store.Database;
import dev.proofgate.platform.store.ExecutionStore;
import dev.proofgate.platform.store.ProgramStore;
import dev.proofgate.platform.store.SignatureStore;

/** What the API's routes read and write: the stores, the compiler, the adapters and the dispatcher. */
public record ApiServices(
        Database database,
        SignatureStore signatures,
        ProgramStore programs,
        ExecutionStore executions,
        ProgramResolver resolver,
        SignatureCompiler compiler,
        AdapterRegistry adapters,
        Dispatcher dispatcher) {}
