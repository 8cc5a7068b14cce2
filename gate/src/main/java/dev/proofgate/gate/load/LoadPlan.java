package dev.proofgate.gate.load;

import java.time.Duration;

/**
 * How long the performance scenarios run, by the setting {@code proofgate.load.profile}:
 * {@code ci} (default) keeps the whole performance area under 90 s; {@code full} runs the long
 * versions (a 10-minute soak, which at the soak scenario's 167 arrivals per second is 100,000 executions).
 */
public record LoadPlan(
        String name, Duration warmUp, Duration steady, Duration percentileWindow, Duration searchStep, Duration soak) {

    public static LoadPlan named(String profile) {
        return switch (profile) {
            case "ci" ->
                new LoadPlan(
                        "ci",
                        Duration.ofMillis(500),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(10));
            case "full" ->
                new LoadPlan(
                        "full",
                        Duration.ofSeconds(10),
                        Duration.ofSeconds(30),
                        Duration.ofSeconds(60),
                        Duration.ofSeconds(10),
                        Duration.ofMinutes(10));
            default ->
                throw new IllegalArgumentException("proofgate.load.profile must be ci or full; got '" + profile + "'");
        };
    }
}
