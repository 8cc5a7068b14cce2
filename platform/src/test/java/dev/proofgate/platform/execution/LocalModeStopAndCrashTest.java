package dev.proofgate.platform.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proofgate.platform.support.Fixtures;
import dev.proofgate.platform.support.Http;
import dev.proofgate.platform.support.TestDatabase;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Local mode (no database configured: the platform runs its own embedded PostgreSQL) under the two
 * ways a process ends: SIGKILL, after which the embedded PostgreSQL outlives its parent and must be
 * cleaned up by the next start, and SIGTERM, which must drain in-flight work before the database stops.
 */
class LocalModeStopAndCrashTest {

    private static final int GRACE_SECONDS = 5;

    /** One data directory for both tests, so that PostgreSQL is initialised once. */
    @TempDir
    static Path work;

    private final List<Process> started = new ArrayList<>();

    @Test
    void aRestartAfterSigkillStopsTheOrphanedDatabaseAndComesUp() throws Exception {
        Path data = work.resolve("pgdata");
        int port = TestDatabase.freePort();
        Process first = startReady(data, port);
        long orphan = postmasterPid(data).orElseThrow();

        first.destroyForcibly();
        assertThat(first.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive))
                .as("the embedded PostgreSQL outlived the killed platform " + "(the situation under test)")
                .contains(true);

        long restarting = System.nanoTime();
        Process second = startReady(data, port);
        long readyMillis = (System.nanoTime() - restarting) / 1_000_000;
        System.out.println("[local mode] ready " + readyMillis + " ms after the restart that followed a SIGKILL");

        assertThat(postmasterPid(data))
                .as("the server that holds the data directory now")
                .isPresent()
                .get()
                .isNotEqualTo(orphan);
        // the orphan exits at once; where PID 1 is slow to reap it, it stays visible as a zombie for a while
        Awaitility.await("the orphaned PostgreSQL (pid " + orphan + ") to be gone")
                .atMost(Duration.ofSeconds(10))
                .until(() ->
                        !ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false));
        assertThat(Files.readString(log()))
                .as("the platform log says what it did about the orphan")
                .contains("stopped the orphaned embedded PostgreSQL (pid " + orphan + ")");
    }

    @Test
    void sigtermLetsInFlightExecutionsFinishBeforeTheDatabaseStops() throws Exception {
        Path data = work.resolve("pgdata");
        int port = TestDatabase.freePort();
        Process first = startReady(data, port);
        Http http = new Http(port);
        Fixtures fixtures = new Fixtures(http);
        List<String> inFlight = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            // one program each: a program is worked on by at most half the dispatcher threads
            inFlight.add(fixtures.submit(fixtures.program("native", "{\"latency_ms\": 1500}"), "in flight " + i));
        }
        Awaitility.await("four executions running")
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> inFlight.stream()
                        .allMatch(id -> "running"
                                .equals(http.get("/api/executions/" + id)
                                        .body()
                                        .path("status")
                                        .asText())));

        long stopping = System.nanoTime();
        first.destroy();
        boolean exited = first.waitFor(GRACE_SECONDS + 5, TimeUnit.SECONDS);
        long stopMillis = (System.nanoTime() - stopping) / 1_000_000;
        System.out.println("[local mode] stopped " + stopMillis + " ms after SIGTERM with 4 executions in flight");
        assertThat(exited)
                .as("the platform exited within the grace period of " + GRACE_SECONDS
                        + " s (and some slack) after SIGTERM")
                .isTrue();

        Process second = startReady(data, port);
        for (String id : inFlight) {
            JsonNode execution = http.get("/api/executions/" + id).body();
            assertThat(execution.path("status").asText())
                    .as("status of %s after the restart", id)
                    .isEqualTo("completed");
            assertThat(execution.path("attempts").asInt())
                    .as("attempts of %s: it finished within the grace period and did not run again", id)
                    .isEqualTo(1);
        }
        assertThat(Files.readString(log())).contains("stopped cleanly");
    }

    @Test
    void aRequestHeldOpenPastTheHttpServersStopTimeoutDoesNotStopTheDrain() throws Exception {
        Path data = work.resolve("pgdata");
        int port = TestDatabase.freePort();
        Process first = startReady(data, port);
        Http http = new Http(port);
        Fixtures fixtures = new Fixtures(http);
        String inFlight =
                fixtures.submit(fixtures.program("native", "{\"latency_ms\": 1500}"), "in flight past a stuck request");
        Awaitility.await("the execution running")
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> "running"
                        .equals(http.get("/api/executions/" + inFlight)
                                .body()
                                .path("status")
                                .asText()));

        long logBefore;
        try (Socket stuck = new Socket("127.0.0.1", port)) {
            // a request whose body drips in a byte at a time: the HTTP server's graceful stop waits for it
            // until its own timeout runs out (2 s), and the drain must go on all the same
            OutputStream out = stuck.getOutputStream();
            out.write(("POST /api/executions HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + Http.KEY
                            + "\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(200);
            logBefore = Files.size(log());
            first.destroy();
            long dripUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(6);
            while (first.isAlive() && System.nanoTime() < dripUntil) {
                try {
                    out.write(' ');
                    out.flush();
                } catch (IOException closed) {
                    break;
                }
                Thread.sleep(300);
            }
            assertThat(first.waitFor(GRACE_SECONDS + 10, TimeUnit.SECONDS))
                    .as("the platform exited after SIGTERM")
                    .isTrue();
        }

        byte[] log = Files.readAllBytes(log());
        String whileStopping = new String(log, (int) logBefore, log.length - (int) logBefore, StandardCharsets.UTF_8);
        assertThat(whileStopping)
                .as("the platform log while stopping")
                .contains("stopped cleanly")
                .contains("did not stop within its timeout");
        Process second = startReady(data, port);
        assertThat(http.get("/api/executions/" + inFlight).body().path("status").asText())
                .as("status of the execution in hand")
                .isEqualTo("completed");
    }

    private Process startReady(Path data, int port) throws IOException {
        Process process = start(data, port);
        awaitReady(process, port);
        return process;
    }

    private Process start(Path data, int port) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", classpath, "dev.proofgate.platform.Main")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
        builder.environment().remove("PROOFGATE_DB_URL");
        builder.environment().put("PROOFGATE_DATA_DIR", data.toString());
        builder.environment().put("PROOFGATE_PORT", Integer.toString(port));
        builder.environment().put("PROOFGATE_API_KEYS", Http.KEY);
        builder.environment().put("PROOFGATE_BRIDGE_WORKERS", "0");
        builder.environment().put("PROOFGATE_SHUTDOWN_GRACE_SECONDS", Integer.toString(GRACE_SECONDS));
        Process process = builder.start();
        started.add(process);
        return process;
    }

    private Path log() {
        return work.resolve("platform.log");
    }

    private void awaitReady(Process process, int port) {
        Http http = new Http(port);
        Awaitility.await("the local-mode platform on port " + port + " to be ready")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .ignoreExceptions()
                .failFast("the platform exited before it was ready; log: " + log(), () -> !process.isAlive())
                .until(() -> http.send(HttpRequest.newBuilder(http.uri("/health/ready"))
                                        .GET())
                                .status()
                        == 200);
    }

    private static Optional<Long> postmasterPid(Path data) throws IOException {
        Path pidFile = data.resolve("postmaster.pid");
        return Files.exists(pidFile)
                ? Optional.of(Long.parseLong(Files.readAllLines(pidFile).get(0).trim()))
                : Optional.empty();
    }

    /** Whatever happened, leave no platform and no PostgreSQL of this test running. */
    @AfterEach
    void stopEverything() throws Exception {
        for (Process process : started) {
            process.destroy();
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        Optional<Long> postgres = postmasterPid(work.resolve("pgdata"));
        if (postgres.isPresent()) {
            ProcessHandle.of(postgres.get())
                    .filter(p -> p.info().command().orElse("").contains("postgres"))
                    .ifPresent(p -> {
                        p.destroy();
                        p.onExit()
                                .orTimeout(10, TimeUnit.SECONDS)
                                .exceptionally(e -> null)
                                .join();
                    });
        }
    }
}
