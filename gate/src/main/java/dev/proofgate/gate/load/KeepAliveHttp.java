package dev.proofgate.gate.load;

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
 *
 * <p>Reads block without a socket timeout: with a timeout the JDK's socket turns every read into a
 * non-blocking read plus a poll, two or three system calls instead of one. Instead a watchdog closes
 * a connection whose exchange has waited longer than {@link #ANSWER_TIMEOUT}, which ends the read
 * with an error naming the wait.
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
    public static final java.time.Duration ANSWER_TIMEOUT = java.time.Duration.ofSeconds(60);

    private final ThreadLocal<Connection> connections = new ThreadLocal<>();
    private final List<Connection> opened = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.ScheduledExecutorService watchdog =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "load-http-watchdog");
                thread.setDaemon(true);
                return thread;
            });

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
        watchdog.scheduleWithFixedDelay(this::closeStuckConnections, 1, 1, java.util.concurrent.TimeUnit.SECONDS);
    }

    private void closeStuckConnections() {
        long now = System.nanoTime();
        for (Connection connection : opened) {
            long started = connection.exchangeStarted;
            if (started != 0 && now - started > ANSWER_TIMEOUT.toNanos()) {
                connection.timedOut = true;
                connection.close();
            }
        }
        opened.removeIf(connection -> connection.closed);
    }

    public Response get(String path) throws IOException {
        return send(("GET " + path + " HTTP/1.1\r\n" + fixedHeaders + "\r\n").getBytes(StandardCharsets.US_ASCII));
    }

    public Response post(String path, byte[] json) throws IOException {
        byte[] head = ("POST " + path + " HTTP/1.1\r\n" + fixedHeaders
                        + "Content-Type: application/json\r\nContent-Length: " + json.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
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
            connection.exchangeStarted = System.nanoTime();
            return connection.exchange(request);
        } catch (IOException | RuntimeException e) {
            connection.close();
            if (connection.timedOut) {
                throw new IOException("no answer within " + ANSWER_TIMEOUT.toSeconds() + " s", e);
            }
            throw e;
        } finally {
            connection.exchangeStarted = 0;
        }
    }

    /** Prepared bytes of a GET, for operations that repeat one request. */
    public byte[] prepareGet(String path) {
        return ("GET " + path + " HTTP/1.1\r\n" + fixedHeaders + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
        opened.forEach(Connection::close);
        opened.clear();
    }

    private static final class Connection {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        /** Our own read buffer: BufferedInputStream locks on every read, and a response is read byte by byte up to its body. */
        private final byte[] buffer = new byte[16 * 1024];

        private int position;
        private int limit;
        private final byte[] lineBytes = new byte[8 * 1024];
        private volatile boolean closed;
        private volatile boolean timedOut;
        private volatile long exchangeStarted;

        Connection(String host, int port) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), 5_000);
            in = socket.getInputStream();
            out = socket.getOutputStream();
        }

        Response exchange(byte[] request) throws IOException {
            out.write(request);
            int n = line();
            if (n < 12 || lineBytes[0] != 'H' || lineBytes[5] != '1') {
                throw new IOException(
                        "not an HTTP response: '" + new String(lineBytes, 0, n, StandardCharsets.ISO_8859_1) + "'");
            }
            int status = (lineBytes[9] - '0') * 100 + (lineBytes[10] - '0') * 10 + (lineBytes[11] - '0');
            int length = -1;
            boolean chunked = false;
            boolean closeAfter = false;
            String location = null;
            for (n = line(); n > 0; n = line()) {
                if (startsWith(n, "content-length:")) {
                    length = Integer.parseInt(value(n, 15));
                } else if (startsWith(n, "transfer-encoding:")) {
                    chunked = value(n, 18).toLowerCase(Locale.ROOT).contains("chunked");
                } else if (startsWith(n, "connection:")) {
                    closeAfter = value(n, 11).equalsIgnoreCase("close");
                } else if (startsWith(n, "location:")) {
                    location = value(n, 9);
                }
            }
            byte[] body = chunked ? chunks() : length >= 0 ? bytes(length) : rest();
            if (closeAfter || (length < 0 && !chunked)) {
                close();
            }
            return new Response(status, location, body);
        }

        private boolean startsWith(int n, String lowerCaseName) {
            if (n < lowerCaseName.length()) {
                return false;
            }
            for (int i = 0; i < lowerCaseName.length(); i++) {
                int b = lineBytes[i];
                if (b >= 'A' && b <= 'Z') {
                    b += 32;
                }
                if (b != lowerCaseName.charAt(i)) {
                    return false;
                }
            }
            return true;
        }

        private String value(int n, int from) {
            return new String(lineBytes, from, n - from, StandardCharsets.ISO_8859_1).trim();
        }

        private byte[] chunks() throws IOException {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            while (true) {
                String sizeLine = value(line(), 0);
                int semicolon = sizeLine.indexOf(';');
                int size = Integer.parseInt((semicolon >= 0 ? sizeLine.substring(0, semicolon) : sizeLine).trim(), 16);
                if (size == 0) {
                    while (line() > 0) {
                        // trailers
                    }
                    return body.toByteArray();
                }
                body.write(bytes(size));
                line();
            }
        }

        private byte[] bytes(int length) throws IOException {
            byte[] body = new byte[length];
            int copied = 0;
            while (copied < length) {
                if (position == limit && !fill()) {
                    throw new IOException("connection closed after " + copied + " of " + length + " body bytes");
                }
                int take = Math.min(length - copied, limit - position);
                System.arraycopy(buffer, position, body, copied, take);
                position += take;
                copied += take;
            }
            return body;
        }

        private byte[] rest() throws IOException {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            while (position < limit || fill()) {
                body.write(buffer, position, limit - position);
                position = limit;
            }
            return body.toByteArray();
        }

        /** Reads one line into lineBytes without its CR LF; returns its length. */
        private int line() throws IOException {
            int n = 0;
            while (true) {
                if (position == limit && !fill()) {
                    throw new IOException("connection closed by the server");
                }
                byte b = buffer[position++];
                if (b == '\n') {
                    return n > 0 && lineBytes[n - 1] == '\r' ? n - 1 : n;
                }
                if (n == lineBytes.length) {
                    throw new IOException("a response header line longer than " + lineBytes.length + " bytes");
                }
                lineBytes[n++] = b;
            }
        }

        private boolean fill() throws IOException {
            int read = in.read(buffer, 0, buffer.length);
            if (read <= 0) {
                return false;
            }
            position = 0;
            limit = read;
            return true;
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
