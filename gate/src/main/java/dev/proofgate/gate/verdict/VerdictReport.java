package dev.proofgate.gate.verdict;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proofgate.gate.machine.MachineSummary;
import dev.proofgate.gate.support.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * Shows a verdict where people look: the console (the verdict block last), {@code verdict.json} and
 * {@code verdict.md}, and the Allure results (the report's environment, executor and categories
 * files). The report's first screen is drawn from verdict.json by {@link ReportFrontPage}; no
 * synthetic test result is added, so the report's counts are the scenarios' counts.
 */
public final class VerdictReport {

    private static final ObjectMapper JSON = Json.MAPPER;
    private static final ObjectWriter PRETTY = Json.MAPPER.writerWithDefaultPrettyPrinter();

    private final Verdict verdict;
    private final List<ScenarioOutcome> outcomes;
    private final Map<String, String> environment;
    private final Instant started;
    private final Instant finished;
    private final String runId;
    private final List<String> engineerFollowUp;
    private ChecklistCompletion checklists = new ChecklistCompletion(Map.of());
    private MachineSummary machine;

    public VerdictReport(
            Verdict verdict,
            List<ScenarioOutcome> outcomes,
            Map<String, String> environment,
            Instant started,
            Instant finished,
            String runId,
            List<String> engineerFollowUp) {
        this.verdict = verdict;
        this.outcomes = outcomes;
        this.environment = environment;
        this.started = started;
        this.finished = finished;
        this.runId = runId;
        this.engineerFollowUp = engineerFollowUp;
    }

    public VerdictReport(
            Verdict verdict,
            List<ScenarioOutcome> outcomes,
            Map<String, String> environment,
            Instant started,
            Instant finished) {
        this(verdict, outcomes, environment, started, finished, "unknown", List.of());
    }

    public String title() {
        return "Proofgate readiness" + (verdict.isPartial() ? " (partial: " + verdict.partial() + ")" : "") + ": "
                + verdict.decision().label();
    }

    /** Adds each checklist's completion ("security 7/7, operations 5/6") to every rendering. */
    public VerdictReport checklists(ChecklistCompletion checklists) {
        this.checklists = checklists;
        return this;
    }

    /** Adds the machine panel (cores, load, disturbance while timed rows were measured) to every rendering. */
    public VerdictReport machine(MachineSummary machine) {
        this.machine = machine;
        return this;
    }

    public String console() {
        StringBuilder out = new StringBuilder();
        if (!engineerFollowUp.isEmpty()) {
            out.append(
                    "\n[proofgate] Engineer's follow-up (only when no existing step fits): new step definitions for the undefined steps\n");
            engineerFollowUp.forEach(snippet -> out.append(snippet.indent(2)));
        }
        out.append("\n================ Proofgate readiness ================\n");
        out.append("run ")
                .append(runId)
                .append(verdict.isPartial() ? ", partial: " + verdict.partial() : ", full run")
                .append('\n');
        out.append(String.format("%-14s %7s %7s %8s%n", "area", "passed", "failed", "not run"));
        verdict.areas()
                .forEach((area, count) -> out.append(
                        String.format("%-14s %7d %7d %8d%n", area, count.passed(), count.failed(), count.notRun())));
        out.append("\nchecklists: ").append(checklists.summary()).append('\n');
        if (machine != null) {
            out.append("machine: ").append(machine.line()).append('\n');
        }
        out.append("\nVERDICT: ").append(verdict.label()).append('\n');
        verdict.reasons().forEach(reason -> out.append("  - ").append(reason).append('\n'));
        if (!verdict.acceptedRisks().isEmpty()) {
            out.append("Accepted risks (failed below critical, or waived):\n");
            verdict.acceptedRisks()
                    .forEach(risk -> out.append("  - ").append(risk).append('\n'));
        }
        if (!verdict.waiversToRemove().isEmpty()) {
            out.append("Waivers to remove:\n");
            verdict.waiversToRemove()
                    .forEach(waiver -> out.append("  - ").append(waiver).append('\n'));
        }
        out.append("=====================================================\n");
        return out.toString();
    }

    public String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Readiness verdict: ").append(verdict.label()).append("\n\n");
        md.append("Run ")
                .append(runId)
                .append(" finished ")
                .append(finished)
                .append(", ")
                .append(verdict.scenarios())
                .append(" scenario(s), ")
                .append(verdict.isPartial() ? "partial: " + verdict.partial() : "full run")
                .append(".\n\n");
        md.append("| area | passed | failed | not run |\n|---|---:|---:|---:|\n");
        verdict.areas()
                .forEach((area, count) -> md.append("| ")
                        .append(area)
                        .append(" | ")
                        .append(count.passed())
                        .append(" | ")
                        .append(count.failed())
                        .append(" | ")
                        .append(count.notRun())
                        .append(" |\n"));
        md.append("\n**Checklists:** ").append(checklists.summary()).append("\n");
        if (machine != null) {
            md.append("\n**Machine:** ").append(machine.line()).append("\n");
        }
        md.append("\n## Reasons\n\n");
        verdict.reasons().forEach(reason -> md.append("- ").append(reason).append('\n'));
        if (!verdict.acceptedRisks().isEmpty()) {
            md.append("\n## Accepted risks\n\n");
            verdict.acceptedRisks().forEach(risk -> md.append("- ").append(risk).append('\n'));
        }
        if (!verdict.waiversToRemove().isEmpty()) {
            md.append("\n## Waivers to remove\n\n");
            verdict.waiversToRemove()
                    .forEach(waiver -> md.append("- ").append(waiver).append('\n'));
        }
        return md.toString();
    }

    public ObjectNode json() {
        ObjectNode root = JSON.createObjectNode();
        root.put("verdict", verdict.label());
        root.put("decision", verdict.decision().label());
        root.put("partial", verdict.partial());
        root.put("title", title());
        root.put("run_id", runId);
        root.put("started", started.toString());
        root.put("finished", finished.toString());
        root.put("scenarios", verdict.scenarios());
        ObjectNode areas = root.putObject("areas");
        verdict.areas()
                .forEach((area, count) -> areas.putObject(area)
                        .put("passed", count.passed())
                        .put("failed", count.failed())
                        .put("not_run", count.notRun()));
        ObjectNode lists = root.putObject("checklists");
        checklists
                .checklists()
                .values()
                .forEach(c -> lists.putObject(c.name())
                        .put("area", c.area())
                        .put("lines", c.lines())
                        .put("passed", c.passed())
                        .put("failed", c.failed().size())
                        .put("not_reported", c.notReported().size()));
        if (machine != null) {
            ObjectNode m = root.putObject("machine");
            m.put("summary", machine.line())
                    .put("fit", machine.fit())
                    .put("cores", machine.cores())
                    .put("load1_before", machine.load1Before())
                    .put("load1_max_during", machine.load1MaxDuring())
                    .put("foreign_cpu_percent", machine.foreignCpuPercent())
                    .put("steal_percent", machine.stealPercent())
                    .put("hiccup_p99_ms", machine.hiccupP99Ms())
                    .put("timed_rows", machine.timedRows())
                    .put("timed_rows_disturbed", machine.disturbedRows())
                    .put("timed_rows_measured_again", machine.remeasured());
            ArrayNode notJudged = m.putArray("not_judged");
            machine.notJudged().forEach(notJudged::add);
        }
        ArrayNode reasons = root.putArray("reasons");
        verdict.reasons().forEach(reasons::add);
        ArrayNode risks = root.putArray("accepted_risks");
        verdict.acceptedRisks().forEach(risks::add);
        ArrayNode removable = root.putArray("waivers_to_remove");
        verdict.waiversToRemove().forEach(removable::add);
        ArrayNode scenarios = root.putArray("scenario_outcomes");
        for (ScenarioOutcome outcome : outcomes) {
            ObjectNode node = scenarios
                    .addObject()
                    .put("area", outcome.area())
                    .put("feature", outcome.feature())
                    .put("scenario", outcome.name())
                    .put("location", outcome.location())
                    .put("severity", outcome.severity())
                    .put("status", outcome.status().toLowerCase())
                    .put("cause", outcome.cause())
                    .put("duration_ms", outcome.durationMillis());
            if (outcome.waiver() != null) {
                node.put("waiver", outcome.waiver().describe());
            }
            if (!outcome.passed()) {
                node.put("message", Verdict.quote(outcome.message()));
            }
        }
        ObjectNode env = root.putObject("environment");
        environment.forEach(env::put);
        return root;
    }

    /** verdict.json, verdict.md and verdict.txt (the console block, which the release gate prints last) in {@code directory}. */
    public void writeFiles(Path directory) {
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve("verdict.json"), PRETTY.writeValueAsString(json()));
            Files.writeString(directory.resolve("verdict.md"), markdown());
            Files.writeString(directory.resolve("verdict.txt"), console());
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the verdict to " + directory, e);
        }
    }

    /** The report's environment, executor and categories files, all carrying the verdict and the run id. */
    public void writeAllureResults(Path results) {
        try {
            Files.createDirectories(results);
            writeEnvironment(results);
            writeExecutor(results);
            writeCategories(results);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the verdict into " + results, e);
        }
    }

    private void writeEnvironment(Path results) throws IOException {
        StringBuilder properties = new StringBuilder();
        properties.append("Readiness.verdict=").append(verdict.label()).append('\n');
        environment.forEach((key, value) -> properties
                .append(key)
                .append('=')
                .append(value.replace("\n", " "))
                .append('\n'));
        Files.writeString(
                results.resolve("environment.properties"), properties.toString(), StandardCharsets.ISO_8859_1);
    }

    private void writeExecutor(Path results) throws IOException {
        ObjectNode executor = JSON.createObjectNode();
        executor.put("name", environment.getOrDefault("executor", "local"));
        executor.put("type", environment.containsKey("ci") ? "ci" : "local");
        executor.put(
                "buildName",
                "Readiness run " + runId + " of "
                        + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
                                .withZone(ZoneOffset.UTC)
                                .format(finished)
                        + ": " + verdict.label());
        executor.put("reportName", title());
        Files.writeString(results.resolve("executor.json"), PRETTY.writeValueAsString(executor));
    }

    /** One category per cause the verdict names, matched on the prefix the result listener gives each message. */
    private static void writeCategories(Path results) throws IOException {
        ArrayNode categories = JSON.createArrayNode();
        category(
                categories,
                "Budget breaches",
                "a measured figure exceeded its stated budget",
                "(?s)product defect:.*budget.*",
                "failed");
        category(
                categories,
                "Product defects",
                "the platform did not do what a scenario requires",
                "(?s)product defect:(?!.*budget).*",
                "failed");
        category(
                categories,
                "Environment problems",
                "the environment could not run or reach the platform; the scenario proves nothing either way",
                "(?s)(environment problem:|not run:).*",
                "broken",
                "skipped",
                "failed");
        category(
                categories,
                "Suite defects",
                "the suite itself is wrong: an undefined or ambiguous step, an unknown tag, a step used out of order, a crash",
                "(?s)suite defect:.*",
                "broken",
                "skipped",
                "failed",
                "unknown");
        Files.writeString(results.resolve("categories.json"), PRETTY.writeValueAsString(categories));
    }

    private static void category(
            ArrayNode categories, String name, String description, String regex, String... statuses) {
        ArrayNode matched = categories
                .addObject()
                .put("name", name)
                .put("description", description)
                .put("messageRegex", regex)
                .putArray("matchedStatuses");
        for (String status : statuses) {
            matched.add(status);
        }
    }
}
