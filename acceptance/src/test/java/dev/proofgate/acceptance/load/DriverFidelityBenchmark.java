package dev.proofgate.acceptance.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proofgate.acceptance.config.SuiteSettings;
import dev.proofgate.acceptance.drivers.rest.PlatformOperations;
import dev.proofgate.acceptance.drivers.rest.Routes;
import dev.proofgate.acceptance.environment.EmbeddedEnvironment;
import dev.proofgate.gate.load.KeepAliveHttp;
import dev.proofgate.gate.load.LoadDriver;
import dev.proofgate.gate.load.LoadProfile;
import dev.proofgate.gate.load.LoadResult;
import dev.proofgate.gate.load.TimedOperation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The load driver side by side with wrk on the same machine and the same endpoints: the driver must
 * reach at least 0.8x wrk's requests per second, else the suite's throughput figures say more about
 * the driver than the platform. A benchmark, not a test of the platform: its name keeps it out of
 * `mvn test`; run it on purpose (docs/benchmarks.md):
 *
 * <pre>mvn -pl acceptance -am test -Dplatform.tests.skip=true -Dtest=DriverFidelityBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 *
 * Settings (system properties): {@code fidelity.seconds} (10), {@code fidelity.rounds} (3),
 * {@code fidelity.connections} (50).
 */
class DriverFidelityBenchmark {

    private static final Pattern WRK_RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern WRK_P99 = Pattern.compile("\\s99%\\s+([0-9.]+)(us|ms|s)");

    private final int seconds = Integer.getInteger("fidelity.seconds", 10);
    private final int rounds = Integer.getInteger("fidelity.rounds", 3);
    private final int connections = Integer.getInteger("fidelity.connections", 50);

    @Test
    void driverReachesWrksRate() throws Exception {
        SuiteSettings settings = SuiteSettings.load();
        List<String> lines = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        try (EmbeddedEnvironment environment = new EmbeddedEnvironment(settings)) {
            environment.start();
            String executionId = anExecution(environment);
            try (PlatformOperations operations =
                    new PlatformOperations(environment.baseUrl(), environment.apiKey(), Duration.ofSeconds(30))) {
                record Endpoint(String name, String path, TimedOperation operation) {}
                List<Endpoint> endpoints = List.of(
                        new Endpoint("liveness", Routes.LIVE, operations.liveness()),
                        new Endpoint(
                                "one execution", Routes.execution(executionId), operations.readExecution(executionId)));
                lines.add(
                        "| endpoint | round | wrk req/s | wrk p99 ms | driver req/s | driver p99 ms | driver / wrk |");
                lines.add("|---|---|---|---|---|---|---|");
                for (Endpoint endpoint : endpoints) {
                    // both warm the platform's JIT and their own before anything counts
                    wrk(environment.baseUrl() + endpoint.path(), environment.apiKey(), 3);
                    new LoadDriver("warm-up " + endpoint.name())
                            .run(
                                    endpoint.operation(),
                                    LoadProfile.closed(connections)
                                            .steady(Duration.ofSeconds(3))
                                            .build());
                    for (int round = 1; round <= rounds; round++) {
                        double[] wrk = null;
                        // alternate who goes first, so that neither always meets a warmer or a more tired platform
                        if (round % 2 == 1) {
                            wrk = wrk(environment.baseUrl() + endpoint.path(), environment.apiKey(), seconds);
                        }
                        LoadResult.PhaseResult driver = new LoadDriver("fidelity " + endpoint.name())
                                .run(
                                        endpoint.operation(),
                                        LoadProfile.closed(connections)
                                                .steady(Duration.ofSeconds(seconds))
                                                .build())
                                .measured();
                        if (round % 2 == 0) {
                            wrk = wrk(environment.baseUrl() + endpoint.path(), environment.apiKey(), seconds);
                        }
                        double ratio = driver.throughput() / wrk[0];
                        ratios.add(ratio);
                        String line = String.format(
                                Locale.ROOT,
                                "| %s | %d | %,.0f | %.2f | %,.0f | %.2f | %.2f |",
                                endpoint.name(),
                                round,
                                wrk[0],
                                wrk[1],
                                driver.throughput(),
                                driver.percentileMs(99),
                                ratio);
                        System.out.println("[benchmark] " + line);
                        lines.add(line);
                    }
                }
            }
        }
        Path out = settings.projectDirectory().resolve("acceptance/target/benchmarks/driver-fidelity.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        System.out.println("[benchmark] written to " + out);
        double median = ratios.stream().sorted().toList().get(ratios.size() / 2);
        assertThat(median)
                .as("median of driver req/s over wrk req/s, rounds %s", ratios)
                .isGreaterThanOrEqualTo(0.8);
    }

    /** wrk with 2 threads (the machine's cores) and the same number of connections as the driver's users. */
    private double[] wrk(String url, String apiKey, int runSeconds) throws IOException, InterruptedException {
        Process wrk = new ProcessBuilder(
                        "wrk",
                        "-t2",
                        "-c" + connections,
                        "-d" + runSeconds + "s",
                        "--latency",
                        "-H",
                        "Authorization: Bearer " + apiKey,
                        url)
                .redirectErrorStream(true)
                .start();
        String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        wrk.waitFor();
        Matcher rate = WRK_RATE.matcher(output);
        Matcher p99 = WRK_P99.matcher(output);
        if (!rate.find() || !p99.find()) {
            throw new IllegalStateException("wrk gave no rate (is the Debian package 'wrk' installed?):\n" + output);
        }
        double p99Ms = Double.parseDouble(p99.group(1))
                * switch (p99.group(2)) {
                    case "us" -> 0.001;
                    case "s" -> 1000;
                    default -> 1;
                };
        return new double[] {Double.parseDouble(rate.group(1)), p99Ms};
    }

    private static String anExecution(EmbeddedEnvironment environment) throws IOException {
        try (KeepAliveHttp http = new KeepAliveHttp(environment.baseUrl(), environment.apiKey())) {
            String signature = id(http.post(
                    Routes.SIGNATURES,
                    json("{\"definition\":\"signature fidelity_qa: :string question -> :string answer\"}")));
            String program = id(http.post(
                    Routes.PROGRAMS,
                    json("{\"name\":\"fidelity\",\"signature_id\":\"" + signature + "\",\"adapter\":\"native\"}")));
            return id(http.post(
                    Routes.EXECUTIONS,
                    json("{\"program_id\":\"" + program + "\",\"inputs\":{\"question\":\"Why?\"}}")));
        }
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String id(KeepAliveHttp.Response response) throws IOException {
        if (response.status() >= 300) {
            throw new IllegalStateException("setting up the benchmark: " + response.status() + " " + response.text());
        }
        return dev.proofgate.gate.support.Json.MAPPER
                .readTree(response.body())
                .path("id")
                .asText();
    }
}
