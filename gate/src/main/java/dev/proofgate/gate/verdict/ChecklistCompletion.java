package dev.proofgate.gate.verdict;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How far each production checklist and each stage's completion criteria got in this run: a feature
 * under features/checklists/ or features/completion/ is one checklist, each of its scenarios one line.
 * A line counts as done only when its scenario passed; a line whose scenario did not execute, or
 * executed without attaching any evidence, is "not reported", and that keeps the verdict from GO.
 */
public record ChecklistCompletion(Map<String, Checklist> checklists) {

    /** One checklist: its lines, how many passed, which failed and which were not reported. */
    public record Checklist(
            String area, String name, int lines, int passed, List<String> failed, List<String> notReported) {
        public String summary() {
            return name + " " + passed + "/" + lines
                    + (notReported.isEmpty() ? "" : " (" + notReported.size() + " not reported)");
        }
    }

    /**
     * Lines from the run's outcomes. A passing line that attached no evidence already arrives as not run
     * (the {@link EvidenceListener} files it so), with the reason in its message. A feature in one of
     * {@code checklistAreas} is a checklist.
     */
    public static ChecklistCompletion of(Collection<ScenarioOutcome> outcomes, Collection<String> checklistAreas) {
        Map<String, List<ScenarioOutcome>> byFeature = new LinkedHashMap<>();
        for (ScenarioOutcome outcome : outcomes) {
            if (checklistAreas.contains(outcome.area())) {
                byFeature
                        .computeIfAbsent(outcome.area() + "/" + outcome.feature(), key -> new ArrayList<>())
                        .add(outcome);
            }
        }
        Map<String, Checklist> checklists = new LinkedHashMap<>();
        byFeature.forEach((key, lines) -> {
            int passed = 0;
            List<String> failed = new ArrayList<>();
            List<String> notReported = new ArrayList<>();
            for (ScenarioOutcome line : lines) {
                if (!line.passed() && !line.failed()) {
                    notReported.add(line.label() + " - "
                            + (line.message() == null ? line.status().toLowerCase() : line.message()));
                } else if (line.passed()) {
                    passed++;
                } else {
                    failed.add(line.label());
                }
            }
            ScenarioOutcome first = lines.get(0);
            checklists.put(
                    key,
                    new Checklist(first.area(), shortName(first.feature()), lines.size(), passed, failed, notReported));
        });
        return new ChecklistCompletion(checklists);
    }

    /** "Security checklist" reads as "security"; "Stage 1 completion" stays as it is. */
    private static String shortName(String feature) {
        String name = feature.replaceAll("(?i)\\s+checklist$", "");
        return name.isEmpty() ? feature : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    /** "security 7/7, operations 5/6", or a note that the run held no checklist. */
    public String summary() {
        return checklists.isEmpty()
                ? "no checklist in this run"
                : String.join(
                        ", ",
                        checklists.values().stream().map(Checklist::summary).toList());
    }

    public List<String> notReported() {
        return checklists.values().stream()
                .flatMap(checklist -> checklist.notReported().stream()
                        .map(line -> "checklist line not reported in '" + checklist.name() + "': " + line))
                .toList();
    }

    /**
     * The verdict with unreported checklist lines added as reasons: a GO becomes INCONCLUSIVE, a NO-GO
     * stays NO-GO with the lines listed. Kept outside {@link Verdict#of} so that the verdict's own rules
     * stay in one place.
     */
    public Verdict applyTo(Verdict verdict) {
        List<String> unreported = notReported();
        if (unreported.isEmpty()) {
            return verdict;
        }
        List<String> reasons = new ArrayList<>(verdict.reasons());
        Verdict.Decision decision = verdict.decision();
        if (decision == Verdict.Decision.GO) {
            reasons.clear();
            decision = Verdict.Decision.INCONCLUSIVE;
        }
        reasons.addAll(unreported);
        return new Verdict(
                decision,
                List.copyOf(reasons),
                verdict.acceptedRisks(),
                verdict.areas(),
                verdict.scenarios(),
                verdict.waiversToRemove(),
                verdict.partial());
    }
}
