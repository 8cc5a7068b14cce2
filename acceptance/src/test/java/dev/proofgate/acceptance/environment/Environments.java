package dev.proofgate.acceptance.environment;

import dev.proofgate.acceptance.config.SuiteSettings;
import dev.proofgate.gate.machine.MachineMeter;

/**
 * The run's one environment: chosen by {@code proofgate.mode}, started once before the first
 * scenario and closed after the last (or by a shutdown hook if the run is cut short).
 */
public final class Environments {

    private static Environment current;
    private static RuntimeException startFailure;

    private Environments() {}

    public static synchronized Environment start(SuiteSettings settings) {
        if (current != null) {
            return current;
        }
        if (startFailure != null) {
            throw startFailure;
        }
        Environment environment = switch (settings.mode()) {
            case SuiteSettings.EMBEDDED -> new EmbeddedEnvironment(settings);
            case SuiteSettings.CONTAINERS -> new ContainersEnvironment(settings);
            case SuiteSettings.COMPOSE -> new ComposeEnvironment(settings);
            default -> new RemoteEnvironment(settings);
        };
        MachineMeter meter = MachineMeter.start(settings.machineThresholds());
        meter.ownParts(environment::ownParts);
        long started = System.nanoTime();
        System.out.println("[proofgate] starting the " + settings.mode() + " environment ...");
        Runtime.getRuntime().addShutdownHook(new Thread(environment::close, "proofgate-environment-teardown"));
        try {
            environment.start();
            Preflight.check(environment);
        } catch (RuntimeException e) {
            startFailure = e;
            environment.close();
            throw e;
        }
        System.out.printf(
                "[proofgate] %s environment ready in %.1f s at %s%n",
                settings.mode(), (System.nanoTime() - started) / 1e9, environment.baseUrl());
        current = environment;
        return environment;
    }

    public static synchronized Environment current() {
        if (current == null) {
            throw new IllegalStateException("the environment has not been started");
        }
        return current;
    }

    public static synchronized boolean started() {
        return current != null;
    }

    public static synchronized void stop() {
        if (current != null) {
            current.close();
            current = null;
        }
    }
}
