package dev.proofgate.acceptance.drivers;

import java.util.Map;

/** Declaring and compiling signatures. */
public interface SignaturesApi {

    Outcome<Signature> declare(String definition, Map<String, ?> constraints);

    /** A dry-run compilation: the platform stores nothing. */
    Outcome<Signature> compile(String definition, Map<String, ?> constraints);

    Outcome<Signature> findByName(String name);
}
