package dev.proofgate.gate.machine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MachineMeterTest {

    private static final Disturbance.Thresholds THRESHOLDS = new Disturbance.Thresholds(20, 10);

    @Test
    void aProcessStatLineIsReadPastACommandNameWithSpacesAndParentheses() {
        String stat = "4242 (java (main) x) S 17 4242 17 0 -1 4194304 100 0 0 0 250 40 7 3 20 0 30 0 1234 0 0";
        CpuAccount.Proc proc = CpuAccount.parse(4242, stat);
        assertThat(proc.parent()).isEqualTo(17);
        assertThat(proc.ownTicks()).isEqualTo(290);
        assertThat(proc.reapedTicks()).isEqualTo(10);
    }

    /** A busy loop outside the gate's process tree (its starter exits, so it is nobody's child here) is counted as foreign CPU. */
    @Test
    void aBusyProcessOutsideTheGateIsForeignCpu() throws Exception {
        assumeThat(CpuAccount.available()).as("/proc is readable (Linux)").isTrue();
        MachineMeter meter = MachineMeter.start(THRESHOLDS);
        Process starter = new ProcessBuilder(
                        "sh",
                        "-c",
                        "python3 -c 'import time\nend=time.time()+4\nwhile time.time()<end: pass' >/dev/null 2>&1 &")
                .start();
        starter.waitFor(5, TimeUnit.SECONDS);
        TimeUnit.MILLISECONDS.sleep(300);
        MachineMeter.Window window = meter.open();
        TimeUnit.SECONDS.sleep(2);
        Disturbance disturbance = window.close();
        // one busy process on N cores takes 100/N % of the machine; anything else running only adds to it
        assertThat(disturbance.foreignCpuPercent())
                .as(disturbance.describe())
                .isGreaterThanOrEqualTo(80.0 / meter.cores());
        assertThat(disturbance.disturbed())
                .as(disturbance.describe())
                .isEqualTo(80.0 / meter.cores() >= THRESHOLDS.foreignCpuPercent()
                        || disturbance.foreignCpuPercent() >= THRESHOLDS.foreignCpuPercent());
        assertThat(disturbance.series()).isNotEmpty();
    }

    /** The gate's own busy child is the gate's CPU, not a disturbance. */
    @Test
    void aBusyChildOfTheSuiteIsTheGatesOwnCpu() throws Exception {
        assumeThat(CpuAccount.available()).as("/proc is readable (Linux)").isTrue();
        MachineMeter meter = MachineMeter.start(THRESHOLDS);
        Disturbance quiet = measureFor(meter, Duration.ofSeconds(1));
        Process child = new ProcessBuilder(
                        "python3", "-c", "import time\nend=time.time()+3\nwhile time.time()<end: pass")
                .start();
        try {
            TimeUnit.MILLISECONDS.sleep(300);
            Disturbance busy = measureFor(meter, Duration.ofSeconds(2));
            // the child takes a whole core; had it been counted as foreign, the share would have risen by about 100/N %
            assertThat(busy.foreignCpuPercent())
                    .as("child busy: %s; before: %s", busy.describe(), quiet.describe())
                    .isLessThan(quiet.foreignCpuPercent() + 40.0 / meter.cores());
        } finally {
            child.destroyForcibly();
        }
    }

    private static Disturbance measureFor(MachineMeter meter, Duration duration) throws InterruptedException {
        MachineMeter.Window window = meter.open();
        TimeUnit.MILLISECONDS.sleep(duration.toMillis());
        return window.close();
    }

    /** A platform the suite reaches on this machine (remote or compose mode) is found by the port it listens on. */
    @Test
    void aLocalListenerIsFoundByItsPort() throws Exception {
        assumeThat(CpuAccount.available()).as("/proc is readable (Linux)").isTrue();
        assertThat(LocalListeners.localPort("https://staging.example.com")).isEqualTo(-1);
        assertThat(LocalListeners.localPort("jdbc:postgresql://localhost:37211/postgres"))
                .isEqualTo(37211);
        try (java.net.ServerSocket listening = new java.net.ServerSocket(0)) {
            int port = LocalListeners.localPort("http://localhost:" + listening.getLocalPort());
            assertThat(LocalListeners.pidsListeningOn(List.of(port)))
                    .containsExactly(ProcessHandle.current().pid());
        }
    }

    @Test
    void aDisturbanceIsJudgedOnForeignCpuAndStealOnly() {
        assertThat(disturbance(19.9, 0, 500).disturbed())
                .as("hiccups alone do not make a disturbance")
                .isFalse();
        assertThat(disturbance(20, 0, 0).disturbed()).isTrue();
        assertThat(disturbance(0, 10, 0).disturbed()).isTrue();
        assertThat(disturbance(48, 0, 12).describe()).startsWith("machine disturbed: foreign CPU 48 % of 2 cores");
    }

    static Disturbance disturbance(double foreign, double steal, double hiccupMax) {
        return new Disturbance(
                Duration.ofSeconds(2),
                2,
                true,
                foreign,
                steal,
                40,
                hiccupMax / 2,
                hiccupMax,
                0.5,
                1.5,
                THRESHOLDS,
                List.of(
                        new Disturbance.Point(500, foreign, hiccupMax),
                        new Disturbance.Point(1000, foreign, hiccupMax)));
    }
}
