package dev.proofgate.platform.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** One Python worker process and the bridge client on its stdin/stdout; its stderr goes to the platform's log. */
public final class WorkerProcess implements AutoCloseable {

    private static final String SCRIPT_RESOURCE = "/python/proofgate_worker.py";
    private static volatile Path script;

    private final Process process;
    private final BridgeClient client;

    private WorkerProcess(Process process, BridgeClient client) {
        this.process = process;
        this.client = client;
    }

    public static WorkerProcess start(String python, int maxFrameBytes, FrameListener listener) {
        try {
            ProcessBuilder builder = new ProcessBuilder(List.of(
                            python, "-u", script().toString(), "--max-frame-bytes", Integer.toString(maxFrameBytes)))
                    .redirectError(ProcessBuilder.Redirect.INHERIT);
            scrub(builder.environment());
            Process process = builder.start();
            BridgeClient client = new BridgeClient(
                    process.getInputStream(),
                    process.getOutputStream(),
                    listener,
                    BridgeClient.DEFAULT_COMPRESS_ABOVE_BYTES,
                    Long.toString(process.pid()));
            return new WorkerProcess(process, client);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start Python worker with '" + python + "'", e);
        }
    }

    /**
     * A worker runs model code and needs none of the platform's secrets: the platform's own settings
     * (API keys, database credentials) and anything named like a credential are removed from its environment.
     */
    static void scrub(Map<String, String> environment) {
        environment
                .keySet()
                .removeIf(name -> name.startsWith("PROOFGATE_")
                        || name.startsWith("PG")
                        || SECRET_NAME.matcher(name).find());
    }

    private static final Pattern SECRET_NAME =
            Pattern.compile("(?i)(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|CREDENTIAL)");

    /** The worker script, copied once out of the jar into a temporary directory. */
    public static Path script() {
        if (script == null) {
            synchronized (WorkerProcess.class) {
                if (script == null) {
                    try (InputStream source = WorkerProcess.class.getResourceAsStream(SCRIPT_RESOURCE)) {
                        if (source == null) {
                            throw new IllegalStateException(SCRIPT_RESOURCE + " is missing from the classpath");
                        }
                        Path dir = Files.createTempDirectory("proofgate-python");
                        Path target = dir.resolve("proofgate_worker.py");
                        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                        dir.toFile().deleteOnExit();
                        target.toFile().deleteOnExit();
                        script = target;
                    } catch (IOException e) {
                        throw new UncheckedIOException("could not extract the Python worker", e);
                    }
                }
            }
        }
        return script;
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive() && client.open();
    }

    public BridgeClient client() {
        return client;
    }

    public JsonNode call(String command, JsonNode args, Duration timeout) throws BridgeException {
        return client.call(command, args, timeout);
    }

    public CompletableFuture<Process> onExit() {
        return process.onExit();
    }

    public void kill() {
        process.destroyForcibly();
    }

    /** Asks the worker to shut down, and kills it if it has not exited within the grace period. */
    @Override
    public void close() {
        if (process.isAlive()) {
            try {
                client.call("shutdown", null, Duration.ofSeconds(1));
            } catch (BridgeException ignored) {
                // a worker that cannot answer is killed below
            }
            try {
                if (!process.waitFor(2, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
        client.close();
    }
}
