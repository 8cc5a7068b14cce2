package dev.proofgate.platform.signature;

/** One named, typed field of a signature, with its constraints. */
public record Field(String name, FieldType type, Constraints constraints) {

    public boolean required() {
        return !type.isOptional();
    }
}
