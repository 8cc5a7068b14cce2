package dev.proofgate.acceptance.verdict;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The readiness decision and its reasons, computed from the scenarios a run selected:
 * NO-GO when a blocker or critical scenario failed; otherwise INCONCLUSIVE when the run cannot
 * decide (undefined, pending or ambiguous steps; scenarios not run; a required area with nothing
 * executed; a scenario without severity; the environment failing); otherwise GO.
 */
public record Verdict(Decision decision, List<String> reasons, List<String> acceptedRisks, Map<String, AreaCount> areas,
                      int scenarios) {

    public enum Decision {
        GO, NO_GO, INCONCLUSIVE;

        public String label() {
            return this == NO_GO ? "NO-GO" : name();
        }
    }

    public record AreaCount(int passed, int failed, int notRun) {
        AreaCount add(ScenarioOutcome outcome) {
            return new AreaCount(passed + (outcome.passed() ? 1 : 0), failed + (outcome.failed() ? 1 : 0),
                    notRun + (outcome.passed() || outcome.failed() ? 0 : 1));
        }

        public int executed() {
            return passed + failed;
        }
    }

    public static Verdict of(Collection<ScenarioOutcome> outcomes, Collection<String> requiredAreas, String runFailure) {
        List<String> noGo = new ArrayList<>();
        List<String> inconclusive = new ArrayList<>();
        List<String> risks = new ArrayList<>();
        Map<String, AreaCount> areas = new LinkedHashMap<>();
        for (String area : new TreeSet<>(requiredAreas)) {
            areas.put(area, new AreaCount(0, 0, 0));
        }
        for (ScenarioOutcome outcome : outcomes) {
            areas.put(outcome.area(), areas.getOrDefault(outcome.area(), new AreaCount(0, 0, 0)).add(outcome));
            if (outcome.severity() == null) {
                inconclusive.add("suite defect: scenario " + outcome.label() + " has no @severity=blocker|critical|normal|minor|trivial tag");
            }
            if (outcome.failed() && outcome.mustPass()) {
                noGo.add(outcome.severity() + " scenario failed: " + outcome.label() + " - " + firstLine(outcome.message()));
            } else if (outcome.failed()) {
                risks.add((outcome.severity() == null ? "unrated" : outcome.severity()) + " scenario failed: " + outcome.label()
                        + " - " + firstLine(outcome.message()));
            } else if (outcome.undecided()) {
                inconclusive.add("step " + outcome.status().toLowerCase() + " in " + outcome.label());
            } else if (outcome.notRun()) {
                inconclusive.add("not run: " + outcome.label() + " - " + firstLine(outcome.message()));
            }
        }
        areas.forEach((area, count) -> {
            if (count.executed() == 0) {
                inconclusive.add("area '" + area + "' was to be covered but executed no scenario");
            }
        });
        if (runFailure != null) {
            inconclusive.add("environment problem: " + firstLine(runFailure));
        }
        if (outcomes.isEmpty()) {
            inconclusive.add("the run executed no scenario");
        }
        Decision decision = !noGo.isEmpty() ? Decision.NO_GO : !inconclusive.isEmpty() ? Decision.INCONCLUSIVE : Decision.GO;
        List<String> reasons = new ArrayList<>(noGo);
        reasons.addAll(inconclusive);
        if (decision == Decision.GO) {
            reasons.add("every selected scenario ran; no blocker or critical scenario failed");
        }
        return new Verdict(decision, List.copyOf(reasons), List.copyOf(risks), areas, outcomes.size());
    }

    private static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "no message";
        }
        String line = message.strip().lines().findFirst().orElse("");
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }
}
