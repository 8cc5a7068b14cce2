package dev.proofgate.acceptance.drivers;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.proofgate.gate.support.Json;
import java.math.BigInteger;
import java.util.Map;

/** Speaks the bridge wire protocol to one worker; every frame sent and received is attached as evidence. */
public interface BridgeDriver extends AutoCloseable {

    Reply request(String command, Map<String, ?> args, boolean compressed);

    /** Asks the worker to run a model for a signature written in the signature language, on the given inputs. */
    Reply execute(String definition, Map<String, ?> inputs);

    /** Sends one frame around raw payload bytes (not JSON, or oversized) and returns the worker's answer to it. */
    Reply sendPayload(byte[] payload);

    int maxFrameBytes();

    @Override
    void close();

    /** A worker's answer: a result, or an error of a protocol type. */
    record Reply(JsonNode result, String errorType, String errorMessage) {
        public boolean ok() {
            return errorType == null;
        }

        /** The result read as a health report. */
        public WorkerHealth health() {
            return Json.MAPPER.convertValue(result, WorkerHealth.class);
        }

        /** One output of an executed model as text; empty when there is none. */
        public String text(String name) {
            return output(name).asText();
        }

        /** One output of an executed model as a number; the fallback when it is none. */
        public double number(String name, double fallback) {
            return output(name).asDouble(fallback);
        }

        /** One output of an executed model by its declared name; a missing node when there is none. */
        public JsonNode output(String name) {
            return result == null
                    ? MissingNode.getInstance()
                    : result.path("outputs").path(name);
        }
    }

    /** A worker's health report. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record WorkerHealth(
            String status,
            @JsonProperty("protocol_version") Integer protocolVersion,
            Long pid,
            @JsonProperty("uptime_seconds") Double uptimeSeconds,
            @JsonProperty("requests_served") Number requestsServed) {

        /** Whether the requests served are counted as a whole number. */
        public boolean countsRequests() {
            return requestsServed instanceof Integer
                    || requestsServed instanceof Long
                    || requestsServed instanceof BigInteger;
        }
    }
}
