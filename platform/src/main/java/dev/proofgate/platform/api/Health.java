package dev.proofgate.platform.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proofgate.platform.adapter.Adapter;
import dev.proofgate.platform.adapter.AdapterRegistry;
import dev.proofgate.platform.adapter.PythonPortAdapter;
import dev.proofgate.platform.execution.Dispatcher;
import dev.proofgate.platform.signature.SignatureCompiler;
import dev.proofgate.platform.store.Database;
import dev.proofgate.platform.store.ExecutionStore;

/**
 * The five health components. Overall status is the worst component: {@code up} and
 * {@code degraded} answer 200 (the platform still serves), {@code down} answers 503.
 */
final class Health {

    private static final String CANARY = "signature health_canary: :string question -> :string answer";

    private final Database database;
    private final AdapterRegistry adapters;
    private final Dispatcher dispatcher;
    private final SignatureCompiler compiler;
    private final String version;

    Health(
            Database database,
            AdapterRegistry adapters,
            Dispatcher dispatcher,
            SignatureCompiler compiler,
            String version) {
        this.database = database;
        this.adapters = adapters;
        this.dispatcher = dispatcher;
        this.compiler = compiler;
        this.version = version;
    }

    ObjectNode report() {
        ObjectNode report = JsonNodeFactory.instance.objectNode();
        ObjectNode components = JsonNodeFactory.instance.objectNode();

        boolean dbUp = database.reachable();
        components.putObject("database").put("status", dbUp ? "up" : "down");

        Adapter python = adapters.find(PythonPortAdapter.NAME).orElse(null);
        if (python == null) {
            components
                    .putObject("python_bridge")
                    .put("status", "down")
                    .put("reason", "python_port adapter not registered");
        } else {
            Adapter.AdapterHealth bridge = python.health();
            ObjectNode node = components.putObject("python_bridge").put("status", bridge.status());
            node.setAll(bridge.details());
        }

        ObjectNode signatures = components.putObject("signature_system");
        try {
            compiler.compile(CANARY);
            signatures.put("status", "up");
        } catch (Exception e) {
            signatures.put("status", "down").put("reason", e.getMessage());
        }

        ObjectNode registry = components.putObject("adapter_registry");
        registry.put("status", adapters.all().isEmpty() ? "down" : "up");
        var names = registry.putArray("adapters");
        adapters.all().forEach(adapter -> names.add(adapter.name()));

        ExecutionStore.QueueStats stats = dispatcher.queueStats();
        components
                .putObject("execution_queue")
                .put("status", dbUp ? "up" : "down")
                .put("queued", stats.queued())
                .put("running", stats.running())
                .put("oldest_queued_ms", stats.oldestQueuedMs())
                .put("in_flight_here", dispatcher.inFlight());

        String overall = "up";
        for (var component : components) {
            String status = component.path("status").asText();
            if ("down".equals(status)) {
                overall = "down";
            } else if ("degraded".equals(status) && "up".equals(overall)) {
                overall = "degraded";
            }
        }
        report.put("status", overall);
        report.put("version", version);
        report.set("components", components);
        return report;
    }

    /** Ready for traffic: the database answers and at least one adapter can take work. */
    boolean ready() {
        return database.reachable()
                && adapters.all().stream()
                        .anyMatch(adapter -> !"down".equals(adapter.health().status()));
    }
}
