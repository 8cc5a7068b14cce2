package dev.proofgate.acceptance.drivers;

import com.fasterxml.jackson.databind.JsonNode;

/** Speaks the bridge wire protocol to one worker; every frame sent and received is attached as evidence. */
public interface BridgeDriver extends AutoCloseable {

    Reply request(String command, JsonNode args, boolean compressed);

    /** Sends raw bytes (a broken or oversized frame) and returns the worker's answer to them. */
    Reply sendRaw(byte[] bytes);

    int maxFrameBytes();

    @Override
    void close();

    /** A worker's answer: a result, or an error of a protocol type. */
    record Reply(JsonNode result, String errorType, String errorMessage) {
        public boolean ok() {
            return errorType == null;
        }
    }
}
