package dev.proofgate.gate.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class VerdictTest {

    private static ScenarioOutcome outcome(String area, String severity, String status) {
        return new ScenarioOutcome(
                area,
                "Feature",
                area + " " + severity + " " + status,
                "features/" + area + "/f.feature:3",
                severity,
                status,
                "FAILED".equals(status) ? "expected an answer" : null,
                10);
    }

    @Test
    void cleanRunIsGo() {
        Verdict verdict = Verdict.of(
                List.of(outcome("workflows", "blocker", "PASSED"), outcome("contracts", "normal", "PASSED")),
                List.of(),
                null);
        assertThat(verdict.decision()).isEqualTo(Verdict.Decision.GO);
    }

    @Test
    void failedCriticalIsNoGoAndNamesTheScenario() {
        Verdict verdict = Verdict.of(
                List.of(outcome("workflows", "critical", "FAILED"), outcome("contracts", "critical", "UNDEFINED")),
                List.of(),
                null);
        assertThat(verdict.decision()).isEqualTo(Verdict.Decision.NO_GO);
        assertThat(verdict.reasons().get(0)).contains("workflows critical FAILED", "expected an answer");
    }

    @Test
    void failedNormalIsAnAcceptedRiskNotNoGo() {
        Verdict verdict = Verdict.of(
                List.of(outcome("workflows", "normal", "FAILED"), outcome("workflows", "blocker", "PASSED")),
                List.of(),
                null);
        assertThat(verdict.decision()).isEqualTo(Verdict.Decision.GO);
        assertThat(verdict.acceptedRisks()).hasSize(1);
    }

    @Test
    void undecidedSkippedUnratedOrUncoveredIsInconclusive() {
        assertThat(Verdict.of(List.of(outcome("workflows", "normal", "PENDING")), List.of(), null)
                        .decision())
                .isEqualTo(Verdict.Decision.INCONCLUSIVE);
        assertThat(Verdict.of(
                                List.of(
                                        outcome("workflows", "critical", "SKIPPED"),
                                        outcome("workflows", "critical", "PASSED")),
                                List.of(),
                                null)
                        .reasons())
                .anyMatch(reason -> reason.startsWith("not run:"));
        assertThat(Verdict.of(List.of(outcome("workflows", null, "PASSED")), List.of(), null)
                        .reasons())
                .anyMatch(r -> r.startsWith("suite defect"));
        Verdict uncovered =
                Verdict.of(List.of(outcome("workflows", "critical", "PASSED")), List.of("resilience"), null);
        assertThat(uncovered.decision()).isEqualTo(Verdict.Decision.INCONCLUSIVE);
        assertThat(uncovered.reasons()).anyMatch(reason -> reason.contains("area 'resilience'"));
        assertThat(Verdict.of(List.of(), List.of(), "platform did not report ready")
                        .reasons())
                .anyMatch(r -> r.startsWith("environment problem"));
    }

    @Test
    void onlyAssertionsAboutTheProductCanMakeItNoGo() {
        assertThat(ReadinessVerdictPlugin.classify(new AssertionError("expected 6 but was 5")))
                .isEqualTo(RunLedger.Cause.PRODUCT);
        assertThat(ReadinessVerdictPlugin.classify(
                        new IllegalStateException("probe failed", new java.sql.SQLException("refused"))))
                .isEqualTo(RunLedger.Cause.ENVIRONMENT);
        assertThat(ReadinessVerdictPlugin.classify(new IllegalArgumentException("unknown capability")))
                .isEqualTo(RunLedger.Cause.SUITE);
        ScenarioOutcome suiteDefect = new ScenarioOutcome(
                "workflows",
                "F",
                "crash",
                "f.feature:3",
                "critical",
                "FAILED",
                "boom",
                1,
                "suite defect",
                null,
                List.of());
        assertThat(Verdict.of(List.of(suiteDefect), List.of(), null).decision())
                .isEqualTo(Verdict.Decision.INCONCLUSIVE);
    }

    @Test
    void aWaiverHoldsThroughItsDayAndNoLonger() {
        Waiver waiver = Waiver.from(List.of("@severity=critical", "@waiver=PG-7:2026-03-31"))
                .orElseThrow();
        assertThat(waiver.validOn(java.time.LocalDate.parse("2026-03-31"))).isTrue();
        assertThat(waiver.validOn(java.time.LocalDate.parse("2026-04-01"))).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Waiver.from(List.of("@waiver=PG-7:31.03.2026")))
                .hasMessageContaining("@waiver=<ticket>:<YYYY-MM-DD>");
    }

    @Test
    void suggestionsRankTheClosestWordingFirst() {
        List<String> steps = List.of(
                "the worker is asked for its health",
                "a question {string} is asked",
                "the worker refuses it as {string}");
        assertThat(StepSuggestions.closest("the worker is askd for its health", steps, 3))
                .first()
                .isEqualTo("the worker is asked for its health");
        assertThat(StepSuggestions.closest("a question \"Why?\" is askd", steps, 3))
                .first()
                .isEqualTo("a question {string} is asked");
        assertThat(StepSuggestions.closest("the invoice is paid by the tenant", steps, 3))
                .isEmpty();
    }
}
