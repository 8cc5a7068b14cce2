package dev.proofgate.acceptance.environment;

import dev.proofgate.acceptance.drivers.database.DatabaseCoordinates;
import dev.proofgate.acceptance.drivers.rest.Routes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Checks, before any scenario, that the run can prove anything at all: the platform is reachable
 * (within 10 s, with a progress line every few seconds), it reports its version, it accepts the
 * suite's API key, and its database answers when database access was configured. A failure is an
 * environment problem with one line saying what to fix, never a product defect.
 */
public final class Preflight {

    static final Duration REACHABLE_WITHIN = Duration.ofSeconds(10);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(3);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Preflight() {}

    /** Waits until the platform answers at all; a wrong URL fails here within 10 s instead of after the start-up timeout. */
    static void reachable(String baseUrl) {
        AtomicReference<String> lastSeen = new AtomicReference<>("no answer yet");
        AtomicLong nextProgress = new AtomicLong(PROGRESS_EVERY.toMillis());
        try {
            Awaitility.await("the platform at " + baseUrl + " to answer")
                    .atMost(REACHABLE_WITHIN)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(500))
                    .conditionEvaluationListener(condition -> {
                        if (!condition.isSatisfied() && condition.getElapsedTimeInMS() >= nextProgress.get()) {
                            System.out.printf(
                                    "[proofgate] preflight: waiting for %s (%d s of %d s; last seen: %s)%n",
                                    baseUrl,
                                    condition.getElapsedTimeInMS() / 1000,
                                    REACHABLE_WITHIN.toSeconds(),
                                    lastSeen.get());
                            nextProgress.addAndGet(PROGRESS_EVERY.toMillis());
                        }
                    })
                    .until(() -> answers(baseUrl, lastSeen));
        } catch (ConditionTimeoutException e) {
            throw failure(
                    "the platform at " + baseUrl + " is not reachable within " + REACHABLE_WITHIN.toSeconds()
                            + " s (last seen: " + lastSeen.get() + ")",
                    "check proofgate.base.url and that the platform is running");
        }
        System.out.println("[proofgate] preflight: " + baseUrl + " answers");
    }

    private static boolean answers(String baseUrl, AtomicReference<String> lastSeen) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(baseUrl + Routes.LIVE))
                            .timeout(Duration.ofSeconds(2))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            lastSeen.set("answered " + response.statusCode());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            lastSeen.set(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
            return false;
        }
    }

    /** Version known, key accepted, database reachable where configured. */
    static void check(Environment environment) {
        String baseUrl = environment.baseUrl();
        String version = PlatformReadiness.version(baseUrl);
        if (version.isBlank() || "unknown".equals(version)) {
            throw failure(
                    "the platform at " + baseUrl + " does not report its version",
                    "check that proofgate.base.url points at a Proofgate platform");
        }
        int status = keyCheck(baseUrl, environment.apiKey());
        if (status == 401 || status == 403) {
            throw failure(
                    "the platform at " + baseUrl + " refused the suite's API key (" + status + ")",
                    "set proofgate.api.key (or PROOFGATE_API_KEY) to a key the platform accepts");
        }
        if (status != 200) {
            throw failure(
                    "the platform at " + baseUrl + " answered " + status + " to an authenticated request",
                    "check the platform's health and log");
        }
        Optional<DatabaseCoordinates> database = environment.database();
        if (database.isPresent()) {
            DriverManager.setLoginTimeout(5);
            try (Connection connection = DriverManager.getConnection(
                    database.get().url(), database.get().user(), database.get().password())) {
                connection.isValid(5);
            } catch (SQLException e) {
                throw failure(
                        "the database at " + database.get().url() + " is not reachable ("
                                + e.getMessage().lines().findFirst().orElse("") + ")",
                        "check proofgate.db.url, proofgate.db.user and proofgate.db.password, or leave proofgate.db.url unset");
            }
        }
        System.out.println("[proofgate] preflight passed: " + baseUrl + " reachable, version " + version
                + ", API key accepted" + (database.isPresent() ? ", database reachable" : ""));
    }

    private static int keyCheck(String baseUrl, String apiKey) {
        try {
            return HTTP.send(
                            HttpRequest.newBuilder(URI.create(baseUrl + Routes.ADAPTERS))
                                    .header("Authorization", "Bearer " + apiKey)
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("the key check was interrupted", "run again");
        } catch (Exception e) {
            throw failure(
                    "the platform at " + baseUrl + " did not answer an authenticated request (" + e.getMessage() + ")",
                    "check proofgate.base.url and the platform's log");
        }
    }

    private static IllegalStateException failure(String what, String fix) {
        return new IllegalStateException("preflight failed: " + what + "; to fix: " + fix);
    }
}
