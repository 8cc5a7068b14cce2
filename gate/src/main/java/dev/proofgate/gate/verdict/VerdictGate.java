package dev.proofgate.gate.verdict;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proofgate.gate.support.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The release gate, run by Maven around the report: {@code check} (before rendering) refuses a
 * verdict that does not belong to the run of this build — "no readiness run in this build" is a
 * failed gate, never GO; then, after rendering, {@code -Dproofgate.gate=no-go} fails the build on
 * NO-GO, {@code -Dproofgate.gate=inconclusive} fails it on anything but a full-run GO, and
 * {@code off} (the default) only prints the verdict.
 */
public final class VerdictGate {

    private static final List<String> GATES = List.of("off", "no-go", "inconclusive");

    private VerdictGate() {}

    /** Arguments: verdict.json, the gate (off | no-go | inconclusive | check), and this build's run id. */
    public static void main(String[] args) throws IOException {
        Path verdictFile = Path.of(args[0]);
        String gate = args.length > 1 ? args[1].trim() : "off";
        String runId = args.length > 2 ? args[2] : null;
        if (!"check".equals(gate) && !GATES.contains(gate)) {
            throw new IllegalArgumentException(
                    "unknown value '" + gate + "' for setting proofgate.gate; allowed: " + String.join(", ", GATES));
        }
        JsonNode verdict = verdictOfThisRun(verdictFile, runId);
        if ("check".equals(gate)) {
            System.out.println("[proofgate] the verdict belongs to this build's run "
                    + verdict.path("run_id").asText());
            return;
        }
        String decision =
                verdict.path("decision").asText(verdict.path("verdict").asText());
        boolean partial =
                !verdict.path("partial").isNull() && !verdict.path("partial").isMissingNode();
        System.out.println(
                "[proofgate] readiness verdict: " + verdict.path("verdict").asText() + " (gate: " + gate + ")");
        // the verdict block is the last thing a person reads: after the report has been rendered
        Path block = verdictFile.resolveSibling("verdict.txt");
        if (Files.exists(block)) {
            System.out.print(Files.readString(block));
        }
        boolean fail = switch (gate) {
            case "no-go" -> "NO-GO".equals(decision);
            case "inconclusive" -> !"GO".equals(decision) || partial;
            default -> false;
        };
        if (fail) {
            StringBuilder reasons = new StringBuilder();
            if (partial && "GO".equals(decision)) {
                reasons.append("\n  - a partial run (")
                        .append(verdict.path("partial").asText())
                        .append(") cannot open the release gate");
            }
            verdict.path("reasons").forEach(reason -> reasons.append("\n  - ").append(reason.asText()));
            throw new IllegalStateException("release gate closed: the readiness verdict is "
                    + verdict.path("verdict").asText() + reasons);
        }
    }

    /** The verdict, if it was written by the run of this build; otherwise the gate is closed. */
    static JsonNode verdictOfThisRun(Path verdictFile, String runId) throws IOException {
        if (!Files.exists(verdictFile)) {
            throw new IllegalStateException("release gate closed: no readiness run in this build (no verdict at "
                    + verdictFile + "; were the tests skipped, or did the run stop before it started?)");
        }
        JsonNode verdict = Json.MAPPER.readTree(verdictFile.toFile());
        String written = verdict.path("run_id").asText("");
        if (runId != null && !runId.isBlank() && !runId.equals(written)) {
            throw new IllegalStateException("release gate closed: no readiness run in this build; " + verdictFile
                    + " belongs to run '" + written + "', this build is run '" + runId + "' (were the tests skipped?)");
        }
        return verdict;
    }
}
