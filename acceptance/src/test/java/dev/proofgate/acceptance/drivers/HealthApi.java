package dev.proofgate.acceptance.drivers;

/** The platform's own report on its health. */
public interface HealthApi {

    /** The health report, whether the platform says it is up, degraded or down. */
    Health read();
}
