package dev.proofgate.acceptance.drivers;

/** What a request to the platform came to: the accepted resource, or the platform's typed rejection. */
public record Outcome<T>(T accepted, Rejection rejection) {

    public static <T> Outcome<T> accepted(T resource) {
        return new Outcome<>(resource, null);
    }

    public static <T> Outcome<T> rejected(Rejection rejection) {
        return new Outcome<>(null, rejection);
    }

    public boolean wasAccepted() {
        return accepted != null;
    }

    /** The accepted resource; a rejection here is a failure that quotes the platform's reason. */
    public T orFail(String what) {
        if (rejection != null) {
            throw new AssertionError(what + " was rejected: " + rejection.reason() + " - " + rejection.message());
        }
        return accepted;
    }

    /** The rejection; an acceptance here is a failure that quotes what was accepted. */
    public Rejection rejectionOrFail(String what) {
        if (rejection == null) {
            throw new AssertionError(what + " was expected to be rejected but was accepted: " + accepted);
        }
        return rejection;
    }
}
