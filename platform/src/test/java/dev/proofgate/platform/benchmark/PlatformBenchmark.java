package dev.proofgate.platform.benchmark;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proofgate.platform.adapter.PythonPortAdapter;
import dev.proofgate.platform.bridge.WorkerPool;
import dev.proofgate.platform.signature.CompileError;
import dev.proofgate.platform.signature.SignatureCompiler;
import dev.proofgate.platform.support.Fixtures;
import dev.proofgate.platform.support.Http;
import dev.proofgate.platform.support.RunningPlatform;
import dev.proofgate.platform.support.TestDatabase;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Throughput and latency of the platform's hot paths, measured the same way every time and written
 * to target/benchmarks/results.md. Not part of `mvn test`: run with
 * {@code mvn -pl platform -am test -Dtest=PlatformBenchmark -Dplatform.excludedGroups=none -Dsurefire.failIfNoSpecifiedTests=false}.
 * Method and recorded figures: docs/benchmarks.md.
 */
@Tag("benchmark")
class PlatformBenchmark {

    private static final String DEFINITION =
            "signature bench: :string question, :integer count, :list(:optional(:float)) readings, "
                    + ":map context -> :boolean verified, :confidence_score confidence, :reasoning_chain reasoning, :optional(:string) note";
    private final Map<String, String> results = new LinkedHashMap<>();
    /** Latency percentiles (ms) per measured path, drawn as a bar chart next to the table. */
    private final Map<String, double[]> latencies = new LinkedHashMap<>();

    @Test
    void measure() throws Exception {
        compileThroughput();
        bridgeRoundTrips();
        workerRestart();
        executionsAt16Clients();
        write();
    }

    private void compileThroughput() throws CompileError {
        SignatureCompiler compiler = new SignatureCompiler();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (System.nanoTime() < end) {
            compiler.compile(DEFINITION);
        }
        List<Double> rounds = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            long count = 0;
            long start = System.nanoTime();
            long stop = start + TimeUnit.SECONDS.toNanos(2);
            while (System.nanoTime() < stop) {
                compiler.compile(DEFINITION);
                count++;
            }
            rounds.add(count / ((System.nanoTime() - start) / 1e9));
        }
        Collections.sort(rounds);
        record(
                "dry-run compiles/s (8-field signature, median of 5 x 2 s after 3 s warm-up)",
                String.format("%.0f (min %.0f, max %.0f)", rounds.get(2), rounds.get(0), rounds.get(4)));
    }

    private void bridgeRoundTrips() throws Exception {
        ObjectNode args = executeArgs();
        try (WorkerPool one = new WorkerPool("python3", 1, 8 << 20).start()) {
            roundTrips("1 worker, 1 client", one, 1, args);
        }
        int cores = Runtime.getRuntime().availableProcessors();
        try (WorkerPool pool = new WorkerPool("python3", cores, 8 << 20).start()) {
            roundTrips(cores + " workers, " + (cores * 2) + " clients", pool, cores * 2, args);
        }
    }

    private void roundTrips(String label, WorkerPool pool, int clients, ObjectNode args) throws Exception {
        for (int i = 0; i < 2_000; i++) {
            pool.call("execute", args, Duration.ofSeconds(10));
        }
        Histogram latency = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        long stop = start + TimeUnit.SECONDS.toNanos(5);
        List<Future<Long>> done = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            done.add(threads.submit(() -> {
                long calls = 0;
                while (System.nanoTime() < stop) {
                    long t0 = System.nanoTime();
                    pool.call("execute", args, Duration.ofSeconds(10));
                    synchronized (latency) {
                        latency.recordValue(System.nanoTime() - t0);
                    }
                    calls++;
                }
                return calls;
            }));
        }
        long calls = 0;
        for (Future<Long> f : done) {
            calls += f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        threads.shutdown();
        latencies.put(
                "bridge " + label,
                new double[] {latency.getValueAtPercentile(50) / 1e6, latency.getValueAtPercentile(99) / 1e6});
        record(
                "bridge execute round trips/s (" + label + ", 5 s)",
                String.format(
                        "%.0f; p50 %.3f ms, p99 %.3f ms, max %.3f ms",
                        calls / seconds,
                        latency.getValueAtPercentile(50) / 1e6,
                        latency.getValueAtPercentile(99) / 1e6,
                        latency.getMaxValue() / 1e6));
    }

    private void workerRestart() throws Exception {
        try (WorkerPool pool = new WorkerPool("python3", 2, 8 << 20).start()) {
            List<Long> restarts = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                long before = pool.restarts();
                long pid = pool.pids().get(0);
                ProcessHandle.of(pid).orElseThrow().destroyForcibly();
                Awaitility.await()
                        .atMost(Duration.ofSeconds(20))
                        .pollInterval(Duration.ofMillis(5))
                        .until(() -> pool.restarts() > before
                                && pool.alive() == 2
                                && !pool.pids().contains(pid));
                restarts.add(pool.lastRestartMillis());
            }
            Collections.sort(restarts);
            record(
                    "worker restart after SIGKILL, exit seen -> replacement healthy (5 kills)",
                    "median " + restarts.get(2) + " ms (min " + restarts.get(0) + ", max " + restarts.get(4) + ")");
        }
    }

    private void executionsAt16Clients() throws Exception {
        try (TestDatabase database = new TestDatabase();
                RunningPlatform platform = new RunningPlatform(
                        database, Map.of("PROOFGATE_RATE_LIMIT", "100000", "PROOFGATE_BRIDGE_WORKERS", "1"))) {
            Http http = platform.http();
            Fixtures fixtures = new Fixtures(http);
            String program = fixtures.program("native", "{}");
            for (int i = 0; i < 300; i++) {
                fixtures.submit(program, "warm-up " + i);
            }
            Awaitility.await()
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> database.count("select count(*) from executions where status in ('queued','running')")
                            == 0);
            int perClient = 125;
            Histogram submit = new Histogram(TimeUnit.SECONDS.toNanos(30), 3);
            ConcurrentLinkedQueue<String> ids = new ConcurrentLinkedQueue<>();
            ExecutorService clients = Executors.newFixedThreadPool(16);
            long start = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < 16; c++) {
                int client = c;
                done.add(clients.submit(() -> {
                    for (int i = 0; i < perClient; i++) {
                        long t0 = System.nanoTime();
                        ids.add(fixtures.submit(program, "client " + client + " question " + i));
                        synchronized (submit) {
                            submit.recordValue(System.nanoTime() - t0);
                        }
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            double acceptSeconds = (System.nanoTime() - start) / 1e9;
            Awaitility.await()
                    .atMost(Duration.ofMinutes(5))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> database.count("select count(*) from executions where status = 'completed'")
                            >= 300L + 16 * perClient);
            double seconds = (System.nanoTime() - start) / 1e9;
            int total = 16 * perClient;
            latencies.put(
                    "submit, 16 clients",
                    new double[] {submit.getValueAtPercentile(50) / 1e6, submit.getValueAtPercentile(99) / 1e6});
            record(
                    "native executions/s, 16 clients x " + perClient + " submits, accepted -> all completed",
                    String.format(
                            "%.0f/s completed (%d in %.2f s); submits accepted at %.0f/s; submit p50 %.2f ms, p99 %.2f ms",
                            total / seconds,
                            total,
                            seconds,
                            total / acceptSeconds,
                            submit.getValueAtPercentile(50) / 1e6,
                            submit.getValueAtPercentile(99) / 1e6));
            clients.shutdown();
            http.send(HttpRequest.newBuilder(http.uri("/health")).GET());
        }
    }

    private static ObjectNode executeArgs() throws CompileError {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        return PythonPortAdapter.executeArgs(
                new SignatureCompiler()
                        .compile("signature qa: :string question -> :string answer, :confidence_score confidence"),
                json.createObjectNode().put("question", "Why is the sky blue?"),
                null);
    }

    private void record(String what, String figure) {
        results.put(what, figure);
        System.out.println("[benchmark] " + what + ": " + figure);
    }

    private void write() throws IOException {
        StringBuilder md = new StringBuilder("| measurement | result |\n|---|---|\n");
        results.forEach((what, figure) ->
                md.append("| ").append(what).append(" | ").append(figure).append(" |\n"));
        md.append("\nMachine: ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" cores, Java ")
                .append(System.getProperty("java.version"))
                .append(", ")
                .append(System.getProperty("os.name"))
                .append('\n');
        Path out = Path.of("target", "benchmarks", "results.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md.toString());
        Files.writeString(out.resolveSibling("latency.svg"), latencyChart());
    }

    /** A horizontal bar chart, p50 and p99 per path, on a log scale so sub-millisecond and tens of milliseconds both show. */
    private String latencyChart() {
        int rowHeight = 44;
        int width = 760;
        int left = 220;
        int height = 50 + rowHeight * latencies.size();
        double min = 0.01;
        double max = latencies.values().stream().mapToDouble(v -> v[1]).max().orElse(1) * 10;
        java.util.function.DoubleUnaryOperator x = ms -> left
                + (Math.log10(Math.max(ms, min)) - Math.log10(min))
                        / (Math.log10(max) - Math.log10(min))
                        * (width - left - 20);
        StringBuilder svg =
                new StringBuilder("<svg xmlns='http://www.w3.org/2000/svg' width='" + width + "' height='" + height
                        + "' font-family='sans-serif' font-size='12'>\n<rect width='100%' height='100%' fill='white'/>\n"
                        + "<text x='10' y='20' font-size='14'>Latency in ms (log scale): p50 dark, p99 light</text>\n");
        int y = 40;
        for (Map.Entry<String, double[]> row : latencies.entrySet()) {
            double p50 = row.getValue()[0];
            double p99 = row.getValue()[1];
            svg.append(String.format(java.util.Locale.ROOT, "<text x='10' y='%d'>%s</text>%n", y + 22, row.getKey()));
            svg.append(String.format(
                    java.util.Locale.ROOT,
                    "<rect x='%d' y='%d' width='%.1f' height='14' fill='#9ecae1'/>%n",
                    left,
                    y + 6,
                    x.applyAsDouble(p99) - left));
            svg.append(String.format(
                    java.util.Locale.ROOT,
                    "<rect x='%d' y='%d' width='%.1f' height='14' fill='#3182bd'/>%n",
                    left,
                    y + 22,
                    x.applyAsDouble(p50) - left));
            svg.append(String.format(
                    java.util.Locale.ROOT,
                    "<text x='%.1f' y='%d'>p99 %.3f</text>%n",
                    x.applyAsDouble(p99) + 4,
                    y + 18,
                    p99));
            svg.append(String.format(
                    java.util.Locale.ROOT,
                    "<text x='%.1f' y='%d'>p50 %.3f</text>%n",
                    x.applyAsDouble(p50) + 4,
                    y + 34,
                    p50));
            y += rowHeight;
        }
        return svg.append("</svg>\n").toString();
    }
}
