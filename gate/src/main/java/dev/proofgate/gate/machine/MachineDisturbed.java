package dev.proofgate.gate.machine;

import org.opentest4j.TestAbortedException;

/**
 * A timing budget that could not be judged: it was breached while the machine was disturbed, and
 * again when measured once more. The scenario is aborted (reported as skipped, so {@code mvn test}
 * stays green) and the verdict files it as an environment problem, never as a product defect.
 */
public final class MachineDisturbed extends TestAbortedException {

    public MachineDisturbed(String message) {
        super(message);
    }
}
