package dev.proofgate.gate.report;

import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.TestCase;
import io.cucumber.plugin.event.TestCaseStarted;
import io.qameta.allure.Allure;
import io.qameta.allure.model.Parameter;
import io.qameta.allure.model.TestResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.stream.Collectors;

/**
 * A scenario's place in the report's history is its feature's path under features/ and its name
 * (plus the example row's values for an outline), not the absolute path and line that Allure uses
 * by default: a checkout elsewhere, a CI workspace or an edit above the scenario keeps its trend.
 * Registered after Allure's plugin, so the result it rewrites already exists.
 */
public final class StableHistory implements ConcurrentEventListener {

    private final Path features;

    public StableHistory(Path features) {
        this.features = features.toAbsolutePath().normalize();
    }

    @Override
    public void setEventPublisher(EventPublisher publisher) {
        publisher.registerHandlerFor(TestCaseStarted.class, event -> rekey(event.getTestCase()));
    }

    private void rekey(TestCase scenario) {
        String feature = featurePath(scenario);
        Allure.getLifecycle().updateTestCase(scenario.getId().toString(), result -> {
            String key = key(feature, scenario.getName(), result);
            result.setHistoryId(md5(key)).setTestCaseId(md5(key));
        });
    }

    /** The history key: e.g. "workflows/question_answering.feature#A question is answered on the native adapter". */
    public static String key(String featurePath, String scenarioName, TestResult result) {
        String parameters = result.getParameters() == null
                ? ""
                : result.getParameters().stream()
                        .sorted(Comparator.comparing(Parameter::getName))
                        .map(p -> p.getName() + "=" + p.getValue())
                        .collect(Collectors.joining(","));
        return featurePath + "#" + scenarioName + (parameters.isEmpty() ? "" : "[" + parameters + "]");
    }

    private String featurePath(TestCase scenario) {
        try {
            Path file = Path.of(scenario.getUri()).toAbsolutePath().normalize();
            return (file.startsWith(features) ? features.relativize(file) : file.getFileName())
                    .toString()
                    .replace('\\', '/');
        } catch (RuntimeException e) {
            return scenario.getUri().toString();
        }
    }

    private static String md5(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
