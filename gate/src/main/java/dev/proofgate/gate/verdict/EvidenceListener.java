package dev.proofgate.gate.verdict;

import io.qameta.allure.listener.TestLifecycleListener;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.StepResult;
import io.qameta.allure.model.TestResult;
import java.util.List;

/**
 * Sees every scenario's Allure result just before it is written (registered through
 * META-INF/services): counts the evidence its steps attached, and makes the result say what the
 * verdict will say about it — a passing scenario that must show evidence and attached none is
 * reported as not run, a scenario the suite could not decide is filed as a suite defect, and a
 * missing severity is shown as missing rather than Allure's default "normal".
 */
public final class EvidenceListener implements TestLifecycleListener {

    @Override
    public void beforeTestWrite(TestResult result) {
        RunLedger.Entry entry = RunLedger.find(result.getUuid());
        if (entry == null) {
            return;
        }
        int attachments = result.getAttachments().size() + count(result.getSteps());
        entry.attachments = attachments;
        if (result.getStatus() == Status.PASSED && entry.cause == null && entry.evidenceRequired && attachments == 0) {
            entry.cause = RunLedger.Cause.NOT_RUN;
            entry.causeMessage = "not run: no evidence attached; a passing scenario in " + entry.area
                    + " must attach what it measured (evidence or not reported)";
        }
        if (entry.cause != null) {
            if (entry.cause == RunLedger.Cause.NOT_RUN) {
                result.setStatus(Status.SKIPPED);
            } else if (entry.cause != RunLedger.Cause.PRODUCT && result.getStatus() != Status.FAILED) {
                result.setStatus(Status.BROKEN);
            }
            String message = entry.causeMessage == null ? "" : entry.causeMessage;
            StatusDetails details = result.getStatusDetails() == null ? new StatusDetails() : result.getStatusDetails();
            result.setStatusDetails(details.setMessage(
                    message.startsWith(entry.cause.label()) ? message : entry.cause.label() + ": " + message));
        }
        if (entry.severityMissing) {
            List<Label> labels = result.getLabels();
            labels.removeIf(label -> "severity".equals(label.getName()));
            labels.add(new Label().setName("tag").setValue("severity missing"));
            result.setName("[severity missing] " + result.getName());
            // Allure fills an absent severity with "normal"; the name, a tag and this line say it is missing.
            result.setDescription(
                    "Severity: MISSING. This scenario has no @severity=blocker|critical|normal|minor|trivial tag,"
                            + " a suite defect that makes the verdict INCONCLUSIVE. (The report's severity field shows Allure's default.)");
        }
    }

    private static int count(List<StepResult> steps) {
        int total = 0;
        for (StepResult step : steps) {
            total += step.getAttachments().size() + count(step.getSteps());
        }
        return total;
    }
}
