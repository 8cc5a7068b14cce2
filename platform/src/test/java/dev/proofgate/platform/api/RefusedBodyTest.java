package dev.proofgate.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proofgate.platform.support.Http;
import dev.proofgate.platform.support.RunningPlatform;
import dev.proofgate.platform.support.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A body refused for its declared length is read before the refusal, so a client that sends all of it
 * and only then reads gets the refusal, and the connection goes on serving.
 */
class RefusedBodyTest {

    private static final int LIMIT = 1024;

    @Test
    void aClientThatSendsAWholeOversizedBodyReadsTheRefusalAndKeepsItsConnection() throws IOException {
        try (TestDatabase database = new TestDatabase();
             RunningPlatform platform = new RunningPlatform(database, Map.of("PROOFGATE_BODY_LIMIT_BYTES", Integer.toString(LIMIT),
                     "PROOFGATE_BRIDGE_WORKERS", "0"));
             Socket socket = new Socket("localhost", platform.port())) {
            socket.setSoTimeout(10_000);
            byte[] body = new byte[2 * LIMIT];
            Arrays.fill(body, (byte) ' ');
            body[0] = '{';
            body[body.length - 1] = '}';
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/signatures HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + Http.KEY
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, LIMIT);
            out.flush();
            // a slow client: the rest of the body comes later, when a server that did not wait has answered and closed
            sleepQuietly(500);
            String sending = "sent";
            try {
                out.write(body, LIMIT, body.length - LIMIT);
                out.write("GET /health/live HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException e) {
                sending = "the rest could not be sent: " + e;
            }

            String answers = readUntil(socket.getInputStream(), "\"status\":\"up\"") + "\n(" + sending + ")";

            assertThat(answers).as("answers on one connection").startsWith("HTTP/1.1 413").contains("payload_too_large");
            assertThat(answers.indexOf("HTTP/1.1 200")).as("the next request on the same connection answered, in %s", answers)
                    .isGreaterThan(answers.indexOf("HTTP/1.1 413"));
        }
    }

    @Test
    void aBodyDeclaredFarOverTheLimitIsRefusedWithoutBeingRead() throws IOException {
        try (TestDatabase database = new TestDatabase();
             RunningPlatform platform = new RunningPlatform(database, Map.of("PROOFGATE_BODY_LIMIT_BYTES", Integer.toString(LIMIT),
                     "PROOFGATE_BRIDGE_WORKERS", "0"));
             Socket socket = new Socket("localhost", platform.port())) {
            socket.setSoTimeout(10_000);
            long declared = (long) RefusedBody.READ_AT_MOST_TIMES * LIMIT + 1;
            socket.getOutputStream().write(("POST /api/signatures HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + Http.KEY
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + declared + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();

            String answer = readUntil(socket.getInputStream(), "payload_too_large");

            assertThat(answer).as("the refusal, sent before any of the body").startsWith("HTTP/1.1 413").containsIgnoringCase("connection: close");
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reads until {@code marker} has arrived, or the server closes, or the socket's timeout passes. */
    private static String readUntil(InputStream in, String marker) throws IOException {
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; !read.toString(StandardCharsets.UTF_8).contains(marker) && (n = in.read(buffer)) >= 0; ) {
                read.write(buffer, 0, n);
            }
        } catch (IOException e) {
            // a timeout or a reset: what arrived is the answer; the assertions say what is missing
        }
        return read.toString(StandardCharsets.UTF_8);
    }
}
