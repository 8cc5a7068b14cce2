package dev.proofgate.acceptance.environment;

import dev.proofgate.acceptance.config.SuiteSettings;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.testcontainers.DockerClientFactory;

/**
 * The containers mode (Testcontainers: PostgreSQL, the platform image, Toxiproxy). It checks for a
 * Docker engine first and refuses to start, in well under a second and with a one-line reason,
 * where there is none. Starting the containers themselves is not built yet; the mode says so.
 */
public final class ContainersEnvironment implements Environment {

    private final SuiteSettings settings;

    public ContainersEnvironment(SuiteSettings settings) {
        this.settings = settings;
    }

    /** Whether a Docker engine answers; Testcontainers answers false in about 0.2 s where there is none. */
    public static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    @Override
    public String mode() {
        return SuiteSettings.CONTAINERS;
    }

    @Override
    public void start() {
        long started = System.nanoTime();
        boolean docker = dockerAvailable();
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (!docker) {
            throw new IllegalStateException("containers mode needs a Docker engine and none answered (checked in " + millis
                    + " ms); use -Dproofgate.mode=embedded (the default) on this machine");
        }
        throw new IllegalStateException("containers mode: a Docker engine is available, but starting the platform image is not "
                + "built yet; use embedded mode, or compose mode with docker-compose.yml already up");
    }

    @Override
    public String baseUrl() {
        throw new IllegalStateException("containers mode did not start");
    }

    @Override
    public String apiKey() {
        return settings.apiKey();
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of();
    }

    @Override
    public Optional<DatabaseCoordinates> database() {
        return Optional.empty();
    }

    @Override
    public Optional<Path> platformLog() {
        return Optional.empty();
    }

    @Override
    public Map<String, String> describe() {
        return Map.of("mode", mode());
    }

    @Override
    public void close() {
    }
}
