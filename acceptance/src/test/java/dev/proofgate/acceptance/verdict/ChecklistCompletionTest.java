package dev.proofgate.acceptance.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChecklistCompletionTest {

    private static ScenarioOutcome line(String area, String feature, int at, String status) {
        return new ScenarioOutcome(area, feature, feature + " line " + at, "features/" + area + "/f.feature:" + at, "critical", status,
                "FAILED".equals(status) ? "expected a header" : null, 10);
    }

    @Test
    void eachChecklistShowsItsLinesPassedAndALineWithoutEvidenceIsNotReported() {
        List<ScenarioOutcome> outcomes = List.of(line("checklists", "Security checklist", 1, "PASSED"),
                line("checklists", "Security checklist", 2, "PASSED"), line("checklists", "Operations checklist", 3, "PASSED"),
                line("checklists", "Operations checklist", 4, "SKIPPED"), line("workflows", "Answers", 5, "PASSED"));
        ChecklistCompletion completion = ChecklistCompletion.of(outcomes, Map.of("features/checklists/f.feature:1", 2,
                "features/checklists/f.feature:3", 1, "features/workflows/f.feature:5", 1));

        assertThat(completion.summary()).isEqualTo("security 1/2 (1 not reported), operations 1/2 (1 not reported)");
        assertThat(completion.notReported()).hasSize(2).anyMatch(reason -> reason.contains("line 2") && reason.contains("without evidence"))
                .anyMatch(reason -> reason.contains("line 4") && reason.contains("did not execute (skipped)"));
    }

    @Test
    void anUnreportedLineTurnsGoIntoInconclusiveAndLeavesNoGoAsItIs() {
        List<ScenarioOutcome> outcomes = List.of(line("checklists", "Security checklist", 1, "PASSED"));
        ChecklistCompletion unreported = ChecklistCompletion.of(outcomes, Map.of());
        Verdict go = Verdict.of(outcomes, List.of(), null);
        assertThat(go.decision()).isEqualTo(Verdict.Decision.GO);
        Verdict applied = unreported.applyTo(go);
        assertThat(applied.decision()).isEqualTo(Verdict.Decision.INCONCLUSIVE);
        assertThat(applied.reasons()).singleElement().asString().contains("not reported in 'security'");

        List<ScenarioOutcome> failing = List.of(line("checklists", "Security checklist", 1, "FAILED"), line("checklists", "Security checklist", 2, "PASSED"));
        Verdict noGo = ChecklistCompletion.of(failing, Map.of("features/checklists/f.feature:1", 1)).applyTo(Verdict.of(failing, List.of(), null));
        assertThat(noGo.decision()).isEqualTo(Verdict.Decision.NO_GO);
        assertThat(noGo.reasons()).hasSize(2);
    }

    @Test
    void aFullyProvenChecklistLeavesTheVerdictAlone() {
        List<ScenarioOutcome> outcomes = List.of(line("completion", "Stage 1 completion", 1, "PASSED"));
        ChecklistCompletion completion = ChecklistCompletion.of(outcomes, Map.of("features/completion/f.feature:1", 3));
        assertThat(completion.summary()).isEqualTo("stage 1 completion 1/1");
        Verdict go = Verdict.of(outcomes, List.of(), null);
        assertThat(completion.applyTo(go)).isSameAs(go);
    }
}
