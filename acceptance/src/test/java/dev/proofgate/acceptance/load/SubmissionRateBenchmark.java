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
import dev.proofgate.gate.support.Json;
import dev.proofgate.gate.support.Waits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Submission latency at a fixed arrival rate (the open model: a slow answer does not slow the arrivals,
 * and latency is measured from each submission's intended start), at most 50 submissions in flight,
 * while the platform's dispatcher runs every accepted execution. wrk measures only the closed loop,
 * where 50 clients wait 50 / rate seconds on average whatever the platform does; this measures what
 * a submission costs at the rate the platform must sustain. A benchmark, not a test: run it on purpose
 * (docs/benchmarks.md), against a platform already running or, without {@code bench.url}, the suite's
 * embedded environment:
 *
 * <pre>mvn -pl acceptance -am test -Dplatform.tests.skip=true -Dtest=SubmissionRateBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dbench.url=http://localhost:8080 -Dbench.key=local-dev-key</pre>
 *
 * Settings (system properties): {@code bench.rates} (1000,2000,3000 per second), {@code bench.seconds} (10
 * measured after 3 of warm-up, 10 before the first rate), {@code bench.in.flight} (50, also the clients of the closed
 * loop measured last, as wrk measures). It fails only when a measurement is not
 * valid: errors, or the load generator falling behind its schedule.
 */
class SubmissionRateBenchmark {

    private final int seconds = Integer.getInteger("bench.seconds", 10);
    private final int inFlight = Integer.getInteger("bench.in.flight", 50);
    private final double[] rates = Arrays.stream(
                    System.getProperty("bench.rates", "1000,2000,3000").split(","))
            .mapToDouble(rate -> Double.parseDouble(rate.trim()))
            .toArray();

    @Test
    void submissionLatencyAtFixedRates() throws Exception {
        String url = System.getProperty("bench.url");
        EmbeddedEnvironment embedded = null;
        if (url == null) {
            embedded = new EmbeddedEnvironment(SuiteSettings.load());
            embedded.start();
        }
        String baseUrl = url != null ? url : embedded.baseUrl();
        String apiKey = url != null ? System.getProperty("bench.key", "local-dev-key") : embedded.apiKey();
        List<String> lines = new ArrayList<>();
        lines.add(
                "| arrivals/s | submitted/s | p50 ms | p99 ms | max ms | errors | late starts | queued when the arrivals stopped |");
        lines.add("|---|---|---|---|---|---|---|---|");
        try (KeepAliveHttp http = new KeepAliveHttp(baseUrl, apiKey);
                PlatformOperations operations = new PlatformOperations(baseUrl, apiKey, Duration.ofSeconds(30))) {
            String program = aProgram(http);
            for (int i = 0; i < rates.length; i++) {
                double rate = rates[i];
                waitForEmptyQueue(http);
                // the first rate warms a cold JIT up for 10 s; later ones only settle for 3 s
                Duration warmUp = Duration.ofSeconds(i == 0 ? 10 : 3);
                LoadResult result = new LoadDriver(String.format(Locale.ROOT, "submissions at %.0f/s", rate))
                        .run(
                                operations.submit(program, Json.object().put("question", "Why is the sky blue?")),
                                LoadProfile.open(rate)
                                        .maxInFlight(inFlight)
                                        .warmUp(warmUp)
                                        .steady(Duration.ofSeconds(seconds))
                                        .build());
                long queued = queued(http);
                LoadResult.PhaseResult measured = result.measured();
                lines.add(String.format(
                        Locale.ROOT,
                        "| %,.0f | %,.0f | %.1f | %.1f | %.1f | %d | %.1f %% | %,d |",
                        rate,
                        measured.throughput(),
                        measured.percentileMs(50),
                        measured.percentileMs(99),
                        measured.latency().getMaxValue() / 1000.0,
                        measured.errors(),
                        result.lateShare() * 100,
                        queued));
                System.out.println("[benchmark] " + lines.get(lines.size() - 1));
                assertThat(measured.errors()).as("errors at %.0f/s", rate).isZero();
                assertThat(result.generatorFellBehind())
                        .as("the load generator fell behind its schedule at %.0f/s", rate)
                        .isFalse();
            }
            // and the closed loop wrk runs, from the driver's one thread per connection (wrk's two threads serve 25
            // each)
            waitForEmptyQueue(http);
            LoadResult.PhaseResult closed = new LoadDriver("submissions, closed loop of " + inFlight)
                    .run(
                            operations.submit(program, Json.object().put("question", "Why is the sky blue?")),
                            LoadProfile.closed(inFlight)
                                    .warmUp(Duration.ofSeconds(3))
                                    .steady(Duration.ofSeconds(seconds))
                                    .build())
                    .measured();
            lines.add(String.format(
                    Locale.ROOT,
                    "| closed loop, %d clients | %,.0f | %.1f | %.1f | %.1f | %d | - | %,d |",
                    inFlight,
                    closed.throughput(),
                    closed.percentileMs(50),
                    closed.percentileMs(99),
                    closed.latency().getMaxValue() / 1000.0,
                    closed.errors(),
                    queued(http)));
            System.out.println("[benchmark] " + lines.get(lines.size() - 1));
            assertThat(closed.errors()).as("errors in the closed loop").isZero();
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
        Path out = Path.of("target", "benchmarks", "submission-rate.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    private static String aProgram(KeepAliveHttp http) throws IOException {
        String signature = id(http.post(
                Routes.SIGNATURES,
                json("{\"definition\":\"signature rate_qa_" + System.nanoTime()
                        + ": :string question -> :string answer, :confidence_score confidence\"}")));
        return id(http.post(
                Routes.PROGRAMS,
                json("{\"name\":\"submission rate\",\"signature_id\":\"" + signature + "\",\"adapter\":\"native\"}")));
    }

    private static long queued(KeepAliveHttp http) throws IOException {
        KeepAliveHttp.Response page = http.get(Routes.EXECUTIONS + "?status=queued&limit=1");
        return Json.MAPPER.readTree(page.body()).path("total").asLong();
    }

    /** Each rate starts on an empty queue, or its figures would measure the backlog of the one before. */
    private static void waitForEmptyQueue(KeepAliveHttp http) {
        Waits.until(
                "the queue to empty",
                Duration.ofMinutes(2),
                () -> {
                    try {
                        return queued(http);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                },
                queued -> queued == 0);
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String id(KeepAliveHttp.Response response) throws IOException {
        if (response.status() >= 300) {
            throw new IllegalStateException("setting up the benchmark: " + response.status() + " " + response.text());
        }
        return Json.MAPPER.readTree(response.body()).path("id").asText();
    }
}
