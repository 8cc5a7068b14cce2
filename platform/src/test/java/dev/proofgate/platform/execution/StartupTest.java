package dev.proofgate.platform.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A bad setting stops start-up with one line and a non-zero exit, and never echoes a secret. */
class StartupTest {

    @Test
    void malformedSettingStopsStartupWithOneLine() throws Exception {
        Result result = run(Map.of("PROOFGATE_PORT", "eighty"));
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.output().strip()).isEqualTo("proofgate: configuration error: PROOFGATE_PORT must be an integer, got 'eighty'");
    }

    @Test
    void badDatabaseUrlIsRefusedWithoutShowingThePassword() throws Exception {
        Result result = run(Map.of("PROOFGATE_DB_URL", "mysql://db", "PROOFGATE_DB_PASSWORD", "s3cret-password"));
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.output()).contains("PROOFGATE_DB_URL").doesNotContain("s3cret-password");
    }

    private record Result(int exit, String output) {
    }

    private static Result run(Map<String, String> env) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", classpath, "dev.proofgate.platform.Main").redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }
}
