package dev.proofgate.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proofgate.platform.support.Http;
import dev.proofgate.platform.support.RunningPlatform;
import dev.proofgate.platform.support.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A body refused for its declared length is read before the refusal, so a client that sends all of it
 * and only then reads gets the refusal, and the connection goes on serving.
 */
class RefusedBodyTest {

    private static final int LIMIT = 1024;
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);
    private TestDatabase database;
    private RunningPlatform platform;
    private Socket socket;

    @BeforeEach
    void connect() throws IOException {
        database = new TestDatabase();
        platform = new RunningPlatform(
                database,
                Map.of("PROOFGATE_BODY_LIMIT_BYTES", Integer.toString(LIMIT), "PROOFGATE_BRIDGE_WORKERS", "0"));
        socket = new Socket("localhost", platform.port());
    }

    @AfterEach
    void disconnect() throws IOException {
        socket.close();
        platform.close();
        database.close();
    }

    @Test
    void aClientThatSendsAWholeOversizedBodyReadsTheRefusalAndKeepsItsConnection() throws IOException {
        byte[] body = new byte[2 * LIMIT];
        Arrays.fill(body, (byte) ' ');
        body[0] = '{';
        body[body.length - 1] = '}';
        OutputStream out = socket.getOutputStream();
        out.write(signatureRequestHead(body.length));
        out.write(body, 0, LIMIT);
        out.flush();
        // a slow client: the rest of the body comes later; a server that does not wait for it answers and closes
        // meanwhile
        String answers = read("", Duration.ofMillis(500));
        String sending = "sent";
        try {
            out.write(body, LIMIT, body.length - LIMIT);
            out.write("GET /health/live HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException e) {
            sending = "the rest could not be sent: " + e;
        }

        answers += read("\"status\":\"up\"", ANSWER_TIMEOUT) + "\n(" + sending + ")";

        assertThat(answers)
                .as("answers on one connection")
                .startsWith("HTTP/1.1 413")
                .contains("payload_too_large");
        assertThat(answers.indexOf("HTTP/1.1 200"))
                .as("the next request on the same connection answered, in %s", answers)
                .isGreaterThan(answers.indexOf("HTTP/1.1 413"));
    }

    @Test
    void aBodyDeclaredFarOverTheLimitIsRefusedWithoutBeingRead() throws IOException {
        socket.getOutputStream().write(signatureRequestHead((long) RefusedBody.READ_AT_MOST_TIMES * LIMIT + 1));
        socket.getOutputStream().flush();

        String answer = read("payload_too_large", ANSWER_TIMEOUT);

        assertThat(answer)
                .as("the refusal, sent before any of the body")
                .startsWith("HTTP/1.1 413")
                .containsIgnoringCase("connection: close");
    }

    private static byte[] signatureRequestHead(long contentLength) {
        return ("POST /api/signatures HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + Http.KEY
                        + "\r\nContent-Type: application/json\r\nContent-Length: " + contentLength + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** Reads until {@code marker} has arrived (an empty one never counts), the server closes, or {@code atMost} passes without a byte. */
    private String read(String marker, Duration atMost) throws IOException {
        socket.setSoTimeout((int) atMost.toMillis());
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n;
                    (marker.isEmpty() || !read.toString(StandardCharsets.UTF_8).contains(marker))
                            && (n = socket.getInputStream().read(buffer)) >= 0; ) {
                read.write(buffer, 0, n);
            }
        } catch (IOException e) {
            // a timeout or a reset: what arrived is the answer; the assertions say what is missing
        }
        return read.toString(StandardCharsets.UTF_8);
    }
}
