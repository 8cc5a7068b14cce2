package dev.proofgate.platform.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;

/** Creating the things most tests need: a signature, a program, an execution followed to its end. */
public final class Fixtures {

    private final Http http;

    public Fixtures(Http http) {
        this.http = http;
    }

    public String program(String adapter, String config) {
        String name = "qa_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        Http.Reply signature = http.post(
                "/api/signatures",
                "{\"definition\": \"signature " + name
                        + ": :string question -> :string answer, :confidence_score confidence\"}");
        assertThat(signature.status())
                .as("signature created: %s", signature.body())
                .isEqualTo(201);
        Http.Reply program = http.post(
                "/api/programs",
                "{\"name\": \"" + name + "\", \"signature_id\": \""
                        + signature.body().path("id").asText() + "\", \"adapter\": \"" + adapter + "\", \"config\": "
                        + config + "}");
        assertThat(program.status()).as("program created: %s", program.body()).isEqualTo(201);
        return program.body().path("id").asText();
    }

    public String submit(String programId, String question) {
        Http.Reply reply = http.post(
                "/api/executions",
                "{\"program_id\": \"" + programId + "\", \"inputs\": {\"question\": \"" + question + "\"}}");
        assertThat(reply.status()).as("execution accepted: %s", reply.body()).isEqualTo(202);
        return reply.body().path("id").asText();
    }

    public JsonNode awaitFinished(String executionId, Duration atMost) {
        JsonNode[] last = new JsonNode[1];
        Awaitility.await("execution " + executionId + " to finish")
                .atMost(atMost)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    last[0] = http.get("/api/executions/" + executionId).body();
                    String status = last[0].path("status").asText();
                    return status.equals("completed") || status.equals("failed");
                });
        return last[0];
    }
}
