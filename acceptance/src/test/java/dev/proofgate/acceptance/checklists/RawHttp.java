package dev.proofgate.acceptance.checklists;

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
 * on purpose: no key, a wrong key, invalid UTF-8, odd charsets, bodies over the limit. Thread-safe.
 */
public final class RawHttp {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String baseUrl;

    public RawHttp(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** One exchange as the client saw it; a transport failure is status 0 with the reason as body. */
    public record Exchange(String method, String path, int status, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase());
        }

        public boolean serverError() {
            return status >= 500 || status == 0;
        }

        public String errorType() {
            int at = body.indexOf("\"type\":\"");
            return at < 0 ? "" : body.substring(at + 8, body.indexOf('"', at + 8));
        }

        public String summary() {
            return method + " " + path + " -> " + status + " " + (body.length() > 300 ? body.substring(0, 300) + "..." : body);
        }
    }

    public Exchange send(String method, String path, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT)
                .method(method.toUpperCase(), body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, String> answered = new LinkedHashMap<>();
            response.headers().map().forEach((name, values) -> answered.put(name.toLowerCase(), String.join(", ", values)));
            return new Exchange(method, path, response.statusCode(), answered, response.body());
        } catch (IOException e) {
            return new Exchange(method, path, 0, Map.of(), "transport failure: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Exchange(method, path, 0, Map.of(), "interrupted");
        }
    }

    public Exchange get(String path, Map<String, String> headers) {
        return send("GET", path, headers, null);
    }
}
