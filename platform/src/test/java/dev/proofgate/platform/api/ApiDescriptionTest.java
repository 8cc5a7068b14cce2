package dev.proofgate.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ApiDescriptionTest {

    private final ApiDescription description = new ApiDescription("test", Map.of("body_bytes", 1024L));

    @Test
    void theDescriptionIsOpenApi31WithTheLimitsOfThisInstance() {
        assertThat(description.document().path("openapi").asText()).isEqualTo("3.1.0");
        assertThat(description
                        .document()
                        .path("info")
                        .path("x-proofgate-limits")
                        .path("body_bytes")
                        .asLong())
                .isEqualTo(1024);
        assertThat(description.operations())
                .contains("POST /api/executions", "GET /api/executions/{id}", "GET /health");
    }

    @Test
    void aRouteThatIsNotPublishedStopsStartUp() {
        Set<String> routes = new TreeSet<>(description.operations());
        routes.add("DELETE /api/programs/{id}");
        assertThatThrownBy(() -> description.verify(routes))
                .hasMessageContaining("unpublished [DELETE /api/programs/{id}]");
    }

    @Test
    void aPublishedOperationThatIsNotServedStopsStartUp() {
        Set<String> routes = new TreeSet<>(description.operations());
        routes.remove("GET /api/adapters");
        assertThatThrownBy(() -> description.verify(routes))
                .hasMessageContaining("published but not served [GET /api/adapters]");
    }
}
