package dev.proofgate.acceptance.drivers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.proofgate.gate.support.Json;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiDescriptionTest {

    private static final String DOCUMENT = "{\"openapi\": \"3.1.0\", \"security\": [{\"key\": []}],"
            + " \"info\": {\"x-proofgate-limits\": {\"body_bytes\": 1048576}},"
            + " \"paths\": {\"/api/programs/{id}\": {\"get\": {}, \"delete\": {}},"
            + " \"/health\": {\"get\": {\"security\": []}}}}";

    @Test
    void everyAddressIsListedWithTheMethodsItDoesNotPublish() {
        ApiDescription description = ApiDescription.of(Json.parse(DOCUMENT));
        assertThat(description.unpublishedMethods())
                .containsEntry("/api/programs/00000000-0000-4000-8000-000000000000", Set.of("patch", "post", "put"))
                .containsEntry("/health", Set.of("delete", "patch", "post", "put"));
        assertThat(description.operations())
                .extracting(ApiDescription.Operation::needsKey)
                .containsExactly(true, true, false);
    }

    @Test
    void aPublishedLimitIsReadAndAMissingOneIsNamed() {
        ApiDescription description = ApiDescription.of(Json.parse(DOCUMENT));
        assertThat(description.publishedLimit("body_bytes")).isEqualTo(1_048_576L);
        assertThatThrownBy(() -> description.publishedLimit("latency_ms"))
                .hasMessageContaining("publishes no limit 'latency_ms'");
    }

    @Test
    void aDescriptionThatIsNotOpenApi31IsRefused() {
        assertThatThrownBy(() -> ApiDescription.of(Json.parse("{\"openapi\": \"3.0.3\"}")))
                .hasMessageContaining("not OpenAPI 3.1");
    }
}
