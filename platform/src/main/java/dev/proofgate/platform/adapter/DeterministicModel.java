package dev.proofgate.platform.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proofgate.platform.signature.CompiledSignature;
import dev.proofgate.platform.signature.Constraints;
import dev.proofgate.platform.signature.Field;
import dev.proofgate.platform.signature.FieldType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The reference "model": deterministic by design, because the suite proves integration, not AI
 * quality. The Python worker implements the same rules (proofgate_worker.py), so both adapters
 * give the same outputs for the same inputs. The rules are in platform/README.md.
 */
public final class DeterministicModel {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Pattern WHITE_SPACE = Pattern.compile("(?U)\\s+");

    public ObjectNode outputs(CompiledSignature signature, JsonNode inputs) {
        String text = text(signature, inputs);
        ObjectNode outputs = JSON.objectNode();
        for (Field field : signature.outputs()) {
            outputs.set(
                    field.name(),
                    value(field.type(), field.name(), text, seed(text, field.name()), field.constraints()));
        }
        return outputs;
    }

    /** The string inputs, in declaration order, joined by a space: what the model "reads". */
    static String text(CompiledSignature signature, JsonNode inputs) {
        List<String> parts = new ArrayList<>();
        for (Field field : signature.inputs()) {
            JsonNode value = inputs.get(field.name());
            if (value != null && value.isTextual()) {
                parts.add(value.asText());
            }
        }
        return String.join(" ", parts);
    }

    static long seed(String text, String field) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest((text + "|" + field).getBytes(StandardCharsets.UTF_8));
            return ((digest[0] & 0xffL) << 24)
                    | ((digest[1] & 0xffL) << 16)
                    | ((digest[2] & 0xffL) << 8)
                    | (digest[3] & 0xffL);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static JsonNode value(FieldType type, String field, String text, long seed, Constraints limits) {
        return switch (type.kind()) {
            case STRING -> JSON.textNode(sized(field + " for '" + text + "'", limits));
            case INTEGER -> JSON.numberNode(clamp(seed % 100, limits));
            case FLOAT -> JSON.numberNode(clamp((seed % 10000) / 100.0, limits));
            case BOOLEAN -> JSON.booleanNode(seed % 2 == 0);
            case MAP -> JSON.objectNode().put("field", field).put("words", words(text));
            case CONFIDENCE_SCORE -> JSON.numberNode(clamp(0.5 + (seed % 50) / 100.0, limits));
            case OPTIONAL -> value(type.element(), field, text, seed, limits);
            case LIST -> {
                ArrayNode items = JSON.arrayNode();
                int count = 3;
                if (limits.minLength() != null) {
                    count = Math.max(count, limits.minLength());
                }
                if (limits.maxLength() != null) {
                    count = Math.min(count, limits.maxLength());
                }
                for (int i = 0; i < count; i++) {
                    items.add(value(type.element(), field, text, seed + i, Constraints.NONE));
                }
                yield items;
            }
            case REASONING_CHAIN -> {
                ArrayNode chain = JSON.arrayNode();
                chain.addObject().put("step", 1).put("reasoning", "Read the inputs: '" + text + "'");
                chain.addObject().put("step", 2).put("reasoning", "Weigh what the inputs say about " + field);
                chain.addObject().put("step", 3).put("reasoning", "Conclude " + field + " from steps 1 and 2");
                yield chain;
            }
        };
    }

    /** Words are runs of characters between Unicode White_Space (also no-break and ideographic spaces), as in the Python worker. */
    static long words(String text) {
        return WHITE_SPACE.splitAsStream(text).filter(word -> !word.isEmpty()).count();
    }

    private static String sized(String value, Constraints limits) {
        StringBuilder text = new StringBuilder(value);
        if (limits.maxLength() != null && value.codePointCount(0, value.length()) > limits.maxLength()) {
            text = new StringBuilder(value.substring(0, value.offsetByCodePoints(0, limits.maxLength())));
        }
        while (limits.minLength() != null && text.codePointCount(0, text.length()) < limits.minLength()) {
            text.append('.');
        }
        return text.toString();
    }

    private static long clamp(long value, Constraints limits) {
        if (limits.min() != null && value < limits.min()) {
            value = (long) Math.ceil(limits.min());
        }
        if (limits.max() != null && value > limits.max()) {
            value = (long) Math.floor(limits.max());
        }
        return value;
    }

    private static double clamp(double value, Constraints limits) {
        if (limits.min() != null && value < limits.min()) {
            value = limits.min();
        }
        if (limits.max() != null && value > limits.max()) {
            value = limits.max();
        }
        return value;
    }
}
