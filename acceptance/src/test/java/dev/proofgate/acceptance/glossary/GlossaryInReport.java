package dev.proofgate.acceptance.glossary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proofgate.acceptance.config.SuiteSettings;
import dev.proofgate.acceptance.support.Json;
import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.TestRunFinished;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Puts features/STEPS.md where a stakeholder opening the report looks first: as the set-up of the
 * "Readiness verdict" result (an attachment named "Step glossary") and as a line of the Environment
 * panel. Runs after the verdict has written its results.
 */
public final class GlossaryInReport implements ConcurrentEventListener {

    public static final String ATTACHMENT_NAME = "Step glossary (features/STEPS.md)";
    private final SuiteSettings settings;

    public GlossaryInReport(SuiteSettings settings) {
        this.settings = settings;
    }

    @Override
    public void setEventPublisher(EventPublisher publisher) {
        publisher.registerHandlerFor(TestRunFinished.class, event -> publish(event.getInstant().toEpochMilli()));
    }

    private void publish(long now) {
        Path glossary = settings.projectDirectory().resolve("features/STEPS.md");
        Path results = settings.resultsDirectory();
        if (!Files.exists(glossary)) {
            return;
        }
        try {
            Optional<String> verdict = verdictResult(results);
            if (verdict.isEmpty()) {
                return;
            }
            String text = Files.readString(glossary);
            long steps = text.lines().filter(line -> line.startsWith("| Given") || line.startsWith("| When") || line.startsWith("| Then")).count();
            String attachment = UUID.randomUUID() + "-attachment.md";
            Files.writeString(results.resolve(attachment), text);
            ObjectNode container = Json.MAPPER.createObjectNode();
            String uuid = UUID.randomUUID().toString();
            container.put("uuid", uuid).put("name", "Step glossary").put("start", now).put("stop", now);
            container.putArray("children").add(verdict.get());
            ObjectNode before = container.putArray("befores").addObject();
            before.put("name", "Step glossary: " + steps + " steps a scenario can use").put("status", "passed").put("stage", "finished")
                    .put("start", now).put("stop", now);
            before.putArray("attachments").addObject().put("name", ATTACHMENT_NAME).put("source", attachment).put("type", "text/markdown");
            Files.writeString(results.resolve(uuid + "-container.json"), Json.MAPPER.writeValueAsString(container));
            Path environment = results.resolve("environment.properties");
            if (Files.exists(environment)) {
                Files.writeString(environment, "Step.glossary=features/STEPS.md (" + steps + " steps; also attached to the Readiness verdict)\n",
                        StandardCharsets.ISO_8859_1, StandardOpenOption.APPEND);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not add the step glossary to the report", e);
        }
    }

    private static Optional<String> verdictResult(Path results) throws IOException {
        try (Stream<Path> files = Files.list(results)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith("-result.json")).toList()) {
                JsonNode result = Json.MAPPER.readTree(file.toFile());
                if ("proofgate.readiness.verdict".equals(result.path("fullName").asText())) {
                    return Optional.of(result.path("uuid").asText());
                }
            }
        }
        return Optional.empty();
    }
}
