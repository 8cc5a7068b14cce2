package dev.proofgate.platform.signature;

/**
 * The only exception the compiler throws. {@code type} is one of {@code syntax_error},
 * {@code unknown_type}, {@code duplicate_field}, {@code empty_side}, {@code invalid_constraint};
 * {@code line} and {@code column} are 1-based positions in the definition.
 */
public final class CompileError extends Exception {

    private final String type;
    private final int line;
    private final int column;
    private final String expected;

    public CompileError(String type, String message, int line, int column, String expected) {
        super(message);
        this.type = type;
        this.line = line;
        this.column = column;
        this.expected = expected;
    }

    public String type() {
        return type;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public String expected() {
        return expected;
    }
}
