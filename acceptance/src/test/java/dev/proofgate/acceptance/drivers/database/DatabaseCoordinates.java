package dev.proofgate.acceptance.drivers.database;

/** Where the platform's PostgreSQL is, and as whom the suite reads it. */
public record DatabaseCoordinates(String url, String user, String password) {}
