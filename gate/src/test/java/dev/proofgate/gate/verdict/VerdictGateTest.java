package dev.proofgate.gate.verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(QuietConsole.class)
class VerdictGateTest {

    @TempDir
    Path dir;

    /** The gate prints for the person running Maven; here its output is kept out of the build log. */
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    private PrintStream console;

    @BeforeEach
    void capturePrintedVerdict() {
        console = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreConsole() {
        System.setOut(console);
    }

    private String verdict(String decision) throws IOException {
        Path file = dir.resolve(decision + ".json");
        Files.writeString(
                file, "{\"verdict\": \"" + decision + "\", \"reasons\": [\"critical scenario failed: \\\"X\\\"\"]}");
        return file.toString();
    }

    @Test
    void noGoGateFailsTheBuildOnNoGoOnly() throws IOException {
        assertThatThrownBy(() -> VerdictGate.main(new String[] {verdict("NO-GO"), "no-go"}))
                .hasMessageContaining("release gate closed: the readiness verdict is NO-GO")
                .hasMessageContaining("critical scenario failed");
        assertThatCode(() -> VerdictGate.main(new String[] {verdict("INCONCLUSIVE"), "no-go"}))
                .doesNotThrowAnyException();
    }

    @Test
    void inconclusiveGateAlsoFailsOnInconclusive() throws IOException {
        assertThatThrownBy(() -> VerdictGate.main(new String[] {verdict("INCONCLUSIVE"), "inconclusive"}))
                .hasMessageContaining("INCONCLUSIVE");
        assertThatCode(() -> VerdictGate.main(new String[] {verdict("GO"), "inconclusive"}))
                .doesNotThrowAnyException();
    }

    @Test
    void offOnlyReportsAndUnknownModesAreRefused() throws IOException {
        assertThatCode(() -> VerdictGate.main(new String[] {verdict("NO-GO"), "off"}))
                .doesNotThrowAnyException();
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("[proofgate] readiness verdict: NO-GO (gate: off)");
        assertThatThrownBy(() -> VerdictGate.main(new String[] {verdict("GO"), "strict"}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
