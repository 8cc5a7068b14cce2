package dev.proofgate.acceptance.verdict;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(QuietConsole.class)
class VerdictGateTest {

    @TempDir
    Path dir;

    private String verdict(String decision) throws IOException {
        Path file = dir.resolve(decision + ".json");
        Files.writeString(file, "{\"verdict\": \"" + decision + "\", \"reasons\": [\"critical scenario failed: \\\"X\\\"\"]}");
        return file.toString();
    }

    @Test
    void noGoGateFailsTheBuildOnNoGoOnly() throws IOException {
        assertThatThrownBy(() -> VerdictGate.main(new String[] {verdict("NO-GO"), "no-go"}))
                .hasMessageContaining("release gate closed: the readiness verdict is NO-GO").hasMessageContaining("critical scenario failed");
        assertThatCode(() -> VerdictGate.main(new String[] {verdict("INCONCLUSIVE"), "no-go"})).doesNotThrowAnyException();
    }

    @Test
    void inconclusiveGateAlsoFailsOnInconclusive() throws IOException {
        assertThatThrownBy(() -> VerdictGate.main(new String[] {verdict("INCONCLUSIVE"), "inconclusive"})).hasMessageContaining("INCONCLUSIVE");
        assertThatCode(() -> VerdictGate.main(new String[] {verdict("GO"), "inconclusive"})).doesNotThrowAnyException();
    }

    @Test
    void offOnlyReportsAndUnknownModesAreRefused() throws IOException {
        assertThatCode(() -> VerdictGate.main(new String[] {verdict("NO-GO"), "off"})).doesNotThrowAnyException();
        assertThatThrownBy(() -> VerdictGate.main(new String[] {verdict("GO"), "strict"})).isInstanceOf(IllegalArgumentException.class);
    }
}
