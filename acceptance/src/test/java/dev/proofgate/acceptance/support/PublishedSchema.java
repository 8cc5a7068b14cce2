package dev.proofgate.acceptance.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.proofgate.gate.support.Json;
import java.util.List;
import java.util.Map;

/** A JSON Schema the platform published, checked by an independent 2020-12 validator. */
public final class PublishedSchema {

    private static final SchemaRegistry REGISTRY =
            SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private final Schema schema;

    public PublishedSchema(JsonNode schema) {
        this.schema = REGISTRY.getSchema(schema.toString());
    }

    /** The validator's complaints about a document of plain values; empty when the schema accepts it. */
    public List<String> problems(Map<String, ?> document) {
        JsonNode tree = Json.MAPPER.valueToTree(document);
        return problems(tree);
    }

    /** The validator's complaints about a document; empty when the schema accepts it. */
    public List<String> problems(JsonNode document) {
        return schema.validate(document).stream().map(Error::toString).toList();
    }
}
