package dev.proofgate.acceptance.verdict;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proofgate.acceptance.support.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The release gate, run by Maven after the report is rendered: with {@code -Dproofgate.gate=no-go}
 * the build fails on NO-GO; with {@code -Dproofgate.gate=inconclusive} it fails on NO-GO and on
 * INCONCLUSIVE; {@code off} (the default) only prints the verdict.
 */
public final class VerdictGate {

    private VerdictGate() {
    }

    public static void main(String[] args) throws IOException {
        Path verdictFile = Path.of(args[0]);
        String gate = args.length > 1 ? args[1] : "off";
        if (!Files.exists(verdictFile)) {
            throw new IllegalStateException("no verdict at " + verdictFile + ": the readiness suite did not finish");
        }
        JsonNode verdict = Json.MAPPER.readTree(verdictFile.toFile());
        String decision = verdict.path("verdict").asText();
        System.out.println("[proofgate] readiness verdict: " + decision + " (gate: " + gate + ")");
        // the verdict block is the last thing a person reads: after the report has been rendered
        Path block = verdictFile.resolveSibling("verdict.txt");
        if (Files.exists(block)) {
            System.out.print(Files.readString(block));
        }
        boolean fail = switch (gate) {
            case "off", "" -> false;
            case "no-go" -> "NO-GO".equals(decision);
            case "inconclusive" -> !"GO".equals(decision);
            default -> throw new IllegalArgumentException("proofgate.gate must be off, no-go or inconclusive; got '" + gate + "'");
        };
        if (fail) {
            StringBuilder reasons = new StringBuilder();
            verdict.path("reasons").forEach(reason -> reasons.append("\n  - ").append(reason.asText()));
            throw new IllegalStateException("release gate closed: the readiness verdict is " + decision + reasons);
        }
    }
}
