package dev.proofgate.gate.selfcheck;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proofgate.gate.selfcheck.SelfCheck.DefectResult;
import dev.proofgate.gate.selfcheck.SuiteRun.Outcome;
import dev.proofgate.gate.selfcheck.SuiteRun.ScenarioResult;
import dev.proofgate.gate.support.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * What the self-check found, as self-check.json and self-check.md next to the runs, and as an Allure
 * report (self-check-report/) in which every seeded defect is a test: passed when the suite caught it,
 * failed when it survived, broken when it could not be seeded.
 */
final class SelfCheckReport {

    private final Path output;
    private final Path results;
    private final ObjectNode json = Json.MAPPER.createObjectNode();
    private final StringBuilder markdown = new StringBuilder("# Proofgate self-check\n\n");
    private String title = "Proofgate self-check";

    SelfCheckReport(Path output) {
        this.output = output;
        this.results = output.resolve("allure-results");
    }

    void baseline(Outcome baseline) {
        json.putObject("baseline")
                .put("scenarios", baseline.scenarios().size())
                .put("red", baseline.red().size())
                .put("verdict", baseline.verdict())
                .put("seconds", baseline.took().toSeconds());
        markdown.append(String.format(
                "Baseline (unchanged platform): %d scenarios, %d red, verdict %s, %d s.%n%n",
                baseline.scenarios().size(),
                baseline.red().size(),
                baseline.verdict(),
                baseline.took().toSeconds()));
        baseline.red()
                .forEach(red -> markdown.append("- red in baseline: ")
                        .append(red.name())
                        .append(" - ")
                        .append(SelfCheck.firstLine(red.message()))
                        .append('\n'));
    }

    void canaries(Outcome canaries) {
        ArrayNode list = json.putArray("canaries");
        markdown.append("## Canaries (must fail)\n\n| canary | status | message |\n|---|---|---|\n");
        for (ScenarioResult canary : canaries.scenarios()) {
            list.addObject()
                    .put("scenario", canary.name())
                    .put("status", canary.status())
                    .put("message", SelfCheck.firstLine(canary.message()));
            markdown.append("| ")
                    .append(cell(canary.name()))
                    .append(" | ")
                    .append(canary.red() ? "red (as required)" : "**GREEN: machinery broken**")
                    .append(" | ")
                    .append(cell(SelfCheck.firstLine(canary.message())))
                    .append(" |\n");
            result(
                    "Canary: " + canary.name(),
                    canary.red() ? "passed" : "failed",
                    canary.red()
                            ? "turned red as required: " + SelfCheck.firstLine(canary.message())
                            : "a canary passed: the suite cannot be trusted to report red",
                    "canaries");
        }
        markdown.append('\n');
    }

    void defects(List<DefectResult> defects) {
        long caught = defects.stream().filter(DefectResult::caught).count();
        long namesCause =
                defects.stream().filter(d -> d.caught() && d.namesCause()).count();
        title = String.format(
                "Proofgate self-check: kill ratio %d/%d (%.1f %%)",
                caught, defects.size(), defects.isEmpty() ? 0.0 : 100.0 * caught / defects.size());
        json.put("seeded", defects.size())
                .put("caught", caught)
                .put("caught_naming_the_cause", namesCause)
                .put("kill_ratio", defects.isEmpty() ? 0.0 : (double) caught / defects.size());
        markdown.append("## Seeded defects\n\n")
                .append(String.format(
                        "Kill ratio: **%d / %d** (%.1f %%); caught with a message naming the cause: %d.%n%n",
                        caught, defects.size(), defects.isEmpty() ? 0.0 : 100.0 * caught / defects.size(), namesCause));
        markdown.append(
                "| defect | area | result | names the cause | scenarios turned red | note |\n|---|---|---|---|---|---|\n");
        ArrayNode list = json.putArray("defects");
        for (DefectResult result : defects) {
            ObjectNode node = list.addObject()
                    .put("id", result.defect().id())
                    .put("area", result.defect().area())
                    .put("description", result.defect().description())
                    .put("result", result.state())
                    .put("names_cause", result.namesCause())
                    .put("verdict", result.verdict())
                    .put("seconds", result.took().toSeconds())
                    .put("note", result.note());
            ArrayNode red = node.putArray("red");
            result.red()
                    .forEach(scenario -> red.addObject()
                            .put("scenario", scenario.name())
                            .put("message", SelfCheck.firstLine(scenario.message())));
            markdown.append("| ")
                    .append(result.defect().id())
                    .append(" | ")
                    .append(result.defect().area())
                    .append(" | ")
                    .append(result.state())
                    .append(" | ")
                    .append(result.caught() ? (result.namesCause() ? "yes" : "no (symptom only)") : "-")
                    .append(" | ")
                    .append(cell(String.join(
                            "; ",
                            result.red().stream().map(ScenarioResult::name).toList())))
                    .append(" | ")
                    .append(cell(result.note()))
                    .append(" |\n");
            StringBuilder details = new StringBuilder(result.defect().description()).append("\n\n");
            result.red()
                    .forEach(scenario -> details.append("red: ")
                            .append(scenario.name())
                            .append("\n  ")
                            .append(SelfCheck.firstLine(scenario.message()))
                            .append('\n'));
            if (!result.note().isBlank()) {
                details.append('\n').append(result.note());
            }
            result(
                    "Seeded defect: " + result.defect().id(),
                    switch (result.state()) {
                        case "CAUGHT" -> "passed";
                        case "SURVIVED" -> "failed";
                        default -> "broken";
                    },
                    details.toString(),
                    result.defect().area());
        }
        markdown.append('\n');
    }

    /** The runs' verdicts and machines, and the timing rows each could not judge because the machine was disturbed. */
    void notJudged(int hog, List<String> runs, Map<String, List<String>> notJudged) {
        json.put("cpu_hog_processes", hog);
        ArrayNode lines = json.putArray("run_lines");
        runs.forEach(lines::add);
        ArrayNode undecided = json.putArray("not_judged");
        markdown.append(String.format(
                "%n## Runs%s%n%n", hog > 0 ? " against a CPU hog of " + hog + " busy-loop process(es)" : ""));
        runs.forEach(line -> markdown.append("- ").append(line).append('\n'));
        markdown.append(String.format(
                "%n## Not judged: machine disturbed%n%n%d scenario(s) had a timing row that was breached twice on a disturbed machine.%n%n",
                notJudged.size()));
        if (!notJudged.isEmpty()) {
            markdown.append("| scenario | runs | messages |\n|---|---|---|\n");
        }
        notJudged.forEach((scenario, messages) -> {
            ArrayNode each = undecided
                    .addObject()
                    .put("scenario", scenario)
                    .put("runs", messages.size())
                    .putArray("messages");
            messages.forEach(each::add);
            markdown.append("| ")
                    .append(cell(scenario))
                    .append(" | ")
                    .append(messages.size())
                    .append(" | ")
                    .append(cell(String.join("; ", messages)))
                    .append(" |\n");
        });
    }

    void flakiness(int runs, Map<String, Integer> runsOf, Map<String, List<String>> failures) {
        title = String.format(
                "Proofgate flakiness: %d flaky of %d scenarios over %d runs", failures.size(), runsOf.size(), runs);
        json.put("runs", runs).put("scenarios", runsOf.size()).put("flaky", failures.size());
        ArrayNode flaky = json.putArray("flaky_scenarios");
        markdown.append(String.format(
                "## Flakiness%n%n%d runs of the unchanged suite; %d of %d scenarios failed at least once.%n%n",
                runs, failures.size(), runsOf.size()));
        markdown.append("| scenario | failure rate | failures |\n|---|---|---|\n");
        runsOf.forEach((scenario, count) -> {
            List<String> failed = failures.getOrDefault(scenario, List.of());
            if (!failed.isEmpty()) {
                ArrayNode messages = flaky.addObject()
                        .put("scenario", scenario)
                        .put("failed", failed.size())
                        .put("runs", count)
                        .putArray("messages");
                failed.forEach(messages::add);
                markdown.append("| ")
                        .append(cell(scenario))
                        .append(" | ")
                        .append(failed.size())
                        .append("/")
                        .append(count)
                        .append(" | ")
                        .append(cell(String.join("; ", failed)))
                        .append(" |\n");
            }
            result(
                    "Stability: " + scenario,
                    failed.isEmpty() ? "passed" : "failed",
                    failed.isEmpty() ? "passed in all " + count + " runs" : String.join("\n", failed),
                    "flakiness");
        });
    }

    void finish(Duration took, Optional<String> allure, Path reportDirectory) {
        json.put("seconds", took.toSeconds());
        markdown.append(String.format("Self-check took %d min %02d s.%n", took.toMinutes(), took.toSecondsPart()));
        try {
            Files.createDirectories(output);
            Files.writeString(
                    output.resolve("self-check.json"),
                    Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json));
            Files.writeString(output.resolve("self-check.md"), markdown.toString());
            ObjectNode executor = Json.MAPPER
                    .createObjectNode()
                    .put("name", "self-check")
                    .put("type", "local")
                    .put("reportName", title)
                    .put("buildName", title);
            Files.createDirectories(results);
            Files.writeString(results.resolve("executor.json"), executor.toString());
            System.out.println(markdown);
            System.out.println("[self-check] " + title + "; written to " + output.resolve("self-check.md"));
            if (allure.isPresent()) {
                Process generate = new ProcessBuilder(
                                allure.get(),
                                "generate",
                                "--clean",
                                "--output",
                                reportDirectory.toString(),
                                results.toString())
                        .redirectErrorStream(true)
                        .redirectOutput(output.resolve("allure-generate.log").toFile())
                        .start();
                if (generate.waitFor(120, TimeUnit.SECONDS) && generate.exitValue() == 0) {
                    System.out.println("[self-check] report rendered into " + reportDirectory);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the self-check report", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void result(String name, String status, String message, String suite) {
        try {
            Files.createDirectories(results);
            String uuid = UUID.randomUUID().toString();
            ObjectNode result = Json.MAPPER
                    .createObjectNode()
                    .put("uuid", uuid)
                    .put("name", name)
                    .put("fullName", "self-check." + name)
                    .put("historyId", name)
                    .put("status", status)
                    .put("stage", "finished");
            result.putObject("statusDetails").put("message", message);
            ArrayNode labels = result.putArray("labels");
            labels.addObject().put("name", "suite").put("value", suite);
            labels.addObject().put("name", "epic").put("value", suite);
            Files.writeString(results.resolve(uuid + "-result.json"), result.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }
}
