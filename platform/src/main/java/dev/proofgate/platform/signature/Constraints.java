package dev.proofgate.platform.signature;

/** Optional limits on one field: {@code min}/{@code max} for numbers, {@code minLength}/{@code maxLength} for strings and lists. */
public record Constraints(Double min, Double max, Integer minLength, Integer maxLength) {

    public static final Constraints NONE = new Constraints(null, null, null, null);

    public boolean isEmpty() {
        return min == null && max == null && minLength == null && maxLength == null;
    }
}
