package dev.proofgate.acceptance.drivers.rest;

import dev.proofgate.acceptance.drivers.HttpAnswer;
import dev.proofgate.acceptance.drivers.PlatformUnreachable;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Plain HTTP with full control over bytes and headers, for what the resource clients refuse to send
 * on purpose: no key, a wrong key, invalid UTF-8, odd charsets, bodies over the limit. Thread-safe. A transport
 * failure while the platform still accepts new connections is an answer of status 0 (a platform that is gone:
 * {@link PlatformUnreachable}).
 */
public final class RawHttp {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int ALONE_ABOVE_BYTES = 64 * 1024;

    private final String baseUrl;
    /**
     * One connection pool per scenario: what one scenario does to its connections on purpose (keys
     * guessed as fast as possible, bodies refused before they are read) never reaches another's requests.
     */
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public RawHttp(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public HttpAnswer send(String method, String path, Map<String, String> headers, byte[] body) {
        return send(method, path, headers, body, false);
    }

    /**
     * The same request on a connection of its own: after a transport failure, a second pooled connection
     * may be just as stale (closed by the server while idle), and only a new one tells a platform that is
     * down from a connection that was.
     */
    public HttpAnswer sendOnNewConnection(String method, String path, Map<String, String> headers, byte[] body) {
        return send(method, path, headers, body, true);
    }

    private HttpAnswer send(
            String method, String path, Map<String, String> headers, byte[] body, boolean newConnection) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(TIMEOUT)
                .method(
                        method.toUpperCase(),
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        try {
            // A body over the limit is refused from its declared length and the server closes that connection
            // while the client may still be writing; such a request gets a client of its own, so the broken
            // connection never goes back to the pool that the next, ordinary request would take it from.
            HttpClient sender = newConnection || body != null && body.length > ALONE_ABOVE_BYTES
                    ? HttpClient.newBuilder()
                            .connectTimeout(Duration.ofSeconds(5))
                            .build()
                    : client;
            HttpResponse<String> response = sender.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, String> answered = new LinkedHashMap<>();
            response.headers()
                    .map()
                    .forEach((name, values) -> answered.put(name.toLowerCase(), String.join(", ", values)));
            return new HttpAnswer(method, path, response.statusCode(), answered, response.body());
        } catch (IOException e) {
            PlatformUnreachable.checkAfter(baseUrl, e);
            return new HttpAnswer(method, path, 0, Map.of(), "transport failure: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new HttpAnswer(method, path, 0, Map.of(), "interrupted");
        }
    }

    public HttpAnswer get(String path, Map<String, String> headers) {
        return send("GET", path, headers, null);
    }
}
