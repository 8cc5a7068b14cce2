package dev.proofgate.acceptance.drivers.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.proofgate.acceptance.drivers.ErrorTypes;
import dev.proofgate.acceptance.drivers.Outcome;
import dev.proofgate.acceptance.drivers.Rejection;
import dev.proofgate.gate.support.Json;
import io.qameta.allure.restassured.AllureRestAssured;
import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The REST transport shared by the resource clients: base URL, API key, JSON, and the Allure filter
 * that attaches every exchange to the step that made it. It also holds the platform's HTTP contract
 * (which status goes with which outcome), so that Gherkin never mentions a status code.
 */
public final class PlatformHttp {

    static final ObjectMapper JSON = Json.MAPPER;
    /** Binds answers to the drivers' records; a field the records do not name is left out, not a failure. */
    private static final ObjectMapper RECORDS = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final String baseUrl;
    private final String apiKey;

    public PlatformHttp(String baseUrl, String apiKey) {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
    }

    RequestSpecification request() {
        return RestAssured.given(new RequestSpecBuilder()
                .setBaseUri(baseUrl)
                .addHeader("Authorization", "Bearer " + apiKey)
                .setContentType(ContentType.JSON)
                .setAccept(ContentType.JSON)
                .addFilter(new AllureRestAssured())
                .build());
    }

    /** Reads a response as an outcome, failing when the status contradicts the platform's contract. */
    /** Forgets any settings a scenario left on the HTTP library, so that the next one starts clean. */
    public static void reset() {
        RestAssured.reset();
    }

    static <T> Outcome<T> outcome(Response response, int acceptedStatus, Class<T> type) {
        int status = response.statusCode();
        JsonNode body = parse(response);
        if (status == acceptedStatus) {
            return Outcome.accepted(bind(body, type, response));
        }
        JsonNode error = body.path("error");
        if (error.isMissingNode() || !error.has("type")) {
            throw new AssertionError("the platform answered " + status
                    + " without the error shape {error:{type,message,details}}: " + response.asString());
        }
        String reason = error.path("type").asText();
        Integer documented = ErrorTypes.statusOf(reason).orElse(null);
        if (documented == null || documented != status) {
            throw new AssertionError("the platform rejected with reason '" + reason + "' and status " + status
                    + ", but the contract pairs that reason with " + documented);
        }
        return Outcome.rejected(new Rejection(reason, error.path("message").asText(), error.path("details")));
    }

    /** The body as the driver's record; a body that does not fit it is a contract failure that quotes the body. */
    static <T> T bind(JsonNode body, Class<T> type, Response response) {
        try {
            return RECORDS.treeToValue(body, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new AssertionError(
                    "the platform answered with a body that does not have the shape of " + type.getSimpleName() + " ("
                            + e.getMessage() + "): " + response.asString(),
                    e);
        }
    }

    /** A body already known to be the platform's answer, bound to a driver's record. */
    public static <T> T read(String body, Class<T> type) {
        try {
            return RECORDS.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new AssertionError(
                    "the platform answered with a body that does not have the shape of " + type.getSimpleName() + " ("
                            + e.getOriginalMessage() + "): " + body,
                    e);
        }
    }

    static JsonNode parse(Response response) {
        try {
            String text = response.asString();
            return text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError("the platform answered with a body that is not JSON: " + response.asString(), e);
        }
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
