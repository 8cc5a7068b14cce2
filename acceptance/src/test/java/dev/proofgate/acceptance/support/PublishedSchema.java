package dev.proofgate.acceptance.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;

/** A JSON Schema the platform published, checked by an independent 2020-12 validator. */
public final class PublishedSchema {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private final Schema schema;

    public PublishedSchema(JsonNode schema) {
        this.schema = REGISTRY.getSchema(schema.toString());
    }

    /** The validator's complaints about a document; empty when the schema accepts it. */
    public List<String> problems(JsonNode document) {
        return schema.validate(document).stream().map(Error::toString).toList();
    }
}
