package dev.proofgate.acceptance.verdict;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.proofgate.acceptance.support.Json;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Shows a verdict where people look: the console, {@code verdict.json} and {@code verdict.md}, and the
 * Allure results (a "Readiness verdict" result whose status follows the verdict, plus the report's
 * environment, executor and categories files).
 */
public final class VerdictReport {

    private static final ObjectMapper JSON = Json.MAPPER;
    private static final ObjectWriter PRETTY = Json.MAPPER.writerWithDefaultPrettyPrinter();
    static final String VERDICT_HISTORY_ID = "proofgate-readiness-verdict";

    private final Verdict verdict;
    private final List<ScenarioOutcome> outcomes;
    private final Map<String, String> environment;
    private final Instant started;
    private final Instant finished;

    public VerdictReport(Verdict verdict, List<ScenarioOutcome> outcomes, Map<String, String> environment, Instant started, Instant finished) {
        this.verdict = verdict;
        this.outcomes = outcomes;
        this.environment = environment;
        this.started = started;
        this.finished = finished;
    }

    public String console() {
        StringBuilder out = new StringBuilder();
        out.append("\n================ Proofgate readiness ================\n");
        out.append(String.format("%-14s %7s %7s %8s%n", "area", "passed", "failed", "not run"));
        verdict.areas().forEach((area, count) ->
                out.append(String.format("%-14s %7d %7d %8d%n", area, count.passed(), count.failed(), count.notRun())));
        out.append("\nVERDICT: ").append(verdict.decision().label()).append('\n');
        verdict.reasons().forEach(reason -> out.append("  - ").append(reason).append('\n'));
        if (!verdict.acceptedRisks().isEmpty()) {
            out.append("Accepted risks (failed, below critical):\n");
            verdict.acceptedRisks().forEach(risk -> out.append("  - ").append(risk).append('\n'));
        }
        out.append("=====================================================\n");
        return out.toString();
    }

    public String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Readiness verdict: ").append(verdict.decision().label()).append("\n\n");
        md.append("Run finished ").append(finished).append(", ").append(verdict.scenarios()).append(" scenario(s).\n\n");
        md.append("| area | passed | failed | not run |\n|---|---:|---:|---:|\n");
        verdict.areas().forEach((area, count) -> md.append("| ").append(area).append(" | ").append(count.passed()).append(" | ")
                .append(count.failed()).append(" | ").append(count.notRun()).append(" |\n"));
        md.append("\n## Reasons\n\n");
        verdict.reasons().forEach(reason -> md.append("- ").append(reason).append('\n'));
        if (!verdict.acceptedRisks().isEmpty()) {
            md.append("\n## Accepted risks\n\n");
            verdict.acceptedRisks().forEach(risk -> md.append("- ").append(risk).append('\n'));
        }
        return md.toString();
    }

    public ObjectNode json() {
        ObjectNode root = JSON.createObjectNode();
        root.put("verdict", verdict.decision().label());
        root.put("started", started.toString());
        root.put("finished", finished.toString());
        root.put("scenarios", verdict.scenarios());
        ObjectNode areas = root.putObject("areas");
        verdict.areas().forEach((area, count) -> areas.putObject(area).put("passed", count.passed()).put("failed", count.failed())
                .put("not_run", count.notRun()));
        ArrayNode reasons = root.putArray("reasons");
        verdict.reasons().forEach(reasons::add);
        ArrayNode risks = root.putArray("accepted_risks");
        verdict.acceptedRisks().forEach(risks::add);
        ArrayNode scenarios = root.putArray("scenario_outcomes");
        for (ScenarioOutcome outcome : outcomes) {
            scenarios.addObject().put("area", outcome.area()).put("feature", outcome.feature()).put("scenario", outcome.name())
                    .put("location", outcome.location()).put("severity", outcome.severity()).put("status", outcome.status().toLowerCase())
                    .put("duration_ms", outcome.durationMillis());
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

    /** The verdict as an Allure result, and the report's environment, executor and categories files. */
    public void writeAllureResults(Path results) {
        try {
            Files.createDirectories(results);
            String attachment = UUID.randomUUID() + "-attachment.md";
            Files.writeString(results.resolve(attachment), markdown());
            ObjectNode result = JSON.createObjectNode();
            String uuid = UUID.randomUUID().toString();
            result.put("uuid", uuid);
            result.put("historyId", md5(VERDICT_HISTORY_ID));
            result.put("testCaseId", md5(VERDICT_HISTORY_ID));
            result.put("name", "Readiness verdict");
            result.put("fullName", "proofgate.readiness.verdict");
            result.put("status", switch (verdict.decision()) {
                case GO -> "passed";
                case NO_GO -> "failed";
                case INCONCLUSIVE -> "broken";
            });
            result.putObject("statusDetails")
                    .put("message", verdict.decision().label() + ": " + String.join("; ", verdict.reasons()))
                    .put("trace", markdown());
            result.put("stage", "finished");
            result.put("descriptionHtml", html());
            result.put("start", started.toEpochMilli());
            result.put("stop", finished.toEpochMilli());
            ArrayNode labels = result.putArray("labels");
            for (String[] label : new String[][] {{"epic", "Readiness verdict"}, {"feature", "Readiness verdict"},
                    {"story", "Verdict: " + verdict.decision().label()}, {"suite", "Readiness verdict"}, {"severity", "blocker"},
                    {"tag", "verdict"}, {"framework", "proofgate"}}) {
                labels.addObject().put("name", label[0]).put("value", label[1]);
            }
            result.putArray("attachments").addObject().put("name", "verdict.md").put("source", attachment).put("type", "text/markdown");
            result.putArray("steps");
            result.putArray("parameters");
            result.putArray("links");
            Files.writeString(results.resolve(uuid + "-result.json"), PRETTY.writeValueAsString(result));
            writeEnvironment(results);
            writeExecutor(results);
            writeCategories(results);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the verdict into " + results, e);
        }
    }

    private String html() {
        StringBuilder html = new StringBuilder();
        html.append("<h2>Readiness verdict: ").append(escape(verdict.decision().label())).append("</h2>");
        html.append("<table><tr><th>area</th><th>passed</th><th>failed</th><th>not run</th></tr>");
        verdict.areas().forEach((area, count) -> html.append("<tr><td>").append(escape(area)).append("</td><td>").append(count.passed())
                .append("</td><td>").append(count.failed()).append("</td><td>").append(count.notRun()).append("</td></tr>"));
        html.append("</table><h3>Reasons</h3><ul>");
        verdict.reasons().forEach(reason -> html.append("<li>").append(escape(reason)).append("</li>"));
        html.append("</ul>");
        if (!verdict.acceptedRisks().isEmpty()) {
            html.append("<h3>Accepted risks</h3><ul>");
            verdict.acceptedRisks().forEach(risk -> html.append("<li>").append(escape(risk)).append("</li>"));
            html.append("</ul>");
        }
        return html.toString();
    }

    private void writeEnvironment(Path results) throws IOException {
        StringBuilder properties = new StringBuilder();
        properties.append("Readiness.verdict=").append(verdict.decision().label()).append('\n');
        environment.forEach((key, value) -> properties.append(key).append('=').append(value.replace("\n", " ")).append('\n'));
        Files.writeString(results.resolve("environment.properties"), properties.toString(), StandardCharsets.ISO_8859_1);
    }

    private void writeExecutor(Path results) throws IOException {
        ObjectNode executor = JSON.createObjectNode();
        executor.put("name", environment.getOrDefault("executor", "local"));
        executor.put("type", environment.containsKey("ci") ? "ci" : "local");
        executor.put("buildName", "Readiness run of " + java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
                .withZone(java.time.ZoneOffset.UTC).format(finished) + ": " + verdict.decision().label());
        executor.put("reportName", "Proofgate readiness: " + verdict.decision().label());
        Files.writeString(results.resolve("executor.json"), PRETTY.writeValueAsString(executor));
    }

    private static void writeCategories(Path results) throws IOException {
        ArrayNode categories = JSON.createArrayNode();
        categories.addObject().put("name", "Budget breaches")
                .put("description", "a measured figure exceeded its stated budget")
                .put("messageRegex", "(?s).*budget.*").putArray("matchedStatuses").add("failed");
        categories.addObject().put("name", "Product defects")
                .put("description", "the platform did not do what a scenario requires")
                .putArray("matchedStatuses").add("failed");
        categories.addObject().put("name", "Environment problems")
                .put("description", "the environment could not run or reach the platform; the scenario proves nothing either way")
                .put("messageRegex", "(?s).*(not run:|environment|did not report ready|Connection refused|cannot read the platform).*")
                .putArray("matchedStatuses").add("broken").add("skipped");
        categories.addObject().put("name", "Suite defects")
                .put("description", "the suite itself is wrong: an undefined or ambiguous step, a step used out of order, a crash")
                .putArray("matchedStatuses").add("broken").add("unknown");
        Files.writeString(results.resolve("categories.json"), PRETTY.writeValueAsString(categories));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
