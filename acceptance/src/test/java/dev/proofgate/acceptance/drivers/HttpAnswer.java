package dev.proofgate.acceptance.drivers;

import dev.proofgate.gate.support.Json;
import java.util.Map;
import java.util.Set;

/**
 * One HTTP exchange as the client saw it, read against the platform's contract ({@link ErrorTypes}), so
 * that a step asks what kind of answer it was and never compares a status code. A transport failure while
 * the platform still accepts new connections is status 0 with the reason as body.
 */
public record HttpAnswer(String method, String path, int status, Map<String, String> headers, String body) {

    /** The class of an answer: served (2xx and 3xx), refused (4xx), a server error (5xx), or no answer at all. */
    public enum Kind {
        SERVED,
        REFUSED,
        SERVER_ERROR,
        NO_ANSWER
    }

    public Kind kind() {
        if (status == 0) {
            return Kind.NO_ANSWER;
        } else if (status >= 500) {
            return Kind.SERVER_ERROR;
        }
        return status >= 400 ? Kind.REFUSED : Kind.SERVED;
    }

    public boolean served() {
        return kind() == Kind.SERVED;
    }

    public boolean serverError() {
        return kind() == Kind.SERVER_ERROR || kind() == Kind.NO_ANSWER;
    }

    public String header(String name) {
        return headers.get(name.toLowerCase());
    }

    /** The error type the body names ({@code {"error":{"type":…}}}); empty when it names none. */
    public String errorType() {
        int at = body.indexOf("\"type\":\"");
        return at < 0 ? "" : body.substring(at + 8, body.indexOf('"', at + 8));
    }

    /** A detail the refusal names ({@code {"error":{"details":{name:…}}}}); empty when the body names none. */
    public String errorDetail(String name) {
        try {
            return Json.parse(body).path("error").path("details").path(name).asText();
        } catch (RuntimeException notJson) {
            return "";
        }
    }

    /** Whether the status is the one the contract documents for the error type, whatever the body says. */
    public boolean hasStatusOf(String errorType) {
        return ErrorTypes.statusOf(errorType)
                .map(documented -> documented == status)
                .orElse(false);
    }

    /** Refused with this error type, and with the status the contract pairs it with. */
    public boolean refusedAs(String errorType) {
        return errorType.equals(errorType()) && hasStatusOf(errorType);
    }

    /** The error types the contract answers with the same status as this one: the refusals of one kind, such as invalid input. */
    public static Set<String> refusalsLike(String errorType) {
        return ErrorTypes.typesWith(ErrorTypes.statusOf(errorType)
                .orElseThrow(() -> new IllegalArgumentException(
                        "the contract documents no status for the error type " + errorType)));
    }

    /**
     * The refusal as the contract reads it: the error type when the status agrees with it, and otherwise
     * what the answer was instead, so that an assertion on it names what went wrong.
     */
    public String refusal() {
        String type = errorType();
        if (!type.isEmpty() && hasStatusOf(type)) {
            return type;
        } else if (!type.isEmpty()) {
            return type + " with status " + status + ", which the contract pairs with "
                    + ErrorTypes.statusOf(type).map(String::valueOf).orElse("no status (an undocumented type)");
        }
        return switch (kind()) {
            case SERVED -> "served (" + status + ")";
            case REFUSED -> "refused with status " + status + " and no error type";
            case SERVER_ERROR -> "server error " + status;
            case NO_ANSWER -> "no answer (" + body + ")";
        };
    }

    /** No route behind the address: refused as a method not allowed, no answer at all, or "not found" saying no route. */
    public boolean noRoute() {
        return hasStatusOf("method_not_allowed")
                || kind() == Kind.NO_ANSWER
                || hasStatusOf("not_found") && body.contains("no route");
    }

    public String summary() {
        return method + " " + path + " -> " + status + " "
                + (body.length() > 300 ? body.substring(0, 300) + "..." : body);
    }
}
