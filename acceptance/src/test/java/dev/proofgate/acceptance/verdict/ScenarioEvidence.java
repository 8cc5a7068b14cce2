package dev.proofgate.acceptance.verdict;

import io.qameta.allure.Allure;
import io.qameta.allure.model.StepResult;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts the evidence each scenario attached (to its steps or to itself) in the Allure results, after
 * each step, so the verdict can tell a checklist line that was proven from one that merely ran.
 */
final class ScenarioEvidence {

    private final Map<String, Integer> attachments = new ConcurrentHashMap<>();

    /** Reads the live Allure result of the scenario whose step just finished. */
    void stepFinished(String testCaseUuid, String location) {
        Allure.getLifecycle().updateTestCase(testCaseUuid, result -> {
            int count = result.getAttachments().size() + count(result.getSteps());
            attachments.merge(location, count, Math::max);
        });
    }

    private static int count(List<StepResult> steps) {
        int count = 0;
        for (StepResult step : steps) {
            count += step.getAttachments().size() + count(step.getSteps());
        }
        return count;
    }

    Map<String, Integer> counts() {
        return Map.copyOf(attachments);
    }
}
