package dev.proofgate.acceptance.drivers;

import dev.proofgate.gate.verdict.SystemUnreachable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;

/**
 * The platform could not be reached at all: a new connection to it was refused or timed out. The
 * verdict files this as an environment problem (the platform was lost), unless the scenario itself
 * stops or restarts the platform, where not coming back is the finding.
 */
public final class PlatformUnreachable extends SystemUnreachable {

    private static final int CONNECT_TIMEOUT_MILLIS = 2000;

    public PlatformUnreachable(String message, IOException cause) {
        super(message, cause);
    }

    /**
     * After a transport failure: throws when a new connection to the platform fails too, so a request
     * that was reset by a platform still listening stays the platform's answer, and a platform that is
     * gone is named as gone.
     */
    public static void checkAfter(String baseUrl, IOException failure) {
        URI uri = URI.create(baseUrl);
        int port = uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), port), CONNECT_TIMEOUT_MILLIS);
        } catch (IOException gone) {
            throw new PlatformUnreachable(
                    "lost the connection to the platform at " + baseUrl + ": a new connection failed too ("
                            + gone.getClass().getSimpleName() + ": " + gone.getMessage() + ") after "
                            + failure.getClass().getSimpleName()
                            + ": " + failure.getMessage(),
                    failure);
        }
    }
}
