package dev.proofgate.acceptance.drivers;

import com.fasterxml.jackson.databind.JsonNode;

/** The adapters a program may use, with their capabilities. */
public interface AdaptersApi {

    JsonNode list();
}
