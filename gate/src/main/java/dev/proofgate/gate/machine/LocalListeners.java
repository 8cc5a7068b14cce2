package dev.proofgate.gate.machine;

import java.io.IOException;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The processes of this machine that listen on a local address's port, from {@code /proc/net/tcp*}
 * and the processes' open sockets: a platform (or database) the suite reaches on this machine in
 * remote or compose mode is part of the gate's work, not other work disturbing it.
 */
public final class LocalListeners {

    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "::1", "[::1]", "0.0.0.0");

    private LocalListeners() {}

    /** The port of a URL (http(s) or jdbc:postgresql) whose host is this machine, or -1. */
    public static int localPort(String url) {
        try {
            URI uri = URI.create(url.startsWith("jdbc:") ? url.substring(5) : url);
            if (uri.getHost() == null || !LOCAL_HOSTS.contains(uri.getHost().toLowerCase(Locale.ROOT))) {
                return -1;
            }
            return uri.getPort() > 0
                    ? uri.getPort()
                    : "https".equals(uri.getScheme()) ? 443 : "postgresql".equals(uri.getScheme()) ? 5432 : 80;
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    /** The pids listening on the given local ports (none where /proc cannot be read). */
    public static List<Long> pidsListeningOn(List<Integer> ports) {
        Set<String> inodes = new HashSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                for (String line : Files.readAllLines(Path.of(table))) {
                    String[] f = line.trim().split("\\s+");
                    if (f.length > 9 && "0A".equals(f[3]) && f[1].contains(":")) {
                        int port = Integer.parseInt(f[1].substring(f[1].lastIndexOf(':') + 1), 16);
                        if (ports.contains(port)) {
                            inodes.add("socket:[" + f[9] + "]");
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                // no such table here: nothing listens on it
            }
        }
        List<Long> pids = new ArrayList<>();
        if (inodes.isEmpty()) {
            return pids;
        }
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(
                Path.of("/proc"), p -> p.getFileName().toString().matches("\\d+"))) {
            for (Path process : processes) {
                if (holdsAny(process.resolve("fd"), inodes)) {
                    pids.add(Long.parseLong(process.getFileName().toString()));
                }
            }
        } catch (IOException e) {
            return pids;
        }
        return pids;
    }

    private static boolean holdsAny(Path fds, Set<String> inodes) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(fds)) {
            for (Path fd : entries) {
                try {
                    if (inodes.contains(Files.readSymbolicLink(fd).toString())) {
                        return true;
                    }
                } catch (IOException | UnsupportedOperationException closed) {
                    // closed meanwhile
                }
            }
        } catch (IOException | SecurityException gone) {
            return false;
        }
        return false;
    }
}
