package dev.proofgate.gate.selfcheck;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proofgate.gate.support.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A realistic defect of the reference platform, written as an exact edit of one of its source files:
 * {@code find} must occur exactly once in {@code file} and is replaced by {@code replace}. The edit is
 * applied to a scratch copy, never to the product's sources, and only a self-check run puts the
 * compiled copy in front of the platform's classes. {@code run} is the tag expression the self-check
 * runs for it; {@code expectedCatchers} names the scenarios expected to turn red.
 */
public record SeededDefect(
        String id,
        String area,
        String description,
        String file,
        String find,
        String replace,
        String run,
        List<String> expectedCatchers) {

    public static List<SeededDefect> catalogue(Path json) {
        try {
            List<SeededDefect> defects = new ArrayList<>();
            for (JsonNode node : Json.MAPPER.readTree(json.toFile()).path("defects")) {
                List<String> catchers = new ArrayList<>();
                node.path("expected_catchers").forEach(name -> catchers.add(name.asText()));
                defects.add(new SeededDefect(
                        node.path("id").asText(),
                        node.path("area").asText(),
                        node.path("description").asText(),
                        node.path("file").asText(),
                        text(node.path("find")),
                        text(node.path("replace")),
                        node.path("run").asText(),
                        List.copyOf(catchers)));
            }
            return defects;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the defect catalogue " + json, e);
        }
    }

    /** A string, or an array of lines joined with newlines (long edits stay readable in the catalogue). */
    private static String text(JsonNode node) {
        if (node.isArray()) {
            List<String> lines = new ArrayList<>();
            node.forEach(line -> lines.add(line.asText()));
            return String.join("\n", lines);
        }
        return node.asText();
    }
}
