package dev.proofgate.platform.signature;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiles the signature DSL with a hand-written recursive descent parser:
 *
 * <pre>
 * definition := "signature" NAME ":" side "->" side
 * side       := field ("," field)*
 * field      := type NAME
 * type       := ":" TYPE_NAME [ "(" type ")" ]
 * </pre>
 *
 * Whitespace and newlines are free between tokens. Any input either compiles or raises a
 * {@link CompileError}; nothing else escapes (the property test feeds it thousands of mutations).
 */
public final class SignatureCompiler {

    public static final int MAX_DEFINITION_LENGTH = 65_536;
    public static final int MAX_TYPE_DEPTH = 16;
    private static final String SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema";
    private static final Set<String> CONSTRAINT_NAMES = Set.of("min", "max", "minLength", "maxLength");

    public CompiledSignature compile(String definition, JsonNode constraints) throws CompileError {
        try {
            return new Parser(definition).parse(constraints);
        } catch (CompileError e) {
            throw e;
        } catch (RuntimeException e) {
            // A parser bug must still surface as a typed error, never as a 500.
            throw new CompileError(
                    "syntax_error",
                    "definition could not be compiled: " + e.getClass().getSimpleName(),
                    1,
                    1,
                    "a valid signature");
        }
    }

    public CompiledSignature compile(String definition) throws CompileError {
        return compile(definition, null);
    }

    private static final class Parser {
        private final String text;
        private int pos;
        /** Where each field was declared, as an offset: line and column are worked out only for an error (linear compile). */
        private final Map<String, Integer> fieldPositions = new HashMap<>();

        Parser(String text) {
            this.text = text == null ? "" : text;
        }

        CompiledSignature parse(JsonNode constraints) throws CompileError {
            if (text.length() > MAX_DEFINITION_LENGTH) {
                throw error(
                        "syntax_error",
                        "definition is longer than " + MAX_DEFINITION_LENGTH + " characters",
                        "a shorter definition");
            }
            skipWhitespace();
            expectWord("signature");
            requireWhitespace("whitespace after 'signature'");
            String name = identifier("a signature name");
            skipWhitespace();
            expect(':', "':' after the signature name");
            List<RawField> inputs = side("inputs", "->");
            skipWhitespace();
            if (!text.startsWith("->", pos)) {
                throw error("syntax_error", "expected '->' between inputs and outputs", "'->' or ','");
            }
            pos += 2;
            List<RawField> outputs = side("outputs", null);
            skipWhitespace();
            if (pos < text.length()) {
                throw error(
                        "syntax_error",
                        "unexpected '" + text.charAt(pos) + "' after the outputs",
                        "',' or end of definition");
            }
            Map<String, Constraints> limits = constraints(constraints);
            List<Field> in = fields(inputs, limits);
            List<Field> out = fields(outputs, limits);
            return new CompiledSignature(name, text, List.copyOf(in), List.copyOf(out), schema(in), schema(out));
        }

        private List<RawField> side(String sideName, String terminator) throws CompileError {
            skipWhitespace();
            if (pos >= text.length() || (terminator != null && text.startsWith(terminator, pos))) {
                throw error(
                        "empty_side",
                        "the " + sideName + " side declares no fields",
                        "a field such as ':string question'");
            }
            List<RawField> fields = new ArrayList<>();
            while (true) {
                skipWhitespace();
                int declaredAt = pos;
                FieldType type = type(0);
                requireWhitespace("whitespace between the type and the field name");
                int nameAt = pos;
                String fieldName = identifier("a field name");
                if (fieldPositions.containsKey(fieldName)) {
                    throw new CompileError(
                            "duplicate_field",
                            "field '" + fieldName + "' is declared twice",
                            line(nameAt),
                            column(nameAt),
                            "a unique field name");
                }
                fieldPositions.put(fieldName, declaredAt);
                fields.add(new RawField(fieldName, type));
                skipWhitespace();
                if (pos < text.length() && text.charAt(pos) == ',') {
                    pos++;
                    continue;
                }
                return fields;
            }
        }

        private FieldType type(int depth) throws CompileError {
            if (depth > MAX_TYPE_DEPTH) {
                throw error("syntax_error", "types nest deeper than " + MAX_TYPE_DEPTH + " levels", "a shallower type");
            }
            expect(':', "a type such as ':string'");
            int start = pos;
            String typeName = identifierOrEmpty();
            if (typeName.isEmpty()) {
                throw error(
                        "syntax_error",
                        "expected a type name after ':'",
                        "one of " + String.join(", ", sortedTypeNames()));
            }
            FieldType.Kind kind = FieldType.Kind.fromDsl(typeName);
            if (kind == null) {
                throw new CompileError(
                        "unknown_type",
                        "unknown type ':" + typeName + "'",
                        line(start),
                        column(start),
                        "one of " + String.join(", ", sortedTypeNames()));
            }
            if (!kind.isWrapper()) {
                if (pos < text.length() && text.charAt(pos) == '(') {
                    throw error("syntax_error", "type ':" + typeName + "' takes no element type", "a field name");
                }
                return FieldType.scalar(kind);
            }
            expect('(', "'(' and an element type after ':" + typeName + "'");
            skipWhitespace();
            FieldType element = type(depth + 1);
            skipWhitespace();
            expect(')', "')' closing ':" + typeName + "('");
            return new FieldType(kind, element);
        }

        private Map<String, Constraints> constraints(JsonNode node) throws CompileError {
            Map<String, Constraints> result = new HashMap<>();
            if (node == null || node.isNull() || node.isMissingNode()) {
                return result;
            }
            if (!node.isObject()) {
                throw new CompileError(
                        "invalid_constraint", "constraints must be an object keyed by field name", 1, 1, "an object");
            }
            Iterator<Map.Entry<String, JsonNode>> entries = node.fields();
            while (entries.hasNext()) {
                Map.Entry<String, JsonNode> entry = entries.next();
                String field = entry.getKey();
                if (!fieldPositions.containsKey(field)) {
                    throw new CompileError(
                            "invalid_constraint",
                            "constraint on undeclared field '" + field + "'",
                            1,
                            1,
                            "a declared field name");
                }
                JsonNode limits = entry.getValue();
                if (!limits.isObject()) {
                    throw constraintError(
                            field,
                            "constraints of '" + field + "' must be an object",
                            "an object of min, max, minLength, maxLength");
                }
                Double min = null;
                Double max = null;
                Integer minLength = null;
                Integer maxLength = null;
                Iterator<String> names = limits.fieldNames();
                while (names.hasNext()) {
                    String limit = names.next();
                    JsonNode value = limits.get(limit);
                    if (!CONSTRAINT_NAMES.contains(limit)) {
                        throw constraintError(
                                field,
                                "unknown constraint '" + limit + "' on '" + field + "'",
                                "one of min, max, minLength, maxLength");
                    }
                    if (!value.isNumber()) {
                        throw constraintError(
                                field, "constraint '" + limit + "' on '" + field + "' must be a number", "a number");
                    }
                    switch (limit) {
                        case "min" -> min = value.asDouble();
                        case "max" -> max = value.asDouble();
                        case "minLength" -> minLength = nonNegativeInt(field, limit, value);
                        default -> maxLength = nonNegativeInt(field, limit, value);
                    }
                }
                if (min != null && max != null && min > max) {
                    throw constraintError(field, "min is greater than max on '" + field + "'", "min <= max");
                }
                if (minLength != null && maxLength != null && minLength > maxLength) {
                    throw constraintError(
                            field, "minLength is greater than maxLength on '" + field + "'", "minLength <= maxLength");
                }
                result.put(field, new Constraints(min, max, minLength, maxLength));
            }
            return result;
        }

        private int nonNegativeInt(String field, String limit, JsonNode value) throws CompileError {
            if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < 0) {
                throw constraintError(
                        field,
                        "constraint '" + limit + "' on '" + field + "' must be a non-negative integer",
                        "a non-negative integer");
            }
            return value.asInt();
        }

        private CompileError constraintError(String field, String message, String expected) {
            int at = fieldPositions.get(field);
            return new CompileError("invalid_constraint", message, line(at), column(at), expected);
        }

        private List<Field> fields(List<RawField> raw, Map<String, Constraints> limits) throws CompileError {
            List<Field> fields = new ArrayList<>();
            for (RawField field : raw) {
                Constraints constraints = limits.getOrDefault(field.name(), Constraints.NONE);
                if ((constraints.min() != null || constraints.max() != null)
                        && !field.type().isNumeric()) {
                    throw constraintError(
                            field.name(),
                            "min/max apply to numeric fields; '" + field.name() + "' is "
                                    + field.type().dsl(),
                            "a numeric field");
                }
                if ((constraints.minLength() != null || constraints.maxLength() != null)
                        && !field.type().hasLength()) {
                    throw constraintError(
                            field.name(),
                            "minLength/maxLength apply to strings and lists; '" + field.name() + "' is "
                                    + field.type().dsl(),
                            "a string or list field");
                }
                fields.add(new Field(field.name(), field.type(), constraints));
            }
            return fields;
        }

        private void expectWord(String word) throws CompileError {
            String found = identifierOrEmpty();
            if (!found.equals(word)) {
                pos -= found.length();
                throw error("syntax_error", "a definition starts with '" + word + "'", "'" + word + "'");
            }
        }

        private String identifier(String what) throws CompileError {
            String found = identifierOrEmpty();
            if (found.isEmpty()) {
                throw error("syntax_error", "expected " + what, what + " (letters, digits, '_')");
            }
            return found;
        }

        private String identifierOrEmpty() {
            int start = pos;
            if (pos < text.length() && (Character.isLetter(text.charAt(pos)) || text.charAt(pos) == '_')) {
                pos++;
                while (pos < text.length()
                        && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
                    pos++;
                }
            }
            return text.substring(start, pos);
        }

        private void expect(char c, String expected) throws CompileError {
            if (pos >= text.length() || text.charAt(pos) != c) {
                String found = pos >= text.length() ? "end of definition" : "'" + text.charAt(pos) + "'";
                throw error("syntax_error", "expected " + expected + ", found " + found, expected);
            }
            pos++;
        }

        private void requireWhitespace(String expected) throws CompileError {
            if (pos >= text.length() || !Character.isWhitespace(text.charAt(pos))) {
                String found = pos >= text.length() ? "end of definition" : "'" + text.charAt(pos) + "'";
                throw error("syntax_error", "expected " + expected + ", found " + found, expected);
            }
            skipWhitespace();
        }

        private void skipWhitespace() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        private CompileError error(String type, String message, String expected) {
            int at = Math.min(pos, text.length());
            return new CompileError(
                    type, message + " at line " + line(at) + ", column " + column(at), line(at), column(at), expected);
        }

        private int line(int at) {
            int line = 1;
            for (int i = 0; i < at && i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                }
            }
            return line;
        }

        private int column(int at) {
            int lineStart = text.lastIndexOf('\n', Math.max(0, Math.min(at, text.length()) - 1));
            return at - lineStart;
        }
    }

    private record RawField(String name, FieldType type) {}

    private static List<String> sortedTypeNames() {
        return FieldType.TYPE_NAMES.stream().sorted().map(n -> ":" + n).toList();
    }

    static ObjectNode schema(List<Field> fields) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode schema = json.objectNode();
        schema.put("$schema", SCHEMA_DIALECT);
        schema.put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = json.arrayNode();
        Set<String> names = new LinkedHashSet<>();
        for (Field field : fields) {
            properties.set(field.name(), typeSchema(field.type(), field.constraints()));
            if (field.required()) {
                required.add(field.name());
            }
            names.add(field.name());
        }
        schema.set("required", required);
        schema.put("additionalProperties", false);
        return schema;
    }

    private static ObjectNode typeSchema(FieldType type, Constraints limits) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        switch (type.kind()) {
            case STRING -> node.put("type", "string");
            case INTEGER -> node.put("type", "integer");
            case FLOAT -> node.put("type", "number");
            case BOOLEAN -> node.put("type", "boolean");
            case MAP -> node.put("type", "object");
            case CONFIDENCE_SCORE ->
                node.put("type", "number").put("minimum", 0).put("maximum", 1);
            case LIST -> node.put("type", "array").set("items", typeSchema(type.element(), Constraints.NONE));
            case REASONING_CHAIN -> {
                node.put("type", "array").put("minItems", 1);
                ObjectNode step = node.putObject("items");
                step.put("type", "object");
                step.putArray("required").add("step").add("reasoning");
                ObjectNode props = step.putObject("properties");
                props.putObject("step").put("type", "integer");
                props.putObject("reasoning").put("type", "string");
            }
            case OPTIONAL -> {
                ArrayNode anyOf = node.putArray("anyOf");
                anyOf.add(typeSchema(type.element(), limits));
                anyOf.addObject().put("type", "null");
                return node;
            }
        }
        // A confidence score never leaves [0, 1], whatever looser limit was declared: publish what is enforced.
        boolean confidence = type.kind() == FieldType.Kind.CONFIDENCE_SCORE;
        if (limits.min() != null) {
            node.put("minimum", confidence ? Math.max(0, limits.min()) : limits.min());
        }
        if (limits.max() != null) {
            node.put("maximum", confidence ? Math.min(1, limits.max()) : limits.max());
        }
        String lengthPrefix = type.kind() == FieldType.Kind.LIST ? "Items" : "Length";
        if (limits.minLength() != null) {
            node.put("min" + lengthPrefix, limits.minLength());
        }
        if (limits.maxLength() != null) {
            node.put("max" + lengthPrefix, limits.maxLength());
        }
        return node;
    }
}
