package dev.proofgate.acceptance.drivers.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proofgate.acceptance.drivers.Execution;
import dev.proofgate.acceptance.drivers.ExecutionsApi;
import dev.proofgate.acceptance.drivers.HistoryPage;
import dev.proofgate.acceptance.drivers.Outcome;
import io.restassured.specification.RequestSpecification;
import java.util.Map;

public final class RestExecutions implements ExecutionsApi {

    private static final int HISTORY_LIMIT = 200;

    private final PlatformHttp http;

    public RestExecutions(PlatformHttp http) {
        this.http = http;
    }

    @Override
    public Outcome<Execution> submit(String programId, Map<String, ?> inputs) {
        return submitAny(programId, inputs);
    }

    @Override
    public Outcome<Execution> submitAny(String programId, Object inputs) {
        ObjectNode body = submission(programId, PlatformHttp.JSON.valueToTree(inputs));
        return PlatformHttp.outcome(
                http.request().body(PlatformHttp.json(body)).post(Routes.EXECUTIONS), 202, Execution.class);
    }

    /** The body of a submission: the program and the inputs. */
    public static ObjectNode submission(String programId, JsonNode inputs) {
        ObjectNode body = PlatformHttp.JSON.createObjectNode().put("program_id", programId);
        body.set("inputs", inputs);
        return body;
    }

    @Override
    public Outcome<Execution> get(String executionId) {
        return PlatformHttp.outcome(http.request().get(Routes.EXECUTION, executionId), 200, Execution.class);
    }

    @Override
    public HistoryPage history(String programId, String status) {
        RequestSpecification request =
                http.request().queryParam("program_id", programId).queryParam("limit", HISTORY_LIMIT);
        if (status != null) {
            request = request.queryParam("status", status);
        }
        return PlatformHttp.outcome(request.get(Routes.EXECUTIONS), 200, HistoryPage.class)
                .orFail("the program's history");
    }

    @Override
    public HistoryPage page(String programId, String status, int limit, int offset) {
        RequestSpecification request = http.request()
                .queryParam("program_id", programId)
                .queryParam("limit", limit)
                .queryParam("offset", offset);
        if (status != null) {
            request = request.queryParam("status", status);
        }
        return PlatformHttp.outcome(request.get(Routes.EXECUTIONS), 200, HistoryPage.class)
                .orFail("a page of the program's history");
    }
}
