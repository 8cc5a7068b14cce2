package dev.proofgate.gate.verdict;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The readiness decision and its reasons, computed from the scenarios a run selected:
 * NO-GO when a blocker or critical scenario failed on an assertion about the product (and no valid
 * waiver accepts it); otherwise INCONCLUSIVE when the run cannot decide (a suite defect, an
 * environment problem, a scenario not run or without evidence, a required area with nothing
 * executed, no scenario at all); otherwise GO. A partial run (narrowed by tags, names or paths)
 * carries its selection in every label, so it never reads as a full GO.
 */
public record Verdict(
        Decision decision,
        List<String> reasons,
        List<String> acceptedRisks,
        Map<String, AreaCount> areas,
        int scenarios,
        List<String> waiversToRemove,
        String partial) {

    public enum Decision {
        GO,
        NO_GO,
        INCONCLUSIVE;

        public String label() {
            return this == NO_GO ? "NO-GO" : name();
        }
    }

    public record AreaCount(int passed, int failed, int notRun) {
        AreaCount add(ScenarioOutcome outcome) {
            return new AreaCount(
                    passed + (outcome.passed() ? 1 : 0),
                    failed + (outcome.failed() ? 1 : 0),
                    notRun + (outcome.passed() || outcome.failed() ? 0 : 1));
        }

        public int executed() {
            return passed + failed;
        }
    }

    /** The decision as people read it: "GO", or "GO (partial: tags @area=contracts)". */
    public String label() {
        return partial == null ? decision.label() : decision.label() + " (partial: " + partial + ")";
    }

    public boolean isPartial() {
        return partial != null;
    }

    public static Verdict of(
            Collection<ScenarioOutcome> outcomes, Collection<String> requiredAreas, String runFailure) {
        return of(outcomes, requiredAreas, runFailure, List.of(), null, LocalDate.now(ZoneOffset.UTC));
    }

    public static Verdict of(
            Collection<ScenarioOutcome> outcomes,
            Collection<String> requiredAreas,
            String runFailure,
            List<String> suiteDefects,
            String partial,
            LocalDate today) {
        List<String> noGo = new ArrayList<>();
        List<String> inconclusive = new ArrayList<>();
        List<String> risks = new ArrayList<>();
        List<String> removable = new ArrayList<>();
        Map<String, AreaCount> areas = new LinkedHashMap<>();
        if (runFailure != null) {
            inconclusive.add("environment problem: " + quote(runFailure));
        }
        for (String area : new TreeSet<>(requiredAreas)) {
            areas.put(area, new AreaCount(0, 0, 0));
        }
        suiteDefects.forEach(defect -> inconclusive.add("suite defect: " + defect));
        for (ScenarioOutcome outcome : outcomes) {
            areas.put(
                    outcome.area(),
                    areas.getOrDefault(outcome.area(), new AreaCount(0, 0, 0)).add(outcome));
            if (outcome.severity() == null) {
                inconclusive.add("suite defect: scenario " + outcome.label()
                        + " has no @severity=blocker|critical|normal|minor|trivial tag");
            }
            Waiver waiver = outcome.waiver();
            boolean waived = waiver != null && waiver.validOn(today);
            String expired = waiver != null && !waived
                    ? " (waiver " + waiver.ticket() + " expired on " + waiver.until() + ": it counts as none)"
                    : "";
            if (outcome.productFailure()) {
                String failure = (outcome.severity() == null ? "unrated" : outcome.severity()) + " scenario failed: "
                        + outcome.label() + " - " + quote(outcome.message());
                if (waived) {
                    risks.add("waived (" + waiver.describe() + "): " + failure);
                } else if (outcome.mustPass()) {
                    noGo.add("product defect: " + failure + expired);
                } else {
                    risks.add(failure + expired);
                }
            } else if (outcome.failed()) {
                inconclusive.add(outcome.cause() + ": " + outcome.label() + " - " + quote(outcome.message()));
            } else if (outcome.undecided()) {
                StringBuilder reason = new StringBuilder(
                        "suite defect: step " + outcome.status().toLowerCase() + " in " + outcome.label());
                outcome.details().forEach(detail -> reason.append("; ").append(detail));
                inconclusive.add(reason.toString());
            } else if (outcome.notRun() && "environment problem".equals(outcome.cause())) {
                inconclusive.add("environment problem: " + outcome.label() + " - " + quote(outcome.message()));
            } else if (outcome.notRun()) {
                inconclusive.add("not run: " + outcome.label() + " - "
                        + quote(outcome.message()).replaceFirst("^not run: ", ""));
            } else if (outcome.passed() && waiver != null) {
                removable.add("waiver " + waiver.describe() + " on " + outcome.label()
                        + ": the scenario passes, remove the waiver");
            }
        }
        areas.forEach((area, count) -> {
            if (count.executed() == 0 && requiredAreas.contains(area)) {
                inconclusive.add("area '" + area + "' was to be covered but executed no scenario");
            }
        });
        if (outcomes.isEmpty()) {
            inconclusive.add("the run executed no scenario");
        }
        Decision decision =
                !noGo.isEmpty() ? Decision.NO_GO : !inconclusive.isEmpty() ? Decision.INCONCLUSIVE : Decision.GO;
        List<String> reasons = new ArrayList<>(noGo);
        reasons.addAll(inconclusive);
        if (decision == Decision.GO) {
            reasons.add(
                    partial == null
                            ? "every selected scenario ran with evidence; no blocker or critical scenario failed"
                            : "partial run (" + partial
                                    + "): the selected scenarios ran with evidence and no blocker or critical one failed;"
                                    + " this is not a full readiness GO");
        }
        return new Verdict(
                decision,
                List.copyOf(reasons),
                List.copyOf(risks),
                areas,
                outcomes.size(),
                List.copyOf(removable),
                partial);
    }

    /** The whole assertion message, its first lines joined, so "expected: 6.0 but was: 5.0" is never cut off. */
    static String quote(String message) {
        if (message == null || message.isBlank()) {
            return "no message";
        }
        String joined = String.join(
                " ",
                message.strip()
                        .lines()
                        .map(String::strip)
                        .filter(line -> !line.isEmpty())
                        .limit(8)
                        .toList());
        return joined.length() > 600 ? joined.substring(0, 600) + "..." : joined;
    }
}
