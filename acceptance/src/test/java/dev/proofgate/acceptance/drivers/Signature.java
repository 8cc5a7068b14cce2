package dev.proofgate.acceptance.drivers;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** A declared (or only compiled) signature: its fields on each side and the JSON Schemas it publishes for them. */
public record Signature(
        String id,
        String name,
        String definition,
        List<Field> inputs,
        List<Field> outputs,
        @JsonProperty("input_schema") JsonNode inputSchema,
        @JsonProperty("output_schema") JsonNode outputSchema) {

    public static final String INPUT = "input";
    public static final String OUTPUT = "output";

    /** One declared field: its name, its type as the signature language writes it, and whether it is required. */
    public record Field(String name, String type, boolean required) {}

    public List<Field> inputs() {
        return inputs == null ? List.of() : inputs;
    }

    public List<Field> outputs() {
        return outputs == null ? List.of() : outputs;
    }

    /** The fields of one side, "input" or "output". */
    public List<Field> fields(String side) {
        return switch (side) {
            case INPUT -> inputs();
            case OUTPUT -> outputs();
            default ->
                throw new IllegalArgumentException("a signature's sides are input and output, not '" + side + "'");
        };
    }

    /** The published JSON Schema of one side, "input" or "output". */
    public JsonNode schema(String side) {
        return switch (side) {
            case INPUT -> inputSchema;
            case OUTPUT -> outputSchema;
            default ->
                throw new IllegalArgumentException("a signature's sides are input and output, not '" + side + "'");
        };
    }

    /** The names of the fields the signature declares required on one side. */
    public List<String> declaredRequired(String side) {
        return fields(side).stream().filter(Field::required).map(Field::name).toList();
    }

    /** The names the published schema of one side lists as required. */
    public List<String> publishedRequired(String side) {
        List<String> required = new ArrayList<>();
        schema(side).path("required").forEach(name -> required.add(name.asText()));
        return required;
    }

    /** The names of the properties the published schema of one side describes. */
    public List<String> schemaProperties(String side) {
        List<String> properties = new ArrayList<>();
        schema(side).path("properties").fieldNames().forEachRemaining(properties::add);
        return properties;
    }

    /** The JSON Schema dialect the published schema of one side declares. */
    public String schemaDialect(String side) {
        return schema(side).path("$schema").asText();
    }
}
