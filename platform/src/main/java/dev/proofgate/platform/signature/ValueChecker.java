package dev.proofgate.platform.signature;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Checks a JSON object of values against one side of a compiled signature: types first, then constraints. */
public final class ValueChecker {

    private ValueChecker() {}

    public static Optional<ValueProblem> check(List<Field> fields, JsonNode values) {
        if (values == null || !values.isObject()) {
            return Optional.of(ValueProblem.wrongType("$", "object", describe(values)));
        }
        Set<String> declared = new HashSet<>();
        for (Field field : fields) {
            declared.add(field.name());
            JsonNode value = values.get(field.name());
            if (value == null) {
                if (field.required()) {
                    return Optional.of(
                            ValueProblem.wrongType(field.name(), field.type().dsl(), "missing"));
                }
                continue;
            }
            Optional<ValueProblem> problem = checkType(field.name(), field.type(), value);
            if (problem.isPresent()) {
                return problem;
            }
            problem = checkConstraints(field, value);
            if (problem.isPresent()) {
                return problem;
            }
        }
        Iterator<String> names = values.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!declared.contains(name)) {
                return Optional.of(ValueProblem.wrongType(name, "no such field", "an undeclared field"));
            }
        }
        return Optional.empty();
    }

    private static Optional<ValueProblem> checkType(String path, FieldType type, JsonNode value) {
        boolean ok = switch (type.kind()) {
            case STRING -> value.isTextual();
            case INTEGER -> isWholeNumber(value);
            case FLOAT -> value.isNumber();
            case BOOLEAN -> value.isBoolean();
            case MAP -> value.isObject();
            case CONFIDENCE_SCORE -> value.isNumber() && value.asDouble() >= 0 && value.asDouble() <= 1;
            case LIST, REASONING_CHAIN -> value.isArray();
            case OPTIONAL -> true;
        };
        if (!ok) {
            String expected = type.kind() == FieldType.Kind.CONFIDENCE_SCORE
                    ? ":confidence_score (a number in [0, 1])"
                    : type.dsl();
            return Optional.of(ValueProblem.wrongType(path, expected, describe(value)));
        }
        switch (type.kind()) {
            case OPTIONAL -> {
                return value.isNull() ? Optional.empty() : checkType(path, type.element(), value);
            }
            case LIST -> {
                for (int i = 0; i < value.size(); i++) {
                    Optional<ValueProblem> problem = checkType(path + "[" + i + "]", type.element(), value.get(i));
                    if (problem.isPresent()) {
                        return problem;
                    }
                }
            }
            case REASONING_CHAIN -> {
                if (value.isEmpty()) {
                    return Optional.of(
                            ValueProblem.wrongType(path, ":reasoning_chain (at least one step)", "an empty list"));
                }
                for (int i = 0; i < value.size(); i++) {
                    JsonNode step = value.get(i);
                    if (!step.isObject()
                            || !isWholeNumber(step.path("step"))
                            || !step.path("reasoning").isTextual()) {
                        return Optional.of(ValueProblem.wrongType(
                                path + "[" + i + "]", "{step: integer, reasoning: string}", describe(step)));
                    }
                }
            }
            default -> {}
        }
        return Optional.empty();
    }

    /** JSON Schema's integer: any number without a fractional part, also when written as 3.0. */
    private static boolean isWholeNumber(JsonNode value) {
        return value.isIntegralNumber()
                || (value.isNumber()
                        && value.decimalValue().stripTrailingZeros().scale() <= 0);
    }

    private static Optional<ValueProblem> checkConstraints(Field field, JsonNode value) {
        Constraints limits = field.constraints();
        if (limits.isEmpty() || value.isNull()) {
            return Optional.empty();
        }
        if (value.isNumber()) {
            double number = value.asDouble();
            if (limits.min() != null && number < limits.min()) {
                return Optional.of(ValueProblem.violation(field.name(), "min", limits.min(), value.numberValue()));
            }
            if (limits.max() != null && number > limits.max()) {
                return Optional.of(ValueProblem.violation(field.name(), "max", limits.max(), value.numberValue()));
            }
        }
        if (value.isTextual() || value.isArray()) {
            int length = value.isTextual()
                    ? value.asText().codePointCount(0, value.asText().length())
                    : value.size();
            if (limits.minLength() != null && length < limits.minLength()) {
                return Optional.of(ValueProblem.violation(field.name(), "minLength", limits.minLength(), length));
            }
            if (limits.maxLength() != null && length > limits.maxLength()) {
                return Optional.of(ValueProblem.violation(field.name(), "maxLength", limits.maxLength(), length));
            }
        }
        return Optional.empty();
    }

    /** The DSL's name for the type of a JSON value, as error details report it ("integer", "list", "missing"). */
    public static String describe(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "missing";
        }
        if (value.isNull()) {
            return "null";
        }
        if (value.isTextual()) {
            return "string";
        }
        if (value.isIntegralNumber()) {
            return "integer";
        }
        if (value.isNumber()) {
            return "float";
        }
        if (value.isBoolean()) {
            return "boolean";
        }
        if (value.isArray()) {
            return "list";
        }
        return "map";
    }
}
