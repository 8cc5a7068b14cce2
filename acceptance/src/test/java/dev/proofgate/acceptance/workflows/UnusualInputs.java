package dev.proofgate.acceptance.workflows;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proofgate.acceptance.contracts.Documents;
import dev.proofgate.acceptance.drivers.Execution;
import dev.proofgate.gate.support.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Inputs that are valid but unusual, by the name a feature gives them. Each fills a question, a list
 * of readings and a map of context (the unusual-input signature's inputs).
 */
public final class UnusualInputs {

    private static final Map<String, Supplier<ObjectNode>> CATALOGUE = new LinkedHashMap<>();

    static {
        CATALOGUE.put("a question of 5,000 characters", () -> inputs(sentence(5_000), 3, 2));
        CATALOGUE.put("a question of 100,000 characters", () -> inputs(sentence(100_000), 3, 2));
        CATALOGUE.put("a question in Japanese with emoji", () -> inputs("空はなぜ青いのですか？🌤️ 教えてください 🙏", 3, 2));
        CATALOGUE.put(
                "a question in Arabic, Greek and accented Latin",
                () -> inputs(
                        "لماذا السماء زرقاء؟ Γιατί ο ουρανός είναι μπλε; Pourquoi le ciel est-il bleu, señor?", 3, 2));
        CATALOGUE.put(
                "a question whose words are separated by non-breaking and ideographic spaces",
                () -> inputs("why\u00a0is\u3000the\u2007sky\u202fblue\u2003today", 3, 2));
        CATALOGUE.put("an empty question", () -> inputs("", 0, 0));
        CATALOGUE.put("1,000 readings and a context of 500 entries", () -> inputs("How warm was it?", 1_000, 500));
    }

    private final ObjectNode document;

    private UnusualInputs(ObjectNode document) {
        this.document = document;
    }

    /** The inputs as plain values, for a driver to send. */
    public Map<String, Object> values() {
        return Documents.plain(document);
    }

    /** The inputs as JSON text, for evidence. */
    public String text() {
        return document.toString();
    }

    /** One adapter's execution of an unusual input, as a row of evidence. */
    public static Map<String, Object> row(String adapter, Execution execution) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("adapter", adapter);
        row.put("status", execution.status());
        row.put("error", String.valueOf(execution.error()));
        row.put("confidence", execution.output("confidence").toString());
        row.put("outputs (characters)", execution.outputs().toString().length());
        return row;
    }

    public static UnusualInputs named(String name) {
        Supplier<ObjectNode> inputs = CATALOGUE.get(name);
        if (inputs == null) {
            throw new IllegalArgumentException("no unusual input called '" + name + "'; known: " + CATALOGUE.keySet());
        }
        return new UnusualInputs(inputs.get());
    }

    private static ObjectNode inputs(String question, int readings, int contextEntries) {
        ObjectNode inputs = Json.object().put("question", question);
        ArrayNode list = inputs.putArray("readings");
        for (int i = 0; i < readings; i++) {
            if (i % 7 == 3) {
                list.addNull();
            } else {
                list.add(i * 0.25 - 40);
            }
        }
        ObjectNode context = inputs.putObject("context");
        for (int i = 0; i < contextEntries; i++) {
            switch (i % 4) {
                case 0 -> context.put("note " + i, "entry " + i + " ✓");
                case 1 -> context.put("count " + i, i);
                case 2 -> context.putArray("tags " + i).add("a").add("β");
                default -> context.putObject("nested " + i).put("depth", 2).putNull("nothing");
            }
        }
        return inputs;
    }

    private static String sentence(int length) {
        String words = "Why does the sky look blue on a clear day, and red at sunset? ";
        StringBuilder text = new StringBuilder(length);
        while (text.length() < length) {
            text.append(words);
        }
        return text.substring(0, length);
    }
}
