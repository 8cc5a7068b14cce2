package dev.proofgate.example.steps;

import dev.proofgate.example.GreetingService;
import dev.proofgate.gate.verdict.SystemUnderTest;
import java.util.Map;

/** The greeting service as the verdict sees it (registered in META-INF/services): where it ran, and whether it was broken. */
public final class GreetingServiceUnderTest implements SystemUnderTest {

    private static GreetingService service;

    static synchronized void start(GreetingService started) {
        service = started;
    }

    static synchronized void stop() {
        if (service != null) {
            service.close();
        }
    }

    static synchronized String baseUrl() {
        if (service == null) {
            throw new IllegalStateException("the greeting service has not been started");
        }
        return service.baseUrl();
    }

    @Override
    public synchronized boolean started() {
        return service != null;
    }

    @Override
    public Map<String, String> describe() {
        return started()
                ? Map.of("service", baseUrl(), "broken", Boolean.toString(Boolean.getBoolean("greeting.broken")))
                : Map.of();
    }
}
