package dev.proofgate.platform.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BridgeFrameTest {

    @Test
    void aCompressedFrameThatWouldInflateBeyondTheLimitIsRefused() {
        byte[] bomb = BridgeFrame.encode(new byte[16 * 1024 * 1024], true);
        assertThat(bomb.length).as("a small frame on the wire").isLessThan(64 * 1024);
        assertThatThrownBy(() -> BridgeFrame.read(new ByteArrayInputStream(bomb), 1024 * 1024))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("inflates beyond the limit of 1048576 bytes");
    }

    @Test
    void aCompressedFrameWithinTheLimitIsRead() throws IOException {
        byte[] json = "{\"id\":\"1\",\"ok\":true}".getBytes(StandardCharsets.UTF_8);
        BridgeFrame frame = BridgeFrame.read(new ByteArrayInputStream(BridgeFrame.encode(json, true)), 1024);
        assertThat(frame.compressed()).isTrue();
        assertThat(frame.payload()).isEqualTo(json);
    }
}
