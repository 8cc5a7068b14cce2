package dev.proofgate.acceptance.drivers;

import com.fasterxml.jackson.databind.JsonNode;

/** Declaring and compiling signatures. */
public interface SignaturesApi {

    Outcome<Signature> declare(String definition, JsonNode constraints);

    /** A dry-run compilation: the platform stores nothing. */
    Outcome<Signature> compile(String definition, JsonNode constraints);

    Outcome<Signature> findByName(String name);
}
