package dev.proofgate.acceptance.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Generates inputs from a published input schema (the JSON Schema subset the platform publishes:
 * object of properties, required, additionalProperties false, string/integer/number/boolean/object/
 * array, anyOf with null, minimum/maximum, minLength/maxLength, minItems/maxItems, items).
 *
 * <p>Written here rather than taken from a library because no JSON Schema data generator for Java
 * resolves from this project's Maven mirror, and because the suite needs more than valid data: every
 * way of breaking every rule, each labelled with the field and the rule it breaks, so that a
 * disagreement reads as a sentence. A fixed seed makes every run try the same inputs.
 */
public final class SchemaInputGenerator {

    /** The kinds of JSON value a field can be given; "fraction" is a number with a fractional part. */
    enum Kind {
        STRING,
        INTEGER,
        FRACTION,
        BOOLEAN,
        OBJECT,
        ARRAY,
        NULL
    }

    private enum Edge {
        LOWER,
        UPPER,
        RANDOM
    }

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final BigDecimal STEP = new BigDecimal("0.01");
    /** Letters, accents, CJK, emoji (outside the BMP), quotes, backslash and whitespace: what real questions hold. */
    private static final int[] ALPHABET = "abcdefghijklmnopqrstuvwxyz ABCXYZ0123456789éßüñ日本語中文😀🚀🧪\"\\\t\n,.?!'"
            .codePoints()
            .toArray();

    private static final int FREE_LENGTH = 12;
    private static final long FREE_RANGE = 1000;

    private final JsonNode schema;
    private final Random random;

    public SchemaInputGenerator(JsonNode schema, long seed) {
        this.schema = schema;
        this.random = new Random(seed);
    }

    /**
     * {@code count} valid input documents: first every field at its lower edge, at its upper edge,
     * the optional fields left out and given as null; then random ones.
     */
    public List<InputSample> valid(int count) {
        List<InputSample> samples = new ArrayList<>();
        samples.add(InputSample.valid("every field at its lower edge", document(Edge.LOWER)));
        samples.add(InputSample.valid("every field at its upper edge", document(Edge.UPPER)));
        ObjectNode leftOut = document(Edge.RANDOM);
        ObjectNode asNull = document(Edge.RANDOM);
        for (String name : optionalFields()) {
            leftOut.remove(name);
            asNull.putNull(name);
        }
        samples.add(InputSample.valid("optional fields left out", leftOut));
        samples.add(InputSample.valid("optional fields given as null", asNull));
        while (samples.size() < count) {
            samples.add(InputSample.valid("random #" + (samples.size() - 3), document(Edge.RANDOM)));
        }
        return samples.subList(0, Math.min(count, samples.size()));
    }

    /** A valid document in which every field, optional or not, is given a value. */
    public ObjectNode everyFieldGiven() {
        ObjectNode doc = document(Edge.RANDOM);
        for (Map.Entry<String, JsonNode> property : properties()) {
            if (doc.get(property.getKey()).isNull()) {
                doc.set(property.getKey(), value(nonNull(property.getValue()), Edge.RANDOM));
            }
        }
        return doc;
    }

    /** One document per way of breaking the schema: per field every wrong kind, every limit crossed, left out if required. */
    public List<InputSample> invalid() {
        List<InputSample> samples = new ArrayList<>();
        Set<String> required = required();
        for (Map.Entry<String, JsonNode> property : properties()) {
            String field = property.getKey();
            JsonNode fieldSchema = property.getValue();
            if (required.contains(field)) {
                ObjectNode doc = document(Edge.RANDOM);
                doc.remove(field);
                samples.add(InputSample.breaking(field, "left out though required", doc));
            }
            Set<Kind> accepted = accepted(fieldSchema);
            for (Kind kind : Kind.values()) {
                if (!accepted.contains(kind)) {
                    samples.add(InputSample.breaking(field, "given " + describe(kind), with(field, example(kind))));
                }
            }
            JsonNode valueSchema = nonNull(fieldSchema);
            for (Map.Entry<String, JsonNode> broken : crossedLimits(valueSchema).entrySet()) {
                samples.add(InputSample.breaking(field, broken.getKey(), with(field, broken.getValue())));
            }
        }
        ObjectNode undeclared = document(Edge.RANDOM);
        undeclared.put("undeclared_mood", "curious");
        samples.add(InputSample.breaking("undeclared_mood", "a field the signature does not declare", undeclared));
        samples.add(new InputSample(
                "$: a list instead of a set of named fields",
                false,
                "$",
                JSON.arrayNode().add(document(Edge.RANDOM))));
        return samples;
    }

    private ObjectNode with(String field, JsonNode value) {
        ObjectNode doc = document(Edge.RANDOM);
        doc.set(field, value);
        return doc;
    }

    private ObjectNode document(Edge edge) {
        ObjectNode doc = JSON.objectNode();
        for (Map.Entry<String, JsonNode> property : properties()) {
            doc.set(property.getKey(), value(property.getValue(), edge));
        }
        return doc;
    }

    private JsonNode value(JsonNode s, Edge edge) {
        if (s.has("anyOf")) {
            return edge == Edge.RANDOM && random.nextInt(4) == 0 ? JSON.nullNode() : value(nonNull(s), edge);
        }
        return switch (s.path("type").asText()) {
            case "string" -> {
                int min = s.path("minLength").asInt(0);
                int max = s.has("maxLength") ? s.get("maxLength").asInt() : min + FREE_LENGTH;
                yield JSON.textNode(text(pick(min, max, edge)));
            }
            case "integer" -> {
                long min = s.has("minimum") ? (long) Math.ceil(s.get("minimum").asDouble()) : -FREE_RANGE;
                long max = s.has("maximum") ? (long) Math.floor(s.get("maximum").asDouble()) : FREE_RANGE;
                long v = edge == Edge.LOWER
                        ? min
                        : edge == Edge.UPPER ? max : min + (long) (random.nextDouble() * (max - min + 1));
                // A whole number written with a fraction (3.0) is an integer to JSON Schema: it must pass too.
                yield edge == Edge.RANDOM && random.nextInt(4) == 0
                        ? JSON.numberNode(BigDecimal.valueOf(v).setScale(1))
                        : JSON.numberNode(v);
            }
            case "number" -> {
                BigDecimal min = s.has("minimum") ? s.get("minimum").decimalValue() : BigDecimal.valueOf(-FREE_RANGE);
                BigDecimal max = s.has("maximum") ? s.get("maximum").decimalValue() : BigDecimal.valueOf(FREE_RANGE);
                BigDecimal v = edge == Edge.LOWER
                        ? min
                        : edge == Edge.UPPER
                                ? max
                                : min.add(max.subtract(min).multiply(BigDecimal.valueOf(random.nextDouble())))
                                        .setScale(2, RoundingMode.DOWN)
                                        .max(min);
                yield JSON.numberNode(v);
            }
            case "boolean" -> JSON.booleanNode(edge == Edge.UPPER || (edge == Edge.RANDOM && random.nextBoolean()));
            case "object" ->
                s.has("properties")
                        ? record(s, edge)
                        : map(edge == Edge.LOWER ? 0 : edge == Edge.UPPER ? 6 : random.nextInt(5));
            case "array" -> {
                int min = s.path("minItems").asInt(0);
                int max = s.has("maxItems") ? s.get("maxItems").asInt() : min + 4;
                yield list(s.path("items"), pick(min, max, edge), edge);
            }
            default ->
                throw new IllegalArgumentException(
                        "the published schema holds a type the generator does not know: " + s);
        };
    }

    private ObjectNode record(JsonNode s, Edge edge) {
        ObjectNode node = JSON.objectNode();
        s.path("properties").fields().forEachRemaining(p -> node.set(p.getKey(), value(p.getValue(), edge)));
        return node;
    }

    private ArrayNode list(JsonNode items, int size, Edge edge) {
        ArrayNode list = JSON.arrayNode();
        for (int i = 0; i < size; i++) {
            list.add(value(items, edge));
        }
        return list;
    }

    /** A free-form map: keys in any script, values of every scalar kind and the odd nested list. */
    private ObjectNode map(int size) {
        ObjectNode map = JSON.objectNode();
        for (int i = 0; i < size; i++) {
            String key = text(1 + random.nextInt(6)) + i;
            switch (random.nextInt(6)) {
                case 0 -> map.put(key, text(random.nextInt(8)));
                case 1 -> map.put(key, random.nextInt(2000) - 1000);
                case 2 -> map.put(key, random.nextDouble() * 100);
                case 3 -> map.put(key, random.nextBoolean());
                case 4 -> map.putNull(key);
                default -> map.putArray(key).add(text(3)).add(random.nextInt(10));
            }
        }
        return map;
    }

    private int pick(int min, int max, Edge edge) {
        return edge == Edge.LOWER ? min : edge == Edge.UPPER ? max : min + random.nextInt(max - min + 1);
    }

    String text(int codePoints) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < codePoints; i++) {
            text.appendCodePoint(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return text.toString();
    }

    /** Each limit of a field crossed by one step: one below a minimum, one above a maximum, one character or item too few or too many. */
    private Map<String, JsonNode> crossedLimits(JsonNode s) {
        Map<String, JsonNode> broken = new java.util.LinkedHashMap<>();
        String type = s.path("type").asText();
        if (s.has("minimum")) {
            broken.put(
                    "below its minimum " + s.get("minimum").asText(),
                    type.equals("integer")
                            ? JSON.numberNode((long) Math.ceil(s.get("minimum").asDouble()) - 1)
                            : JSON.numberNode(s.get("minimum").decimalValue().subtract(STEP)));
        }
        if (s.has("maximum")) {
            broken.put(
                    "above its maximum " + s.get("maximum").asText(),
                    type.equals("integer")
                            ? JSON.numberNode((long) Math.floor(s.get("maximum").asDouble()) + 1)
                            : JSON.numberNode(s.get("maximum").decimalValue().add(STEP)));
        }
        if (s.path("minLength").asInt(0) > 0) {
            broken.put(
                    "shorter than its minLength " + s.get("minLength").asInt(),
                    JSON.textNode(text(s.get("minLength").asInt() - 1)));
        }
        if (s.has("maxLength")) {
            broken.put(
                    "longer than its maxLength " + s.get("maxLength").asInt(),
                    JSON.textNode(text(s.get("maxLength").asInt() + 1)));
        }
        if (type.equals("array")) {
            JsonNode items = s.path("items");
            if (s.path("minItems").asInt(0) > 0) {
                broken.put(
                        "fewer items than its minimum of " + s.get("minItems").asInt(),
                        list(items, s.get("minItems").asInt() - 1, Edge.RANDOM));
            }
            if (s.has("maxItems")) {
                broken.put(
                        "more items than its maximum of " + s.get("maxItems").asInt(),
                        list(items, s.get("maxItems").asInt() + 1, Edge.RANDOM));
            }
            int size = Math.max(1, s.path("minItems").asInt(0));
            Set<Kind> itemKinds = accepted(items);
            for (Kind kind : Kind.values()) {
                if (!itemKinds.contains(kind)) {
                    ArrayNode list = list(items, size, Edge.RANDOM);
                    list.set(size - 1, example(kind));
                    broken.put("an item given " + describe(kind), list);
                }
            }
            if (items.has("required")) {
                for (JsonNode name : items.get("required")) {
                    ArrayNode list = list(items, size, Edge.RANDOM);
                    ((ObjectNode) list.get(size - 1)).remove(name.asText());
                    broken.put("an item without its " + name.asText(), list);
                }
                items.path("properties").fields().forEachRemaining(p -> {
                    for (Kind kind : Kind.values()) {
                        if (!accepted(p.getValue()).contains(kind)) {
                            ArrayNode list = list(items, size, Edge.RANDOM);
                            ((ObjectNode) list.get(size - 1)).set(p.getKey(), example(kind));
                            broken.put("an item whose " + p.getKey() + " is given " + describe(kind), list);
                            return;
                        }
                    }
                });
            }
        }
        return broken;
    }

    static Set<Kind> accepted(JsonNode s) {
        if (s.has("anyOf")) {
            Set<Kind> kinds = EnumSet.noneOf(Kind.class);
            s.get("anyOf").forEach(branch -> kinds.addAll(accepted(branch)));
            return kinds;
        }
        return switch (s.path("type").asText()) {
            case "string" -> EnumSet.of(Kind.STRING);
            case "integer" -> EnumSet.of(Kind.INTEGER);
            case "number" -> EnumSet.of(Kind.INTEGER, Kind.FRACTION);
            case "boolean" -> EnumSet.of(Kind.BOOLEAN);
            case "object" -> EnumSet.of(Kind.OBJECT);
            case "array" -> EnumSet.of(Kind.ARRAY);
            case "null" -> EnumSet.of(Kind.NULL);
            default -> EnumSet.allOf(Kind.class);
        };
    }

    private static JsonNode example(Kind kind) {
        return switch (kind) {
            case STRING -> JSON.textNode("forty-two");
            case INTEGER -> JSON.numberNode(42);
            case FRACTION -> JSON.numberNode(new BigDecimal("2.5"));
            case BOOLEAN -> JSON.booleanNode(true);
            case OBJECT -> JSON.objectNode().put("answer", 42);
            case ARRAY -> JSON.arrayNode().add(42);
            case NULL -> JSON.nullNode();
        };
    }

    private static String describe(Kind kind) {
        return switch (kind) {
            case STRING -> "a text";
            case INTEGER -> "a whole number";
            case FRACTION -> "a number with a fraction";
            case BOOLEAN -> "a yes/no";
            case OBJECT -> "a map";
            case ARRAY -> "a list";
            case NULL -> "null";
        };
    }

    private static JsonNode nonNull(JsonNode s) {
        if (!s.has("anyOf")) {
            return s;
        }
        for (JsonNode branch : s.get("anyOf")) {
            if (!"null".equals(branch.path("type").asText())) {
                return branch;
            }
        }
        return s;
    }

    private List<Map.Entry<String, JsonNode>> properties() {
        List<Map.Entry<String, JsonNode>> properties = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = schema.path("properties").fields();
        fields.forEachRemaining(properties::add);
        return properties;
    }

    private Set<String> required() {
        Set<String> required = new java.util.LinkedHashSet<>();
        schema.path("required").forEach(name -> required.add(name.asText()));
        return required;
    }

    private List<String> optionalFields() {
        Set<String> required = required();
        return properties().stream()
                .map(Map.Entry::getKey)
                .filter(name -> !required.contains(name))
                .toList();
    }
}
