package dev.proofgate.acceptance.load;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A deliberately small HTTP/1.1 client for load: one persistent connection per thread, the request
 * written as prepared bytes, the response read by Content-Length or chunks. REST Assured (with its
 * evidence filter) and java.net.http add tens of microseconds and several objects per request; on a
 * 2-core machine that shares its cores with the platform, the driver's own cost lowers what it can
 * offer (see the wrk comparison in docs/benchmarks.md). No retries: a broken connection is an error.
 */
public final class KeepAliveHttp implements AutoCloseable {

    public record Response(int status, String location, byte[] body) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final String host;
    private final int port;
    private final String fixedHeaders;
    private final ThreadLocal<Connection> connections = new ThreadLocal<>();
    private final List<Connection> opened = new CopyOnWriteArrayList<>();

    public KeepAliveHttp(String baseUrl, String apiKey) {
        URI uri = URI.create(baseUrl);
        this.host = uri.getHost();
        this.port = uri.getPort() > 0 ? uri.getPort() : 80;
        if (!"http".equals(uri.getScheme())) {
            throw new IllegalArgumentException("the load client speaks plain HTTP; got " + baseUrl);
        }
        this.fixedHeaders = "Host: " + host + ":" + port + "\r\n"
                + (apiKey == null ? "" : "Authorization: Bearer " + apiKey + "\r\n")
                + "Accept: application/json\r\n";
    }

    public Response get(String path) throws IOException {
        return send(("GET " + path + " HTTP/1.1\r\n" + fixedHeaders + "\r\n").getBytes(StandardCharsets.US_ASCII));
    }

    public Response post(String path, byte[] json) throws IOException {
        byte[] head = ("POST " + path + " HTTP/1.1\r\n" + fixedHeaders + "Content-Type: application/json\r\nContent-Length: "
                + json.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[head.length + json.length];
        System.arraycopy(head, 0, request, 0, head.length);
        System.arraycopy(json, 0, request, head.length, json.length);
        return send(request);
    }

    /** Sends prepared request bytes on this thread's connection (opened on first use, or after an error). */
    public Response send(byte[] request) throws IOException {
        Connection connection = connections.get();
        if (connection == null || connection.closed) {
            connection = new Connection(host, port);
            connections.set(connection);
            opened.add(connection);
        }
        try {
            return connection.exchange(request);
        } catch (IOException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** Prepared bytes of a GET, for operations that repeat one request. */
    public byte[] prepareGet(String path) {
        return ("GET " + path + " HTTP/1.1\r\n" + fixedHeaders + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() {
        opened.forEach(Connection::close);
        opened.clear();
    }

    private static final class Connection {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private volatile boolean closed;

        Connection(String host, int port) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(60_000);
            socket.connect(new InetSocketAddress(host, port), 5_000);
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            out = socket.getOutputStream();
        }

        Response exchange(byte[] request) throws IOException {
            out.write(request);
            out.flush();
            String statusLine = line();
            if (!statusLine.startsWith("HTTP/1.")) {
                throw new IOException("not an HTTP response: '" + statusLine + "'");
            }
            int status = Integer.parseInt(statusLine.substring(9, 12));
            int length = -1;
            boolean chunked = false;
            boolean closeAfter = false;
            String location = null;
            for (String header = line(); !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                if (colon <= 0) {
                    continue;
                }
                String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = header.substring(colon + 1).trim();
                switch (name) {
                    case "content-length" -> length = Integer.parseInt(value);
                    case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                    case "connection" -> closeAfter = value.equalsIgnoreCase("close");
                    case "location" -> location = value;
                    default -> { }
                }
            }
            byte[] body = chunked ? chunks() : length >= 0 ? in.readNBytes(length) : in.readAllBytes();
            if (length >= 0 && body.length != length) {
                throw new IOException("connection closed after " + body.length + " of " + length + " body bytes");
            }
            if (closeAfter || (length < 0 && !chunked)) {
                close();
            }
            return new Response(status, location, body);
        }

        private byte[] chunks() throws IOException {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            while (true) {
                String sizeLine = line();
                int semicolon = sizeLine.indexOf(';');
                int size = Integer.parseInt((semicolon >= 0 ? sizeLine.substring(0, semicolon) : sizeLine).trim(), 16);
                if (size == 0) {
                    while (!line().isEmpty()) {
                        // trailers
                    }
                    return body.toByteArray();
                }
                body.write(in.readNBytes(size));
                line();
            }
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder(64);
            while (true) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("connection closed by the server");
                }
                if (b == '\n') {
                    int end = line.length();
                    return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
                }
                line.append((char) b);
            }
        }

        void close() {
            closed = true;
            try {
                socket.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
