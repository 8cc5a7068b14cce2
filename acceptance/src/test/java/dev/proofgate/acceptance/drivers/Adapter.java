package dev.proofgate.acceptance.drivers;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A model adapter the platform offers: its name, whether it is up, and what it can do. */
public record Adapter(String name, String status, Capabilities capabilities) {

    /** The runtime an adapter runs its model in and the output types it can fill. */
    public record Capabilities(
            String runtime, @JsonProperty("output_types") List<String> outputTypes) {

        public List<String> outputTypes() {
            return outputTypes == null ? List.of() : outputTypes;
        }
    }

    public Capabilities capabilities() {
        return capabilities == null ? new Capabilities(null, List.of()) : capabilities;
    }
}
