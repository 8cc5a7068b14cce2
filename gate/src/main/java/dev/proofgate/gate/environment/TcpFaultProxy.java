package dev.proofgate.gate.environment;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A TCP proxy between the platform and its database that can cut, slow or reset the link on
 * command, named after Toxiproxy's toxics ({@code timeout}/disabled, {@code latency}, {@code reset_peer}).
 *
 * <p>Why our own: Toxiproxy is a Go server (not packaged on these machines, no image registry
 * reachable), and Testcontainers' toxiproxy module needs a Docker engine, which embedded mode must
 * not. The faults the scenarios need fit in one small class with no dependency: a cut resets every
 * open connection (RST, as a dropped route or a crashed peer looks to the client) and refuses new
 * ones; latency delays every chunk in both directions; a reset drops the open connections once.
 */
public final class TcpFaultProxy implements DatabaseLink, AutoCloseable {

    private static final int CHUNK = 16 * 1024;

    private final ServerSocket listener;
    private final InetSocketAddress upstream;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "database-link-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<Link> links = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;
    private volatile long latencyMillis;
    private volatile boolean closed;

    /** Listens on the loopback interface for a platform on this machine, forwarding to this machine's {@code upstreamPort}. */
    public TcpFaultProxy(int upstreamPort) {
        this(new InetSocketAddress(InetAddress.getLoopbackAddress(), upstreamPort), InetAddress.getLoopbackAddress());
    }

    /** Listens on {@code listenOn} (the wildcard address for a platform in a container), forwarding to {@code upstream}. */
    public TcpFaultProxy(InetSocketAddress upstream, InetAddress listenOn) {
        this.upstream = upstream;
        try {
            this.listener = new ServerSocket(0, 200, listenOn);
        } catch (IOException e) {
            throw new UncheckedIOException("the database link proxy could not listen", e);
        }
        threads.execute(this::accept);
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Resets every open connection and refuses (resets) every new one until {@link #heal()}. */
    @Override
    public void cut() {
        cut = true;
        resetAll();
    }

    /** Delays every chunk in each direction by {@code latency}, for open and new connections. */
    @Override
    public void slow(Duration latency) {
        latencyMillis = latency.toMillis();
    }

    /** Resets every open connection once; new connections go through. */
    @Override
    public void resetAll() {
        links.forEach(Link::reset);
    }

    /** Removes every fault: new connections go through at full speed. */
    @Override
    public void heal() {
        cut = false;
        latencyMillis = 0;
    }

    /** Connections open right now (for evidence). */
    @Override
    public int openLinks() {
        return links.size();
    }

    private void accept() {
        while (!closed) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return; // the listener was closed
            }
            if (cut) {
                abort(client);
                continue;
            }
            threads.execute(() -> open(client));
        }
    }

    private void open(Socket client) {
        Socket server = new Socket();
        try {
            server.connect(upstream, 2_000);
            client.setTcpNoDelay(true);
            server.setTcpNoDelay(true);
        } catch (IOException e) {
            abort(client);
            closeQuietly(server);
            return;
        }
        Link link = new Link(client, server);
        links.add(link);
        threads.execute(() -> pump(link, client, server));
        threads.execute(() -> pump(link, server, client));
    }

    private void pump(Link link, Socket from, Socket to) {
        byte[] buffer = new byte[CHUNK];
        try (InputStream in = from.getInputStream()) {
            OutputStream out = to.getOutputStream();
            int read;
            while ((read = in.read(buffer)) >= 0) {
                long delay = latencyMillis;
                if (delay > 0) {
                    Thread.sleep(delay); // the injected latency itself, not a wait for anything
                }
                if (cut) {
                    break;
                }
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException e) {
            // the other side went away or the link was reset: close both ends below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            link.close();
        }
    }

    /** Closes with SO_LINGER 0 so the peer sees a reset rather than an orderly end of stream. */
    private static void abort(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
        } catch (SocketException ignored) {
            // already closed
        }
        closeQuietly(socket);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing to release
        }
    }

    private final class Link {
        private final Socket client;
        private final Socket server;

        Link(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }

        void reset() {
            abort(client);
            abort(server);
            links.remove(this);
        }

        void close() {
            closeQuietly(client);
            closeQuietly(server);
            links.remove(this);
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing
        }
        links.forEach(Link::close);
        threads.shutdownNow();
        try {
            threads.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
