package dev.proofgate.acceptance.environment;

import dev.proofgate.acceptance.config.SuiteSettings;
import dev.proofgate.acceptance.drivers.database.DatabaseCoordinates;
import dev.proofgate.gate.machine.LocalListeners;
import dev.proofgate.gate.machine.MachineMeter;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A platform the suite did not start: a deployed system ({@code remote}), and the part of the compose
 * mode that reaches docker-compose.yml's platform over HTTP ({@link ComposeEnvironment}). Nothing
 * destructive is allowed; the database is read only when its URL is given.
 */
public final class RemoteEnvironment implements Environment {

    private final SuiteSettings settings;
    private final String mode;
    private final String baseUrl;
    private MachineMeter.OwnParts localParts;

    public RemoteEnvironment(SuiteSettings settings) {
        this.settings = settings;
        this.mode = settings.mode();
        this.baseUrl = settings.baseUrl().orElseGet(() -> {
            if (SuiteSettings.COMPOSE.equals(settings.mode())) {
                return "http://localhost:8080";
            }
            throw new IllegalStateException(
                    "remote mode needs the platform's URL: -Dproofgate.base.url=https://... (or PROOFGATE_BASE_URL)");
        });
    }

    @Override
    public String mode() {
        return mode;
    }

    @Override
    public void start() {
        Preflight.reachable(baseUrl);
        PlatformReadiness.awaitReady(baseUrl, settings.startupTimeout(), () -> "");
    }

    @Override
    public String baseUrl() {
        return baseUrl;
    }

    @Override
    public String apiKey() {
        return settings.apiKey();
    }

    @Override
    public Optional<String> limitedApiKey() {
        return settings.limitedApiKey();
    }

    @Override
    public Set<Capability> capabilities() {
        // No bridge-worker: a worker the suite starts next to itself is not the deployed one, and the
        // bridge scenarios must never pass on behalf of a system they did not touch.
        Set<Capability> capabilities = EnumSet.noneOf(Capability.class);
        if (settings.databaseUrl().isPresent()) {
            capabilities.add(Capability.READ_DATABASE);
        }
        if (settings.limitedApiKey().isPresent()) {
            capabilities.add(Capability.RATE_LIMITED_KEY);
        }
        return capabilities;
    }

    /** A platform (and database) on this machine is the gate's work: found once by the ports it listens on. */
    @Override
    public MachineMeter.OwnParts ownParts() {
        if (localParts == null) {
            List<Integer> ports = Stream.concat(Stream.of(baseUrl), settings.databaseUrl().stream())
                    .map(LocalListeners::localPort)
                    .filter(port -> port > 0)
                    .toList();
            localParts = new MachineMeter.OwnParts(
                    ports.isEmpty() ? List.of() : LocalListeners.pidsListeningOn(ports), List.of());
        }
        return localParts;
    }

    @Override
    public Optional<DatabaseCoordinates> database() {
        return settings.databaseUrl()
                .map(url -> new DatabaseCoordinates(url, settings.databaseUser(), settings.databasePassword()));
    }

    @Override
    public Optional<Path> platformLog() {
        return Optional.empty();
    }

    @Override
    public Map<String, String> describe() {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("mode", mode);
        facts.put("platform.url", baseUrl);
        facts.put("platform.version", PlatformReadiness.version(baseUrl));
        return facts;
    }

    @Override
    public void close() {
        // nothing was started by the suite
    }
}
