package dev.proofgate.acceptance.checklists.state;

import dev.proofgate.acceptance.checklists.RateLimitProbe;
import dev.proofgate.gate.machine.TimedJudgement;
import java.time.Duration;

/**
 * The rate-limited key asked as fast as possible: the key, for how long, and the measured probe (measured
 * again if judged disturbed). Scenario-scoped, injected by constructor.
 */
public final class RateLimitMeasurement {

    private String key;
    private Duration duration;
    private TimedJudgement.Measured<RateLimitProbe.Result> probe;

    public String key() {
        return Earlier.required(key, "a rate-limited key asked");
    }

    public Duration duration() {
        return Earlier.required(duration, "a duration the key was asked for");
    }

    public TimedJudgement.Measured<RateLimitProbe.Result> probe() {
        return Earlier.required(probe, "the rate limit probed");
    }

    public void record(String key, Duration duration, TimedJudgement.Measured<RateLimitProbe.Result> probe) {
        this.key = key;
        this.duration = duration;
        this.probe = probe;
    }
}
