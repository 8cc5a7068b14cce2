package dev.proofgate.gate.verdict;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Keeps what the verdict's own commands print (verdicts of fixture runs, "NO-GO" lines) out of the
 * build's console while their tests run: a passing build should not read like a failing gate.
 */
final class QuietConsole implements BeforeEachCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(QuietConsole.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NAMESPACE).put("out", System.out);
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        System.setOut(context.getStore(NAMESPACE).get("out", PrintStream.class));
    }
}
