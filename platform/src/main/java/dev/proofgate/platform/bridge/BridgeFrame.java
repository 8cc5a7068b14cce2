package dev.proofgate.platform.bridge;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * One frame of the bridge wire protocol: a 4-byte big-endian length N, then N bytes made of one
 * flags byte (bit 0: the payload is zlib-compressed) and the UTF-8 JSON payload.
 */
public record BridgeFrame(boolean compressed, byte[] payload) {

    public static final int FLAG_COMPRESSED = 0x01;

    /** Encodes a JSON payload, compressing it when asked. */
    public static byte[] encode(byte[] json, boolean compress) {
        byte[] body = compress ? deflate(json) : json;
        ByteBuffer frame = ByteBuffer.allocate(4 + 1 + body.length);
        frame.putInt(1 + body.length);
        frame.put((byte) (compress ? FLAG_COMPRESSED : 0));
        frame.put(body);
        return frame.array();
    }

    /** Reads one frame; returns null on a clean end of stream. */
    public static BridgeFrame read(InputStream in, int maxFrameBytes) throws IOException {
        DataInputStream data = new DataInputStream(in);
        int length;
        try {
            length = data.readInt();
        } catch (EOFException e) {
            return null;
        }
        if (length < 1 || length > maxFrameBytes) {
            throw new IOException("frame length " + length + " outside 1.." + maxFrameBytes);
        }
        byte[] body = new byte[length];
        data.readFully(body);
        boolean compressed = (body[0] & FLAG_COMPRESSED) != 0;
        byte[] payload = new byte[length - 1];
        System.arraycopy(body, 1, payload, 0, payload.length);
        return new BridgeFrame(compressed, compressed ? inflate(payload, maxFrameBytes) : payload);
    }

    static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater();
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, data.length / 4));
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    /** Inflates at most {@code limit} bytes: a small compressed frame must not grow the reader without bound. */
    static byte[] inflate(byte[] data, int limit) throws IOException {
        Inflater inflater = new Inflater();
        inflater.setInput(data);
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(limit, Math.max(64, data.length * 4)));
        byte[] buffer = new byte[8192];
        try {
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IOException("truncated zlib payload");
                }
                if (out.size() + n > limit) {
                    throw new IOException("compressed payload inflates beyond the limit of " + limit + " bytes");
                }
                out.write(buffer, 0, n);
            }
        } catch (DataFormatException e) {
            throw new IOException("corrupt zlib payload", e);
        } finally {
            inflater.end();
        }
        return out.toByteArray();
    }
}
