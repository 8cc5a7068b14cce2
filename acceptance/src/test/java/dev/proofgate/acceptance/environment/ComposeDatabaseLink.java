package dev.proofgate.acceptance.environment;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerPort;
import dev.proofgate.gate.environment.DatabaseLink;
import dev.proofgate.gate.support.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fault link docker-compose.suite.yml puts between the platform and its database (service
 * {@value #SERVICE}, {@code acceptance/src/test/python/database_link.py}), driven over its control port.
 */
final class ComposeDatabaseLink implements DatabaseLink {

    static final String SERVICE = "database-link";
    private static final int CONTROL_PORT = 8474;
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String control;

    private ComposeDatabaseLink(String control) {
        this.control = control;
    }

    /** The project's link, if it was brought up with docker-compose.suite.yml and publishes its control port. */
    static Optional<DatabaseLink> find(DockerClient docker, Path projectDirectory) {
        List<Container> found = docker.listContainersCmd()
                .withLabelFilter(Map.of(
                        "com.docker.compose.service",
                        SERVICE,
                        "com.docker.compose.project.working_dir",
                        projectDirectory.toString()))
                .exec();
        if (found.size() != 1) {
            return Optional.empty();
        }
        return Arrays.stream(found.get(0).getPorts())
                .filter(port -> port.getPrivatePort() != null
                        && port.getPrivatePort() == CONTROL_PORT
                        && port.getPublicPort() != null)
                .map(ContainerPort::getPublicPort)
                .findFirst()
                .map(port -> new ComposeDatabaseLink("http://localhost:" + port));
    }

    @Override
    public void cut() {
        post("/cut");
    }

    @Override
    public void slow(Duration latency) {
        post("/slow?ms=" + latency.toMillis());
    }

    @Override
    public void resetAll() {
        post("/reset");
    }

    @Override
    public void heal() {
        post("/heal");
    }

    @Override
    public int openLinks() {
        return send(HttpRequest.newBuilder(URI.create(control + "/status")).GET())
                .path("open")
                .asInt();
    }

    private void post(String path) {
        send(HttpRequest.newBuilder(URI.create(control + path)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    private JsonNode send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response =
                    HTTP.send(request.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the database link at " + control + " refused "
                        + response.request().uri().getPath() + ": " + response.statusCode() + " " + response.body());
            }
            return Json.parse(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(
                    "the database link's control at " + control + " does not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while driving the database link", e);
        }
    }
}
