package dev.proofgate.platform.api;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;

/**
 * The body of a request refused for its declared length, read and thrown away before the refusal is
 * sent, so that a client still sending it can read the answer. A server that closes with a body unread
 * makes its TCP stack answer the rest of the body with a reset, which may erase the refusal before the
 * client has read it (RFC 9112, section 9.6). Through the kernel's port forwarding of a container such a
 * reset erases some of these refusals, even when asked again (docs/benchmarks.md, "Published ports without
 * docker-proxy"). A body declared over {@value #READ_AT_MOST_TIMES} times the limit is not read: it is
 * refused at once and its connection closed. A client that stops sending is cut off by the server's idle timeout, like any other.
 */
final class RefusedBody {

    static final int READ_AT_MOST_TIMES = 4;

    private RefusedBody() {}

    /** Reads and discards the declared body if it is at most {@link #READ_AT_MOST_TIMES} times {@code limit}. */
    static void discard(Context ctx, long declared, long limit) {
        if (declared > READ_AT_MOST_TIMES * limit) {
            ctx.header("Connection", "close");
            return;
        }
        byte[] buffer = new byte[64 * 1024];
        long left = declared;
        try {
            InputStream body = ctx.req().getInputStream();
            for (int read; left > 0 && (read = body.read(buffer, 0, (int) Math.min(buffer.length, left))) >= 0; ) {
                left -= read;
            }
        } catch (IOException e) {
            // the client went away while sending: nobody is left to read the refusal
        }
    }
}
