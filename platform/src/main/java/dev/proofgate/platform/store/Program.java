package dev.proofgate.platform.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/** A signature bound to an adapter with its configuration. */
public record Program(UUID id, String name, UUID signatureId, String adapter, JsonNode config, Instant createdAt) {}
