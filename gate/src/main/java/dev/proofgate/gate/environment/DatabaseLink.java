package dev.proofgate.gate.environment;

import java.time.Duration;

/**
 * The link the platform reaches its database through, where the suite can put faults on it. Named
 * after Toxiproxy's toxics: a cut resets every open connection and refuses new ones, latency delays
 * every chunk in each direction, a reset drops the open connections once.
 */
public interface DatabaseLink {

    void cut();

    void slow(Duration latency);

    void resetAll();

    void heal();

    /** Connections open through the link right now. */
    int openLinks();
}
