package dev.proofgate.acceptance.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class VerdictTest {

    private static ScenarioOutcome outcome(String area, String severity, String status) {
        return new ScenarioOutcome(area, "Feature", area + " " + severity + " " + status, "features/" + area + "/f.feature:3",
                severity, status, "FAILED".equals(status) ? "expected an answer" : null, 10);
    }

    @Test
    void cleanRunIsGo() {
        Verdict verdict = Verdict.of(List.of(outcome("workflows", "blocker", "PASSED"), outcome("contracts", "normal", "PASSED")), List.of(), null);
        assertThat(verdict.decision()).isEqualTo(Verdict.Decision.GO);
    }

    @Test
    void failedCriticalIsNoGoAndNamesTheScenario() {
        Verdict verdict = Verdict.of(List.of(outcome("workflows", "critical", "FAILED"), outcome("contracts", "critical", "UNDEFINED")), List.of(), null);
        assertThat(verdict.decision()).isEqualTo(Verdict.Decision.NO_GO);
        assertThat(verdict.reasons().get(0)).contains("workflows critical FAILED", "expected an answer");
    }

    @Test
    void failedNormalIsAnAcceptedRiskNotNoGo() {
        Verdict verdict = Verdict.of(List.of(outcome("workflows", "normal", "FAILED"), outcome("workflows", "blocker", "PASSED")), List.of(), null);
        assertThat(verdict.decision()).isEqualTo(Verdict.Decision.GO);
        assertThat(verdict.acceptedRisks()).hasSize(1);
    }

    @Test
    void undecidedSkippedUnratedOrUncoveredIsInconclusive() {
        assertThat(Verdict.of(List.of(outcome("workflows", "normal", "PENDING")), List.of(), null).decision()).isEqualTo(Verdict.Decision.INCONCLUSIVE);
        assertThat(Verdict.of(List.of(outcome("workflows", "critical", "SKIPPED"), outcome("workflows", "critical", "PASSED")), List.of(), null)
                .reasons()).anyMatch(reason -> reason.startsWith("not run:"));
        assertThat(Verdict.of(List.of(outcome("workflows", null, "PASSED")), List.of(), null).reasons()).anyMatch(r -> r.startsWith("suite defect"));
        Verdict uncovered = Verdict.of(List.of(outcome("workflows", "critical", "PASSED")), List.of("resilience"), null);
        assertThat(uncovered.decision()).isEqualTo(Verdict.Decision.INCONCLUSIVE);
        assertThat(uncovered.reasons()).anyMatch(reason -> reason.contains("area 'resilience'"));
        assertThat(Verdict.of(List.of(), List.of(), "platform did not report ready").reasons()).anyMatch(r -> r.startsWith("environment problem"));
    }
}
