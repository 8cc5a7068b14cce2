package dev.proofgate.gate.verdict;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * The report's first screen: after Allure renders the report, a verdict panel is written into its
 * index.html above Allure's own pages, so a release manager sees without clicking the verdict in
 * colour (GO green, NO-GO red, INCONCLUSIVE amber), full or partial run, the reasons, and per area
 * passed / failed / not run. Chosen over an Allure plugin because the panel is plain HTML drawn
 * from verdict.json, needs no JavaScript build, and cannot be hidden behind a tab. The panel is
 * drawn only from a verdict of the run that just happened (same run id).
 */
public final class ReportFrontPage {

    /** The verdict of the run the report shows, copied next to index.html. */
    public static final String VERDICT_COPY = "proofgate-verdict.json";

    private static final String MARKER = "<!-- proofgate verdict -->";
    private static final int REASONS_SHOWN = 8;

    private ReportFrontPage() {}

    /** The step glossary (features/STEPS.md) as a page of the report, linked from the panel. */
    public static final String GLOSSARY_PAGE = "proofgate-steps.html";

    /** Arguments: the rendered report folder, verdict.json, the run id of this build, and optionally features/STEPS.md. */
    public static void main(String[] args) throws IOException {
        Path report = Path.of(args[0]);
        Path verdictFile = Path.of(args[1]);
        JsonNode verdict = VerdictGate.verdictOfThisRun(verdictFile, args.length > 2 ? args[2] : null);
        Files.copy(verdictFile, report.resolve(VERDICT_COPY), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path glossary = args.length > 3 ? Path.of(args[3]) : null;
        boolean withGlossary = glossary != null && Files.exists(glossary);
        if (withGlossary) {
            Files.writeString(
                    report.resolve(GLOSSARY_PAGE),
                    "<!DOCTYPE html><meta charset=\"utf-8\"><title>Proofgate step glossary</title>"
                            + "<pre style=\"font-family:monospace;white-space:pre-wrap\">"
                            + escape(Files.readString(glossary)) + "</pre>");
        }
        Path index = report.resolve("index.html");
        String html = Files.readString(index);
        if (html.contains(MARKER)) {
            html = html.substring(0, html.indexOf(MARKER)) + html.substring(html.lastIndexOf(MARKER) + MARKER.length());
        }
        html = html.replaceFirst(
                "<title>[^<]*</title>",
                Matcher.quoteReplacement(
                        "<title>" + escape(verdict.path("title").asText("Proofgate readiness")) + "</title>"));
        html = html.replaceFirst(
                "<body>", Matcher.quoteReplacement("<body>\n" + MARKER + panel(verdict, withGlossary) + MARKER));
        Files.writeString(index, html);
        System.out.println(
                "[proofgate] report first screen: " + verdict.path("title").asText() + " (" + index + ")");
    }

    public static String panel(JsonNode verdict) {
        return panel(verdict, false);
    }

    static String panel(JsonNode verdict, boolean withGlossary) {
        String decision = verdict.path("decision").asText("INCONCLUSIVE");
        String tone = switch (decision) {
            case "GO" -> "go";
            case "NO-GO" -> "nogo";
            default -> "inconclusive";
        };
        boolean partial =
                !verdict.path("partial").isNull() && !verdict.path("partial").isMissingNode();
        StringBuilder html = new StringBuilder();
        html.append("<style>")
                .append(
                        "#pg-verdict{font-family:Helvetica,Arial,sans-serif;border-bottom:1px solid #ccc;background:#fafafa}")
                .append("#pg-verdict .pg-head{display:flex;align-items:baseline;gap:24px;padding:14px 24px;color:#fff}")
                .append(
                        "#pg-verdict.pg-go .pg-head{background:#2e7d32}#pg-verdict.pg-nogo .pg-head{background:#c62828}")
                .append("#pg-verdict.pg-inconclusive .pg-head{background:#f9a825;color:#1a1a1a}")
                .append("#pg-verdict .pg-decision{font-size:34px;font-weight:bold;letter-spacing:1px}")
                .append(
                        "#pg-verdict .pg-scope{font-size:16px}#pg-verdict .pg-partial{font-weight:bold;text-transform:uppercase}")
                .append("#pg-verdict .pg-body{display:flex;gap:32px;padding:12px 24px;max-height:42vh;overflow:auto}")
                .append("#pg-verdict table{border-collapse:collapse;font-size:14px;height:fit-content}")
                .append("#pg-verdict th,#pg-verdict td{padding:3px 10px;border-bottom:1px solid #ddd;text-align:right}")
                .append("#pg-verdict th:first-child,#pg-verdict td:first-child{text-align:left}")
                .append(
                        "#pg-verdict td.pg-failed{color:#c62828;font-weight:bold}#pg-verdict td.pg-notrun{color:#b26a00;font-weight:bold}")
                .append("#pg-verdict td.pg-none{color:#b26a00;font-style:italic}")
                .append(
                        "#pg-verdict h3{margin:0 0 6px 0;font-size:15px}#pg-verdict ul{margin:0 0 8px 0;padding-left:18px;font-size:14px}")
                .append("#pg-verdict li{margin-bottom:3px}")
                // Allure's ring counts only what ran (a run with scenarios not run reads "100%"): unless the
                // verdict is a full GO its percentage would contradict the verdict above it, so it is not shown
                .append(!"GO".equals(decision) || partial ? ".chart__caption{display:none}" : "")
                .append("</style>");
        html.append("<div id=\"pg-verdict\" class=\"pg-")
                .append(tone)
                .append("\"><div class=\"pg-head\">")
                .append("<span class=\"pg-decision\">")
                .append(escape(decision))
                .append(partial ? " &middot; PARTIAL" : "")
                .append("</span><span class=\"pg-scope\">")
                .append(
                        partial
                                ? "<span class=\"pg-partial\">partial run</span>: "
                                        + escape(verdict.path("partial").asText())
                                        + " &mdash; not a full readiness verdict"
                                : "full run")
                .append(" &middot; ")
                .append(verdict.path("scenarios").asInt())
                .append(" scenario(s) &middot; run ")
                .append(escape(verdict.path("run_id").asText()))
                .append(" &middot; finished ")
                .append(escape(minutes(verdict.path("finished").asText())))
                .append(
                        withGlossary
                                ? " &middot; <a style=\"color:inherit\" href=\"" + GLOSSARY_PAGE
                                        + "\">step glossary</a>"
                                : "")
                .append(
                        "</span></div><div class=\"pg-body\"><table><tr><th>area</th><th>passed</th><th>failed</th><th>not run</th></tr>");
        verdict.path("areas").properties().forEach(area -> {
            JsonNode count = area.getValue();
            int passed = count.path("passed").asInt();
            int failed = count.path("failed").asInt();
            int notRun = count.path("not_run").asInt();
            html.append("<tr><td")
                    .append(passed + failed == 0 ? " class=\"pg-none\"" : "")
                    .append(">")
                    .append(escape(area.getKey()))
                    .append(passed + failed == 0 ? " (nothing executed)" : "")
                    .append("</td><td>")
                    .append(passed)
                    .append("</td><td")
                    .append(failed > 0 ? " class=\"pg-failed\"" : "")
                    .append(">")
                    .append(failed)
                    .append("</td><td")
                    .append(notRun > 0 ? " class=\"pg-notrun\"" : "")
                    .append(">")
                    .append(notRun)
                    .append("</td></tr>");
        });
        html.append("</table>");
        if (!verdict.path("checklists").isEmpty()) {
            html.append("<table><tr><th>checklist</th><th>done</th><th>not reported</th></tr>");
            verdict.path("checklists").properties().forEach(checklist -> {
                JsonNode count = checklist.getValue();
                int notReported = count.path("not_reported").asInt();
                boolean complete =
                        count.path("passed").asInt() == count.path("lines").asInt();
                html.append("<tr><td>")
                        .append(escape(checklist.getKey()))
                        .append("</td><td")
                        .append(complete ? "" : " class=\"pg-failed\"")
                        .append(">")
                        .append(count.path("passed").asInt())
                        .append('/')
                        .append(count.path("lines").asInt())
                        .append("</td><td")
                        .append(notReported > 0 ? " class=\"pg-notrun\"" : "")
                        .append(">")
                        .append(notReported)
                        .append("</td></tr>");
            });
            html.append("</table>");
        }
        JsonNode machine = verdict.path("machine");
        if (!machine.isMissingNode()) {
            html.append("<p class=\"")
                    .append(machine.path("fit").asBoolean() ? "pg-machine" : "pg-machine pg-notrun")
                    .append("\"><b>Machine:</b> ")
                    .append(escape(machine.path("summary").asText()))
                    .append("</p>");
        }
        html.append("<div>");
        list(html, "Why " + decision, texts(verdict.path("reasons")), REASONS_SHOWN);
        list(html, "Accepted risks", texts(verdict.path("accepted_risks")), REASONS_SHOWN);
        list(html, "Waivers to remove", texts(verdict.path("waivers_to_remove")), REASONS_SHOWN);
        html.append("</div></div></div>");
        return html.toString();
    }

    private static void list(StringBuilder html, String heading, List<String> items, int shown) {
        if (items.isEmpty()) {
            return;
        }
        html.append("<h3>").append(escape(heading)).append("</h3><ul>");
        items.stream()
                .limit(shown)
                .forEach(item -> html.append("<li>").append(escape(item)).append("</li>"));
        if (items.size() > shown) {
            html.append("<li>and ")
                    .append(items.size() - shown)
                    .append(" more: see ")
                    .append(VERDICT_COPY)
                    .append("</li>");
        }
        html.append("</ul>");
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    /** 2026-11-22T07:32:04.2246Z as 2026-11-22 07:32 UTC. */
    private static String minutes(String instant) {
        return instant.length() >= 16 ? instant.substring(0, 16).replace('T', ' ') + " UTC" : instant;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
