package dev.proofgate.gate.glossary;

import dev.proofgate.gate.config.GateSettings;
import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.TestRunFinished;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Names features/STEPS.md in the report's Environment panel (the verdict panel on the first screen
 * links to it as a page of the report, see ReportFrontPage). Runs after the verdict has written its results.
 */
public final class GlossaryInReport implements ConcurrentEventListener {

    public static final String ATTACHMENT_NAME = "Step glossary (features/STEPS.md)";
    private final GateSettings settings;

    public GlossaryInReport(GateSettings settings) {
        this.settings = settings;
    }

    @Override
    public void setEventPublisher(EventPublisher publisher) {
        publisher.registerHandlerFor(
                TestRunFinished.class, event -> publish(event.getInstant().toEpochMilli()));
    }

    private void publish(long now) {
        Path glossary = settings.projectDirectory().resolve("features/STEPS.md");
        Path environment = settings.resultsDirectory().resolve("environment.properties");
        if (!Files.exists(glossary) || !Files.exists(environment)) {
            return;
        }
        try {
            long steps = Files.readString(glossary)
                    .lines()
                    .filter(line ->
                            line.startsWith("| Given") || line.startsWith("| When") || line.startsWith("| Then"))
                    .count();
            Files.writeString(
                    environment,
                    "Step.glossary=features/STEPS.md (" + steps + " steps; linked from the verdict panel)\n",
                    StandardCharsets.ISO_8859_1,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("could not add the step glossary to the report", e);
        }
    }
}
