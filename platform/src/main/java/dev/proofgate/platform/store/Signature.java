package dev.proofgate.platform.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/** A stored signature: its source definition and constraints (the compiled form is derived from them). */
public record Signature(UUID id, String name, String definition, JsonNode constraints, Instant createdAt) {}
