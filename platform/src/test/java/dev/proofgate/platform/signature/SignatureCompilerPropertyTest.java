package dev.proofgate.platform.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Feeds the compiler thousands of generated and mutated definitions (a fixed seed, so a failure
 * repeats): each one either compiles or raises a typed CompileError with a position inside the text.
 */
class SignatureCompilerPropertyTest {

    private static final long SEED = 20261122L;
    private static final String[] TOKENS = {
        "signature",
        " ",
        "\n",
        ":",
        ",",
        "->",
        "(",
        ")",
        ":string",
        ":integer",
        ":float",
        ":boolean",
        ":map",
        ":list(",
        ":optional(",
        ":confidence_score",
        ":reasoning_chain",
        "q",
        "answer",
        "_x1",
        "-",
        ">",
        "\t",
        "é",
        "\u0000",
        "::",
        "9",
        "signature s:"
    };

    private final SignatureCompiler compiler = new SignatureCompiler();
    private final Random random = new Random(SEED);

    @Test
    void everyGeneratedOrMutatedDefinitionCompilesOrFailsWithATypedError() {
        List<String> inputs = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            inputs.add(validDefinition());
        }
        for (int i = 0; i < 5_000; i++) {
            inputs.add(mutate(validDefinition()));
        }
        for (int i = 0; i < 2_000; i++) {
            inputs.add(tokenSoup());
        }
        int compiled = 0;
        int rejected = 0;
        for (String input : inputs) {
            try {
                compiler.compile(input);
                compiled++;
            } catch (CompileError e) {
                rejected++;
                assertThat(e.type())
                        .as("error type for %s", input)
                        .isIn("syntax_error", "unknown_type", "duplicate_field", "empty_side", "invalid_constraint");
                assertThat(e.line()).as("line for %s", input).isBetween(1, input.split("\n", -1).length);
                assertThat(e.column()).as("column for %s", input).isPositive();
                assertThat(e.getMessage()).isNotBlank();
            } catch (RuntimeException e) {
                fail("compiler threw " + e + " for input: " + input);
            }
        }
        assertThat(compiled).as("generated definitions that compiled").isGreaterThanOrEqualTo(3_000);
        assertThat(rejected).as("mutated definitions that were rejected").isGreaterThan(1_000);
    }

    private String validDefinition() {
        StringBuilder text =
                new StringBuilder("signature s").append(random.nextInt(1000)).append(':');
        int field = 0;
        for (String side : new String[] {"in", "out"}) {
            int count = 1 + random.nextInt(4);
            for (int i = 0; i < count; i++) {
                text.append(i == 0 ? whitespace() : "," + whitespace())
                        .append(type(0))
                        .append(' ')
                        .append(side)
                        .append(field++);
            }
            if (side.equals("in")) {
                text.append(whitespace()).append("->");
            }
        }
        return text.toString();
    }

    private String type(int depth) {
        String[] scalars = {":string", ":integer", ":float", ":boolean", ":map", ":confidence_score", ":reasoning_chain"
        };
        int pick = random.nextInt(depth > 3 ? scalars.length : scalars.length + 2);
        if (pick < scalars.length) {
            return scalars[pick];
        }
        return (pick == scalars.length ? ":list(" : ":optional(") + type(depth + 1) + ")";
    }

    private String whitespace() {
        return switch (random.nextInt(4)) {
            case 0 -> " ";
            case 1 -> "\n  ";
            case 2 -> "  \t";
            default -> " ";
        };
    }

    private String mutate(String text) {
        StringBuilder mutated = new StringBuilder(text);
        int edits = 1 + random.nextInt(3);
        for (int i = 0; i < edits && mutated.length() > 0; i++) {
            int at = random.nextInt(mutated.length());
            switch (random.nextInt(4)) {
                case 0 -> mutated.deleteCharAt(at);
                case 1 -> mutated.insert(at, TOKENS[random.nextInt(TOKENS.length)]);
                case 2 -> mutated.setCharAt(at, (char) (32 + random.nextInt(95)));
                default -> mutated.setLength(at);
            }
        }
        return mutated.toString();
    }

    private String tokenSoup() {
        StringBuilder soup = new StringBuilder();
        int length = random.nextInt(30);
        for (int i = 0; i < length; i++) {
            soup.append(TOKENS[random.nextInt(TOKENS.length)]);
        }
        return soup.toString();
    }
}
