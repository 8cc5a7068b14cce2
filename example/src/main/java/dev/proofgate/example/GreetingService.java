package dev.proofgate.example;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The system under test of the example: {@code GET /greeting?name=Ada} answers {@code Hello, Ada!}.
 * Started broken, it greets nobody by name: the defect the example's gate must catch.
 */
public final class GreetingService implements AutoCloseable {

    private final HttpServer server;

    private GreetingService(HttpServer server) {
        this.server = server;
    }

    /** Listens on a free port of the loopback interface. */
    public static GreetingService start(boolean broken) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/greeting", exchange -> {
            String query = exchange.getRequestURI().getRawQuery();
            String name = query != null && query.startsWith("name=")
                    ? URLDecoder.decode(query.substring(5), StandardCharsets.UTF_8)
                    : "";
            boolean known = !name.isBlank();
            byte[] body = (known ? "Hello, " + (broken ? "nobody" : name) + "!" : "a name is required")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(known ? 200 : 400, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return new GreetingService(server);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
