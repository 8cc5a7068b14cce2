package dev.proofgate.acceptance.drivers;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** The platform's health report: the overall status and each component's. */
public record Health(String status, String version, Map<String, Component> components) {

    public static final String UP = "up";
    public static final String BRIDGE = "python_bridge";
    public static final String QUEUE = "execution_queue";

    /**
     * One component as reported: its status and, where it has them, the bridge's workers (alive, target,
     * restarts, process ids) and the queue's counts.
     */
    public record Component(
            String status,
            String reason,
            @JsonProperty("workers_alive") Integer workersAlive,
            @JsonProperty("workers_target") Integer workersTarget,
            Long restarts,
            @JsonProperty("worker_pids") List<Long> workerPids,
            Long queued,
            Long running,
            @JsonProperty("in_flight_here") Long inFlightHere) {

        public List<Long> workerPids() {
            return workerPids == null ? List.of() : workerPids;
        }
    }

    public Map<String, Component> components() {
        return components == null ? Map.of() : components;
    }

    /** A component by name; one with no status when the report does not name it. */
    public Component component(String name) {
        return components()
                .getOrDefault(name, new Component(null, "not reported", null, null, null, null, null, null, null));
    }

    /** The Python bridge's component. */
    public Component bridge() {
        return component(BRIDGE);
    }
}
