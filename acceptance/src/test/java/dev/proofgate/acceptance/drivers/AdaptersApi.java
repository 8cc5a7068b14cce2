package dev.proofgate.acceptance.drivers;

import java.util.List;

/** The adapters a program may use, with their capabilities. */
public interface AdaptersApi {

    List<Adapter> list();
}
