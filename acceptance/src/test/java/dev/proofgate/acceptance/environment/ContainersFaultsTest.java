package dev.proofgate.acceptance.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.proofgate.acceptance.config.SuiteSettings;
import dev.proofgate.acceptance.drivers.database.DatabaseCoordinates;
import dev.proofgate.acceptance.drivers.rest.Routes;
import dev.proofgate.gate.support.Json;
import dev.proofgate.gate.support.Waits;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The faults of the containers mode, each done for real to a platform in containers and observed from
 * outside: the scenarios that use them (resilience, checklists) then run unchanged in this mode. Runs
 * only with {@code -Dproofgate.mode=containers} (it needs a Docker engine); `.ci/run` runs it where it
 * can provision one.
 */
class ContainersFaultsTest {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration BOUND = Duration.ofSeconds(60);
    private static ContainersEnvironment environment;
    private static Faults faults;

    @BeforeAll
    static void startContainers() {
        SuiteSettings settings = SuiteSettings.load();
        Assumptions.assumeTrue(
                SuiteSettings.CONTAINERS.equals(settings.mode()),
                "the containers mode's faults are proven with -Dproofgate.mode=containers");
        environment = new ContainersEnvironment(settings);
        environment.start();
        faults = environment.faults();
    }

    @AfterAll
    static void removeContainers() {
        if (environment != null) {
            environment.close();
        }
    }

    @AfterEach
    void restore() {
        faults.restore();
    }

    @Test
    void aKilledWorkerIsGoneAndTheSupervisorStartsAnother() {
        List<Long> before = Waits.until(
                "two live Python workers in the platform container", BOUND, () -> workers(), pids -> pids.size() == 2);

        long victim = faults.killWorker();

        assertThat(before)
                .as("the killed worker was one of the platform's workers")
                .contains(victim);
        List<Long> after = Waits.until(
                "a replacement worker in the platform container",
                BOUND,
                () -> workers(),
                pids -> pids.size() == 2 && !pids.contains(victim));
        assertThat(after).as("workers after the kill").doesNotContain(victim).hasSize(2);
        assertThat(faults.liveWorkers()).isEqualTo(2);
    }

    @Test
    void aStoppedDatabaseMakesThePlatformUnreadyAndKeepsItsDataWhenStartedAgain() throws Exception {
        String signature = createSignature();
        String startedBefore = postmasterStart();

        faults.stopDatabase();

        assertThat(environment.containers().running(environment.containers().databaseId()))
                .as("database container running after the stop")
                .isFalse();
        awaitReadiness(503);
        assertThatThrownBy(ContainersFaultsTest::postmasterStart)
                .as("the suite's own connection to the stopped database")
                .isInstanceOf(SQLException.class);

        faults.startDatabase();

        awaitReadiness(200);
        assertThat(postmasterStart())
                .as("PostgreSQL start time after the restart")
                .isNotEqualTo(startedBefore);
        assertThat(get(Routes.signature(signature)))
                .as("the signature stored before the stop")
                .startsWith("200");
    }

    @Test
    void aCrashedPlatformStartsAgainOnTheSameDatabase() throws Exception {
        String signature = createSignature();
        String startedAt = environment
                .containers()
                .inspect(environment.containers().platformId())
                .getState()
                .getStartedAt();

        faults.crashPlatform();

        assertThat(environment
                        .containers()
                        .inspect(environment.containers().platformId())
                        .getState()
                        .getExitCodeLong())
                .as("exit code of the platform container after SIGKILL")
                .isEqualTo(137L);
        assertThatThrownBy(() -> get("/health/live"))
                .as("the crashed platform answering")
                .isInstanceOf(IOException.class);

        Duration toReady = faults.startPlatform();

        assertThat(toReady).as("time from start to ready").isPositive().isLessThan(BOUND);
        assertThat(environment
                        .containers()
                        .inspect(environment.containers().platformId())
                        .getState()
                        .getStartedAt())
                .as("start time of the platform container")
                .isNotEqualTo(startedAt);
        assertThat(get(Routes.signature(signature)))
                .as("the signature stored before the crash")
                .startsWith("200");
    }

    @Test
    void aStoppedPlatformDrainsStopsCleanlyAndStartsAgain() throws Exception {
        Duration took = faults.stopPlatform(Duration.ofSeconds(30));

        assertThat(took).as("time from SIGTERM to exit").isLessThan(Duration.ofSeconds(30));
        assertThat(environment
                        .containers()
                        .inspect(environment.containers().platformId())
                        .getState()
                        .getExitCodeLong())
                .as("exit code after SIGTERM (137 would mean docker had to kill it)")
                .isNotEqualTo(137L);
        assertThat(Files.readString(environment.platformLog().orElseThrow()))
                .as("the platform's log")
                .contains("stopped cleanly");

        faults.startPlatform();

        assertThat(get("/health/ready")).startsWith("200");
    }

    @Test
    void aSlowedLinkDelaysTheDatabaseAndHealingRemovesTheDelay() throws Exception {
        faults.slowDatabaseNetwork(Duration.ofMillis(100));

        long slowed = millisToReady();
        faults.healDatabaseNetwork();
        awaitReadiness(200);
        long healed = millisToReady();

        assertThat(slowed)
                .as("readiness (which asks the database) with 100 ms each way, in ms")
                .isGreaterThanOrEqualTo(200);
        assertThat(healed).as("readiness after healing, in ms").isLessThan(200);
    }

    @Test
    void theHostSeenFromThePlatformContainerShowsItsProcessesAndStartsThrowAwayPlatforms() {
        PlatformHost host = environment.host();

        PlatformHost.Ending badPort = host.launchPlatform(
                java.util.Map.of(
                        "PROOFGATE_PORT",
                        "twelve",
                        "PROOFGATE_DB_URL",
                        "jdbc:postgresql://127.0.0.1:9/nothing",
                        "PROOFGATE_BRIDGE_WORKERS",
                        "0"),
                List.of(),
                Duration.ofSeconds(20));
        long worker = workers().get(0);
        java.util.Map<String, String> workerEnvironment = host.processEnvironment(worker);

        assertThat(badPort.exitCode())
                .as("exit code of a start with PROOFGATE_PORT=twelve, output %s", badPort.output())
                .isEqualTo(2);
        assertThat(badPort.output())
                .as("what the bad start printed")
                .hasSize(1)
                .first()
                .asString()
                .contains("PROOFGATE_PORT");
        assertThat(workerEnvironment)
                .as("environment of worker %d in the container", worker)
                .containsKey("PATH");
        // the reader sees secrets where they are: the platform's own process holds its keys, so a worker holding them
        // would be seen
        assertThat(host.processEnvironment(1))
                .as("environment of the platform JVM, process 1 of its container")
                .containsKey("PROOFGATE_API_KEYS");
        assertThat(host.platformResidentBytes())
                .as("resident memory of the platform JVM, bytes")
                .isGreaterThan(32L << 20);
    }

    @Test
    void aCutNetworkSeparatesThePlatformFromItsDatabaseWhileBothStayUp() throws Exception {
        faults.cutDatabaseNetwork();

        awaitReadiness(503);
        assertThat(environment.containers().running(environment.containers().databaseId()))
                .as("database container running during the cut")
                .isTrue();
        assertThat(postmasterStart())
                .as("the suite still reads the database during the cut")
                .isNotBlank();

        faults.healDatabaseNetwork();

        awaitReadiness(200);
    }

    @Test
    void restoreBringsBackADatabaseAPlatformAndANetworkThatWereAllDown() throws Exception {
        faults.cutDatabaseNetwork();
        faults.stopDatabase();
        faults.crashPlatform();

        faults.restore();

        assertThat(get("/health/ready")).as("readiness after restore").startsWith("200");
        assertThat(environment.containers().databaseLink().openLinks())
                .as("the platform's connections through its database link after restore")
                .isPositive();
    }

    private static List<Long> workers() {
        return ((ContainersFaults) faults).workerPids();
    }

    private static long millisToReady() throws Exception {
        long started = System.nanoTime();
        assertThat(get("/health/ready")).as("readiness").startsWith("200");
        return (System.nanoTime() - started) / 1_000_000;
    }

    private static void awaitReadiness(int status) {
        Waits.until(
                "the platform to report " + (status == 200 ? "ready" : "not ready"),
                BOUND,
                () -> {
                    try {
                        return get("/health/ready");
                    } catch (IOException e) {
                        return e.toString();
                    }
                },
                seen -> seen.startsWith(Integer.toString(status)));
    }

    private static String postmasterStart() throws SQLException {
        DatabaseCoordinates db = environment.database().orElseThrow();
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
                ResultSet rs = c.createStatement().executeQuery("select pg_postmaster_start_time()::text")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String createSignature() throws IOException {
        String name = "fault_" + UUID.randomUUID().toString().substring(0, 8);
        String body = Json.MAPPER
                .createObjectNode()
                .put("definition", "signature " + name + ": :string question -> :string answer")
                .toString();
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(URI.create(environment.baseUrl() + Routes.SIGNATURES))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(response.statusCode())
                .as("creating a signature: " + response.body())
                .isEqualTo(201);
        return Json.MAPPER.readTree(response.body()).path("id").asText();
    }

    private static String get(String path) throws IOException {
        HttpResponse<String> response = send(
                HttpRequest.newBuilder(URI.create(environment.baseUrl() + path)).GET());
        return response.statusCode() + " " + response.body();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
        try {
            return HTTP.send(
                    request.header("Authorization", "Bearer " + environment.apiKey())
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
