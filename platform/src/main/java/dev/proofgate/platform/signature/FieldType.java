package dev.proofgate.platform.signature;

import java.util.Locale;
import java.util.Set;

/**
 * A field type of the signature DSL. Scalars have no element; {@code list} and {@code optional}
 * wrap exactly one element type, so {@code :list(:optional(:integer))} is three nested values.
 */
public record FieldType(Kind kind, FieldType element) {

    public enum Kind {
        STRING,
        INTEGER,
        FLOAT,
        BOOLEAN,
        MAP,
        LIST,
        OPTIONAL,
        CONFIDENCE_SCORE,
        REASONING_CHAIN;

        public String dslName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public boolean isWrapper() {
            return this == LIST || this == OPTIONAL;
        }

        static Kind fromDsl(String name) {
            for (Kind kind : values()) {
                if (kind.dslName().equals(name)) {
                    return kind;
                }
            }
            return null;
        }
    }

    public static final Set<String> TYPE_NAMES = Set.of(
            "string", "integer", "float", "boolean", "map", "list", "optional", "confidence_score", "reasoning_chain");

    public static FieldType scalar(Kind kind) {
        return new FieldType(kind, null);
    }

    public static FieldType list(FieldType element) {
        return new FieldType(Kind.LIST, element);
    }

    public static FieldType optional(FieldType element) {
        return new FieldType(Kind.OPTIONAL, element);
    }

    public boolean isOptional() {
        return kind == Kind.OPTIONAL;
    }

    public boolean isNumeric() {
        return kind == Kind.INTEGER
                || kind == Kind.FLOAT
                || kind == Kind.CONFIDENCE_SCORE
                || (kind == Kind.OPTIONAL && element.isNumeric());
    }

    public boolean hasLength() {
        return kind == Kind.STRING || kind == Kind.LIST || (kind == Kind.OPTIONAL && element.hasLength());
    }

    /** The type as written in the DSL, e.g. {@code :list(:optional(:integer))}. */
    public String dsl() {
        return element == null ? ":" + kind.dslName() : ":" + kind.dslName() + "(" + element.dsl() + ")";
    }

    @Override
    public String toString() {
        return dsl();
    }
}
