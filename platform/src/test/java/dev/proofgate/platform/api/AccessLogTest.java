package dev.proofgate.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The access log is written by one thread, and still every line handed over is written once, in order. */
class AccessLogTest {

    /** The logger prints to System.out as it is at each line (simplelogger.properties): the test's stream, which can hold the writer back. */
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    private final CountDownLatch writerReleased = new CountDownLatch(1);
    private final CountDownLatch writerHeld = new CountDownLatch(1);
    private volatile boolean holdWriter;
    private PrintStream originalOut;

    @BeforeEach
    void captureTheLog() {
        originalOut = System.out;
        System.setOut(new PrintStream(
                new OutputStream() {
                    @Override
                    public void write(int b) {
                        write(new byte[] {(byte) b}, 0, 1);
                    }

                    @Override
                    public void write(byte[] bytes, int offset, int length) {
                        if (holdWriter && Thread.currentThread().getName().equals("access-log")) {
                            writerHeld.countDown();
                            try {
                                writerReleased.await(10, TimeUnit.SECONDS);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }
                        synchronized (printed) {
                            printed.write(bytes, offset, length);
                        }
                    }
                },
                true,
                StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreTheLog() {
        writerReleased.countDown();
        AccessLog.flush(5_000);
        System.setOut(originalOut);
    }

    @Test
    void everyLineHandedOverIsWrittenOnceInOrderBeforeFlushReturns() {
        IntStream.range(0, 10_000).forEach(i -> AccessLog.write("{\"ordinary\":" + i + "}"));

        assertThat(AccessLog.flush(5_000)).as("flush returned within its bound").isTrue();
        assertThat(numbered("ordinary"))
                .as("lines written")
                .containsExactlyElementsOf(IntStream.range(0, 10_000).boxed().toList());
    }

    @Test
    void aRequestWritesItsOwnLineWhenTheWriterIsTooFarBehind() throws InterruptedException {
        holdWriter = true;
        AccessLog.write("{\"behind\":0}");
        assertThat(writerHeld.await(5, TimeUnit.SECONDS))
                .as("the writer thread is held at its first line")
                .isTrue();
        IntStream.rangeClosed(1, AccessLog.BEHIND_LIMIT).forEach(i -> AccessLog.write("{\"behind\":" + i + "}"));

        AccessLog.write("{\"overflow\":1}"); // the queue is full: written by this thread, at once

        assertThat(numbered("overflow"))
                .as("the line over the limit, written while the writer is held")
                .containsExactly(1);
        writerReleased.countDown();
        assertThat(AccessLog.flush(10_000))
                .as("flush returned within its bound")
                .isTrue();
        assertThat(numbered("behind")).as("no line dropped").hasSize(AccessLog.BEHIND_LIMIT + 1);
    }

    private List<Integer> numbered(String field) {
        String text;
        synchronized (printed) {
            text = printed.toString(StandardCharsets.UTF_8);
        }
        String marker = "{\"" + field + "\":";
        return text.lines()
                .filter(line -> line.contains(marker))
                .map(line ->
                        Integer.parseInt(line.substring(line.indexOf(marker) + marker.length(), line.lastIndexOf('}'))))
                .toList();
    }
}
