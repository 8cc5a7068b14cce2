package dev.proofgate.acceptance.drivers.rest;

/** The platform's API paths, written once: the REST drivers and the load driver build their requests from these. */
public final class Routes {

    public static final String SIGNATURES = "/api/signatures";
    public static final String SIGNATURES_COMPILE = "/api/signatures/compile";
    public static final String SIGNATURE_BY_NAME = "/api/signatures/by-name/{name}";
    public static final String PROGRAMS = "/api/programs";
    public static final String EXECUTIONS = "/api/executions";
    public static final String EXECUTION = "/api/executions/{id}";
    public static final String ADAPTERS = "/api/adapters";
    public static final String HEALTH = "/health";
    public static final String LIVE = "/health/live";
    public static final String READY = "/health/ready";

    private Routes() {}

    /** The path of one execution. */
    public static String execution(String id) {
        return EXECUTIONS + "/" + id;
    }

    /** The path of one program. */
    public static String program(String id) {
        return PROGRAMS + "/" + id;
    }

    /** The path of one signature. */
    public static String signature(String id) {
        return SIGNATURES + "/" + id;
    }
}
