package dev.proofgate.platform.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class SignatureCompilerTest {

    private final SignatureCompiler compiler = new SignatureCompiler();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void compilesTheSimplestSignature() throws CompileError {
        CompiledSignature compiled =
                compiler.compile("signature question_answering: :string question -> :string answer");
        assertThat(compiled.name()).isEqualTo("question_answering");
        assertThat(compiled.inputs()).extracting(Field::name).containsExactly("question");
        assertThat(compiled.outputs()).extracting(f -> f.type().dsl()).containsExactly(":string");
    }

    @Test
    void compilesNestedTypesAcrossLines() throws CompileError {
        CompiledSignature compiled = compiler.compile("""
                signature   nested :
                   :list(:optional(:integer)) scores,
                   :map   context
                ->
                   :optional( :list(:float) ) readings, :reasoning_chain why, :confidence_score sure
                """);
        assertThat(compiled.inputs().get(0).type())
                .isEqualTo(FieldType.list(FieldType.optional(FieldType.scalar(FieldType.Kind.INTEGER))));
        assertThat(compiled.outputs())
                .extracting(f -> f.type().dsl())
                .containsExactly(":optional(:list(:float))", ":reasoning_chain", ":confidence_score");
        assertThat(compiled.outputs().get(0).required()).isFalse();
    }

    @Test
    void publishesJsonSchemas() throws CompileError {
        CompiledSignature compiled = compiler.compile(
                "signature s: :string q, :optional(:integer) n, :list(:boolean) flags -> :confidence_score c, :reasoning_chain r",
                json.createObjectNode()
                        .set("q", json.createObjectNode().put("minLength", 2).put("maxLength", 10)));
        JsonNode in = compiled.inputSchema();
        assertThat(in.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(in.path("required")).extracting(JsonNode::asText).containsExactly("q", "flags");
        assertThat(in.path("additionalProperties").asBoolean(true)).isFalse();
        assertThat(in.at("/properties/q/minLength").asInt()).isEqualTo(2);
        assertThat(in.at("/properties/n/anyOf/1/type").asText()).isEqualTo("null");
        assertThat(in.at("/properties/flags/items/type").asText()).isEqualTo("boolean");
        assertThat(compiled.outputSchema().at("/properties/c/maximum").asInt()).isEqualTo(1);
        assertThat(compiled.outputSchema().at("/properties/r/items/required/0").asText())
                .isEqualTo("step");
    }

    @Test
    void syntaxErrorNamesLineColumnAndWhatWasExpected() {
        assertThatThrownBy(() -> compiler.compile("signature broken:\n  :string question ->  answer"))
                .isInstanceOfSatisfying(CompileError.class, e -> {
                    assertThat(e.type()).isEqualTo("syntax_error");
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.column()).isEqualTo(24);
                    assertThat(e.expected()).contains("type");
                });
    }

    @Test
    void unknownTypeIsItsOwnError() {
        assertThatThrownBy(() -> compiler.compile("signature s: :strin q -> :string a"))
                .isInstanceOfSatisfying(CompileError.class, e -> {
                    assertThat(e.type()).isEqualTo("unknown_type");
                    assertThat(e.column()).isEqualTo(15);
                });
    }

    @Test
    void duplicateFieldIsAnErrorEvenAcrossSides() {
        assertThatThrownBy(() -> compiler.compile("signature s: :string q -> :string q"))
                .isInstanceOfSatisfying(
                        CompileError.class, e -> assertThat(e.type()).isEqualTo("duplicate_field"));
    }

    @Test
    void emptySidesAreErrors() {
        assertThatThrownBy(() -> compiler.compile("signature s: -> :string a"))
                .isInstanceOfSatisfying(
                        CompileError.class, e -> assertThat(e.type()).isEqualTo("empty_side"));
        assertThatThrownBy(() -> compiler.compile("signature s: :string q ->   "))
                .isInstanceOfSatisfying(
                        CompileError.class, e -> assertThat(e.type()).isEqualTo("empty_side"));
    }

    @Test
    void wrapperTypesNeedAnElementAndScalarsTakeNone() {
        assertThatThrownBy(() -> compiler.compile("signature s: :list q -> :string a"))
                .isInstanceOfSatisfying(
                        CompileError.class, e -> assertThat(e.type()).isEqualTo("syntax_error"));
        assertThatThrownBy(() -> compiler.compile("signature s: :string(:integer) q -> :string a"))
                .isInstanceOfSatisfying(
                        CompileError.class, e -> assertThat(e.type()).isEqualTo("syntax_error"));
    }

    @Test
    void constraintsMustFitTheirField() throws Exception {
        JsonNode onString = json.readTree("{\"q\": {\"min\": 1}}");
        assertThatThrownBy(() -> compiler.compile("signature s: :string q -> :string a", onString))
                .isInstanceOfSatisfying(
                        CompileError.class, e -> assertThat(e.type()).isEqualTo("invalid_constraint"));
        JsonNode unknownField = json.readTree("{\"nope\": {\"min\": 1}}");
        assertThatThrownBy(() -> compiler.compile("signature s: :integer q -> :string a", unknownField))
                .isInstanceOfSatisfying(
                        CompileError.class, e -> assertThat(e.type()).isEqualTo("invalid_constraint"));
        JsonNode inverted = json.readTree("{\"q\": {\"min\": 5, \"max\": 1}}");
        assertThatThrownBy(() -> compiler.compile("signature s: :integer q -> :string a", inverted))
                .isInstanceOf(CompileError.class);
        JsonNode fine = json.readTree("{\"q\": {\"min\": 1, \"max\": 5}}");
        assertThat(compiler.compile("signature s: :optional(:integer) q -> :string a", fine)
                        .inputs()
                        .get(0)
                        .constraints()
                        .max())
                .isEqualTo(5.0);
    }

    @Test
    void deepNestingIsRefusedNotOverflowed() {
        String deep = ":list(".repeat(5_000) + ":string" + ")".repeat(5_000);
        assertThatThrownBy(() -> compiler.compile("signature s: " + deep + " q -> :string a"))
                .isInstanceOfSatisfying(
                        CompileError.class, e -> assertThat(e.type()).isEqualTo("syntax_error"));
    }
}
