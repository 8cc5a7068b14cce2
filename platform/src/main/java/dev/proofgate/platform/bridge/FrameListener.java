package dev.proofgate.platform.bridge;

/** Sees every frame a client sends and receives, for logs and for evidence in reports. */
@FunctionalInterface
public interface FrameListener {

    enum Direction {
        SENT,
        RECEIVED
    }

    void frame(Direction direction, boolean compressed, int wireBytes, String json);

    FrameListener NONE = (direction, compressed, wireBytes, json) -> {};
}
