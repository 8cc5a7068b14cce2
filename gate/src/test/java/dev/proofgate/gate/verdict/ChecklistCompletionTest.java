package dev.proofgate.gate.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChecklistCompletionTest {

    private static final List<String> CHECKLIST_AREAS = List.of("checklists", "completion");

    private static final String NO_EVIDENCE =
            "not run: no evidence attached; a passing scenario in checklists must attach what it measured";

    private static ScenarioOutcome line(String area, String feature, int at, String status) {
        String message = switch (status) {
            case "FAILED" -> "expected a header";
            case "SKIPPED" -> NO_EVIDENCE;
            default -> null;
        };
        return new ScenarioOutcome(
                area,
                feature,
                feature + " line " + at,
                "features/" + area + "/f.feature:" + at,
                "critical",
                status,
                message,
                10);
    }

    @Test
    void eachChecklistShowsItsLinesPassedAndALineWithoutEvidenceIsNotReported() {
        List<ScenarioOutcome> outcomes = List.of(
                line("checklists", "Security checklist", 1, "PASSED"),
                line("checklists", "Security checklist", 2, "SKIPPED"),
                line("checklists", "Operations checklist", 3, "PASSED"),
                line("checklists", "Operations checklist", 4, "UNDEFINED"),
                line("workflows", "Answers", 5, "PASSED"));
        ChecklistCompletion completion = ChecklistCompletion.of(outcomes, CHECKLIST_AREAS);

        assertThat(completion.summary()).isEqualTo("security 1/2 (1 not reported), operations 1/2 (1 not reported)");
        assertThat(completion.notReported())
                .hasSize(2)
                .anyMatch(reason -> reason.contains("line 2") && reason.contains("no evidence attached"))
                .anyMatch(reason -> reason.contains("line 4") && reason.contains("undefined"));
    }

    @Test
    void anUnreportedLineKeepsTheVerdictFromGoAndLeavesNoGoAsItIs() {
        List<ScenarioOutcome> outcomes = List.of(line("checklists", "Security checklist", 1, "SKIPPED"));
        Verdict applied =
                ChecklistCompletion.of(outcomes, CHECKLIST_AREAS).applyTo(Verdict.of(outcomes, List.of(), null));
        assertThat(applied.decision()).isEqualTo(Verdict.Decision.INCONCLUSIVE);
        assertThat(applied.reasons()).anyMatch(reason -> reason.contains("not reported in 'security'"));

        List<ScenarioOutcome> failing = List.of(
                line("checklists", "Security checklist", 1, "FAILED"),
                line("checklists", "Security checklist", 2, "SKIPPED"));
        Verdict noGo = ChecklistCompletion.of(failing, CHECKLIST_AREAS).applyTo(Verdict.of(failing, List.of(), null));
        assertThat(noGo.decision()).isEqualTo(Verdict.Decision.NO_GO);
        assertThat(noGo.reasons()).anyMatch(reason -> reason.contains("not reported in 'security'"));
    }

    @Test
    void aFullyProvenChecklistLeavesTheVerdictAlone() {
        List<ScenarioOutcome> outcomes = List.of(line("completion", "Stage 1 completion", 1, "PASSED"));
        ChecklistCompletion completion = ChecklistCompletion.of(outcomes, CHECKLIST_AREAS);
        assertThat(completion.summary()).isEqualTo("stage 1 completion 1/1");
        Verdict go = Verdict.of(outcomes, List.of(), null);
        assertThat(completion.applyTo(go)).isSameAs(go);
    }
}
