package dev.proofgate.acceptance.drivers.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.proofgate.acceptance.drivers.Execution;
import dev.proofgate.acceptance.drivers.Health;
import dev.proofgate.acceptance.drivers.HistoryPage;
import dev.proofgate.acceptance.drivers.Rejection;
import dev.proofgate.acceptance.drivers.Signature;
import dev.proofgate.gate.support.Json;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The platform's answers, as its README documents them, read into the drivers' records. */
class DriverRecordsTest {

    private static final String COMPLETED = """
            {"id": "e1", "program_id": "p1", "status": "completed", "adapter": "native", "attempts": 1,
             "inputs": {"question": "Why?"}, "outputs": {"answer": "Because.", "note": null}, "error": null,
             "metrics": {"queue_ms": 3, "execution_ms": 5, "total_ms": 9},
             "audit_trail": [{"stage": "signature_compilation", "started_at": "2026-12-02T10:00:00Z", "duration_ms": 0.4, "outcome": "ok"}],
             "created_at": "2026-12-02T10:00:00.123Z", "started_at": null, "completed_at": null}
            """;

    @Test
    void anExecutionIsReadWithItsOutputsTimesAndAuditTrail() {
        Execution execution = PlatformHttp.read(COMPLETED, Execution.class);
        assertThat(execution.completed()).isTrue();
        assertThat(execution.finished()).isTrue();
        assertThat(execution.gave("answer")).isTrue();
        assertThat(execution.gave("note")).as("an output given as null").isFalse();
        assertThat(execution.gave("missing")).isFalse();
        assertThat(execution.metrics().total()).isEqualTo(9);
        assertThat(execution.metrics().wholeMilliseconds()).isTrue();
        assertThat(execution.stages()).containsExactly("signature_compilation");
        assertThat(execution.created()).hasToString("2026-12-02T10:00:00.123Z");
        assertThat(execution.error()).isNull();
    }

    @Test
    void timesInFractionsOfAMillisecondAreNotWholeMilliseconds() {
        Execution execution =
                PlatformHttp.read(COMPLETED.replace("\"queue_ms\": 3", "\"queue_ms\": 3.5"), Execution.class);
        assertThat(execution.metrics().wholeMilliseconds()).isFalse();
    }

    @Test
    void aFailedExecutionHasNoOutputsAndNamesItsError() {
        Execution execution = PlatformHttp.read("""
                {"id": "e2", "status": "failed", "outputs": null, "error": {"type": "execution_error", "message": "the model gave up"}}
                """, Execution.class);
        assertThat(execution.hasOutputs()).isFalse();
        assertThat(execution.error().type()).isEqualTo("execution_error");
        assertThat(execution.auditTrail()).isEmpty();
    }

    @Test
    void aPageOfHistoryListsItsIdsAndTotal() {
        HistoryPage page = PlatformHttp.read(
                "{\"items\": [" + COMPLETED + "], \"total\": 7, \"limit\": 1, \"offset\": 0}", HistoryPage.class);
        assertThat(page.ids()).containsExactly("e1");
        assertThat(page.totalOrNone()).isEqualTo(7);
        assertThat(PlatformHttp.read("{}", HistoryPage.class).totalOrNone())
                .as("a page without a total")
                .isEqualTo(-1);
    }

    @Test
    void aSignatureNamesItsRequiredFieldsOnBothSides() {
        Signature signature = PlatformHttp.read("""
                {"id": "s1", "name": "qa", "inputs": [{"name": "question", "type": ":string", "required": true},
                 {"name": "context", "type": ":optional(:map)", "required": false}],
                 "outputs": [{"name": "answer", "type": ":string", "required": true}],
                 "input_schema": {"$schema": "https://json-schema.org/draft/2020-12/schema", "required": ["question"],
                  "properties": {"question": {}, "context": {}}},
                 "output_schema": {"required": ["answer"], "properties": {"answer": {}}}}
                """, Signature.class);
        assertThat(signature.declaredRequired(Signature.INPUT)).containsExactly("question");
        assertThat(signature.publishedRequired(Signature.OUTPUT)).containsExactly("answer");
        assertThat(signature.schemaProperties(Signature.INPUT)).containsExactly("question", "context");
        assertThat(signature.schemaDialect(Signature.INPUT)).contains("2020-12");
        assertThatThrownBy(() -> signature.fields("middle")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRejectionNamesItsDetails() {
        Rejection rejection = new Rejection(
                "constraint_violation",
                "too long",
                Json.parse("{\"field\": \"question\", \"constraint\": \"maxLength\", \"limit\": 5, \"actual\": 6}"));
        assertThat(rejection.field()).isEqualTo("question");
        assertThat(rejection.constraint()).isEqualTo("maxLength");
        assertThat(rejection.limit()).isEqualByComparingTo(BigDecimal.valueOf(5));
        assertThat(rejection.line()).isNull();
        assertThat(new Rejection("not_found", "no such program", null).limit()).isNull();
    }

    @Test
    void theHealthReportNamesTheBridgeWorkers() {
        Health health = PlatformHttp.read("""
                {"status": "up", "version": "0.1.0", "components": {"database": {"status": "up"},
                 "python_bridge": {"status": "up", "workers_alive": 2, "workers_target": 2, "restarts": 0, "worker_pids": [11, 12]},
                 "execution_queue": {"status": "up", "queued": 0, "running": 1, "in_flight_here": 1}}}
                """, Health.class);
        assertThat(health.bridge().workerPids()).containsExactly(11L, 12L);
        assertThat(health.component(Health.QUEUE).inFlightHere()).isEqualTo(1);
        assertThat(health.component("signature_system").status())
                .as("a component the report does not name")
                .isNull();
    }

    @Test
    void aBodyOfAnotherShapeIsAFailureThatQuotesIt() {
        assertThatThrownBy(() -> PlatformHttp.read("{\"items\": 3}", HistoryPage.class))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("HistoryPage")
                .hasMessageContaining("{\"items\": 3}");
    }
}
