package dev.proofgate.gate.verdict;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The system under test could not be reached at all: a new connection to it was refused or timed out.
 * The verdict files this as an environment problem (the system was lost), unless the scenario itself
 * takes the system down (its tags are in {@code proofgate.loss.is.finding.tags}), where not coming back is the finding.
 * A suite's drivers throw it, or a subclass of it, once they know the system is gone.
 */
public class SystemUnreachable extends UncheckedIOException {

    public SystemUnreachable(String message, IOException cause) {
        super(message, cause);
    }
}
