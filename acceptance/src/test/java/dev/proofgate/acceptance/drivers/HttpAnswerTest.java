package dev.proofgate.acceptance.drivers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpAnswerTest {

    private static HttpAnswer answer(int status, String body) {
        return new HttpAnswer("POST", "/somewhere", status, Map.of("retry-after", "1"), body);
    }

    private static String error(String type) {
        return "{\"error\":{\"type\":\"" + type
                + "\",\"message\":\"m\",\"details\":{\"field\":\"config.latency_ms\"}}}";
    }

    @Test
    void aRefusalIsItsTypeOnlyWithTheStatusTheContractPairsItWith() {
        assertThat(answer(413, error("payload_too_large")).refusal()).isEqualTo("payload_too_large");
        assertThat(answer(413, error("payload_too_large")).refusedAs("payload_too_large"))
                .isTrue();
        assertThat(answer(400, error("payload_too_large")).refusedAs("payload_too_large"))
                .isFalse();
        assertThat(answer(400, error("payload_too_large")).refusal())
                .isEqualTo("payload_too_large with status 400, which the contract pairs with 413");
    }

    @Test
    void anAnswerThatIsNoRefusalSaysWhatItWasInstead() {
        assertThat(answer(201, "{}").refusal()).isEqualTo("served (201)");
        assertThat(answer(500, "oops").refusal()).isEqualTo("server error 500");
        assertThat(answer(0, "transport failure").refusal()).isEqualTo("no answer (transport failure)");
        assertThat(answer(418, "").refusal()).isEqualTo("refused with status 418 and no error type");
    }

    @Test
    void theKindsFollowTheStatusClasses() {
        assertThat(answer(204, "").kind()).isEqualTo(HttpAnswer.Kind.SERVED);
        assertThat(answer(429, error("rate_limited")).kind()).isEqualTo(HttpAnswer.Kind.REFUSED);
        assertThat(answer(429, "").hasStatusOf("rate_limited")).isTrue();
        assertThat(answer(503, "").serverError()).isTrue();
        assertThat(answer(0, "").serverError()).isTrue();
    }

    @Test
    void noRouteIsANotAllowedMethodNoAnswerOrANotFoundThatSaysSo() {
        assertThat(answer(405, "").noRoute()).isTrue();
        assertThat(answer(0, "").noRoute()).isTrue();
        assertThat(answer(404, "no route for POST /x").noRoute()).isTrue();
        assertThat(answer(404, error("not_found")).noRoute()).isFalse();
    }

    @Test
    void refusalsLikeAValidationErrorShareItsStatus() {
        assertThat(HttpAnswer.refusalsLike("validation_error"))
                .contains("validation_error", "constraint_violation")
                .doesNotContain("malformed_json");
        assertThat(answer(422, error("constraint_violation")).errorDetail("field"))
                .isEqualTo("config.latency_ms");
        assertThat(answer(0, "not json").errorDetail("field")).isEmpty();
        assertThat(answer(200, "").header("Retry-After")).isEqualTo("1");
    }
}
