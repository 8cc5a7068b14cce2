package dev.proofgate.acceptance.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proofgate.acceptance.checklists.ChecklistScenario;
import dev.proofgate.acceptance.checklists.KeyRefusals;
import dev.proofgate.acceptance.checklists.RateLimitProbe;
import dev.proofgate.acceptance.checklists.SecretScan;
import dev.proofgate.acceptance.checklists.SecurityHeaders;
import dev.proofgate.acceptance.checklists.WorkerSecrets;
import dev.proofgate.acceptance.checklists.WrongKeyFlood;
import dev.proofgate.acceptance.checklists.state.AnswerKinds;
import dev.proofgate.acceptance.checklists.state.InjectionNames;
import dev.proofgate.acceptance.checklists.state.OversizedRequest;
import dev.proofgate.acceptance.checklists.state.RateLimitMeasurement;
import dev.proofgate.acceptance.checklists.state.SecretSearch;
import dev.proofgate.acceptance.checklists.state.WrongKeyAttempts;
import dev.proofgate.acceptance.drivers.ApiDescription;
import dev.proofgate.acceptance.drivers.HttpAnswer;
import dev.proofgate.acceptance.drivers.OperationsApi;
import dev.proofgate.acceptance.drivers.Outcome;
import dev.proofgate.acceptance.drivers.Program;
import dev.proofgate.acceptance.drivers.Signature;
import dev.proofgate.acceptance.drivers.hostile.HostileClient;
import dev.proofgate.acceptance.world.ReadinessWorld;
import dev.proofgate.gate.machine.TimedJudgement;
import dev.proofgate.gate.support.Evidence;
import io.cucumber.datatable.DataTable;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** The security checklist: keys, throttling, limits, injection, secrets and headers. */
public final class SecuritySteps {

    private static final int CALLERS = 4;

    private final ReadinessWorld world;
    private final ChecklistScenario scenario;
    private final HostileClient hostile;
    private final WrongKeyAttempts wrongKeys;
    private final RateLimitMeasurement rateLimit;
    private final OversizedRequest oversized;
    private final InjectionNames injection;
    private final SecretSearch secrets;
    private final AnswerKinds answerKinds;

    public SecuritySteps(
            ReadinessWorld world,
            ChecklistScenario scenario,
            WrongKeyAttempts wrongKeys,
            RateLimitMeasurement rateLimit,
            OversizedRequest oversized,
            InjectionNames injection,
            SecretSearch secrets,
            AnswerKinds answerKinds) {
        this.world = world;
        this.scenario = scenario;
        this.hostile = scenario.hostile();
        this.wrongKeys = wrongKeys;
        this.rateLimit = rateLimit;
        this.oversized = oversized;
        this.injection = injection;
        this.secrets = secrets;
        this.answerKinds = answerKinds;
    }

    @When("the suite reads the platform's published description of its interface")
    public void theSuiteReadsThePublishedDescription() {
        ApiDescription description = scenario.description();
        Evidence.json("published description of the interface (OpenAPI)", description.text());
        assertThat(description.operations())
                .as("operations in the published description")
                .isNotEmpty();
    }

    @Then("every published operation is answered by the platform")
    public void everyPublishedOperationIsAnswered() {
        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> unanswered = new ArrayList<>();
        for (ApiDescription.Operation operation : scenario.description().operations()) {
            HttpAnswer answer = hostile.call(operation.method(), operation.path(), operation.hasBody());
            if (answer.noRoute()) {
                unanswered.add(operation.label() + " -> " + answer.summary());
            }
            rows.add(row(
                    "operation",
                    operation.label(),
                    "called as",
                    operation.path(),
                    "status",
                    answer.status(),
                    "answer",
                    answer.errorType().isEmpty() ? "served" : answer.errorType()));
        }
        Evidence.rows("published operations and what the platform answered", rows);
        assertThat(unanswered)
                .as("published operations the platform has no route for")
                .isEmpty();
    }

    @Then("every other method on a published address is refused")
    public void everyOtherMethodIsRefused() {
        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> served = new ArrayList<>();
        scenario.description()
                .unpublishedMethods()
                .forEach((path, methods) -> methods.forEach(method -> {
                    HttpAnswer answer = hostile.callUnpublished(method, path);
                    rows.add(row(
                            "method",
                            method.toUpperCase(),
                            "address",
                            path,
                            "status",
                            answer.status(),
                            "answer",
                            answer.errorType()));
                    // "not found" is a refusal too: the address then belongs to another operation that finds nothing.
                    if (!answer.hasStatusOf("method_not_allowed") && !answer.refusedAs("not_found")) {
                        served.add(answer.summary());
                    }
                }));
        Evidence.rows("unpublished methods on published addresses", rows);
        assertThat(served)
                .as("unpublished methods that were not refused as not allowed (an unpublished operation?)")
                .isEmpty();
    }

    @Then("every operation that needs a key refuses a caller with no key")
    public void everyOperationRefusesNoKey() {
        refusesEveryCaller("no key", () -> null);
    }

    @Then("every operation that needs a key refuses a caller with a wrong key")
    public void everyOperationRefusesAWrongKey() {
        String wrong = "wrong-" + world.uniqueName("key");
        refusesEveryCaller("a wrong key", () -> wrong);
    }

    /**
     * Keys one typo away from the valid one: its last character changed, one character short, one too
     * many, and in capitals. A key check that compares a prefix, a length or ignores case lets one of
     * them through. Each operation is asked with one of them in turn, so all four meet every kind of route.
     */
    @Then("every operation that needs a key refuses a caller with a key that is almost right")
    public void everyOperationRefusesANearMissKey() {
        String key = world.environment().apiKey();
        char last = key.charAt(key.length() - 1);
        List<String> nearMisses = List.of(
                key.substring(0, key.length() - 1) + (last == 'x' ? 'y' : 'x'),
                key.substring(0, key.length() - 1),
                key + "x",
                key.toUpperCase(Locale.ROOT));
        int[] turn = {0};
        refusesEveryCaller("a key that is almost right", () -> nearMisses.get(turn[0]++ % nearMisses.size()));
    }

    private void refusesEveryCaller(String presenting, Supplier<String> keyPerOperation) {
        KeyRefusals.Result result = KeyRefusals.ask(
                hostile,
                scenario.description().operations(),
                keyPerOperation,
                world.environment().apiKey());
        assertThat(result.needingKey())
                .as("operations the description says need a key (none would make this check vacuous)")
                .isPositive();
        Evidence.rows("every published operation called with " + presenting, result.table());
        assertThat(result.notRefused())
                .as("operations that did not refuse a caller presenting %s", presenting)
                .isEmpty();
    }

    @When("a caller tries {int} wrong keys as fast as it can")
    public void aCallerTriesWrongKeys(int attempts) {
        long allowance = scenario.publishedLimit("auth_failures_per_second");
        WrongKeyFlood.Result flood = WrongKeyFlood.run(
                hostile, attempts, CALLERS, allowance, i -> "guess-" + i + "-" + world.uniqueName("k"));
        wrongKeys.record(flood);
        Evidence.rows(
                "wrong-key attempts by answer",
                flood.byStatus().entrySet().stream()
                        .map(entry -> row("status", entry.getKey(), "attempts", entry.getValue()))
                        .toList());
        Evidence.text(
                "wrong-key attempts measured",
                attempts + " attempts in " + String.format("%.3f", flood.seconds()) + " s from "
                        + CALLERS + " callers; published allowance " + allowance
                        + " per second; Retry-After of the first throttled answer: "
                        + flood.retryAfter());
    }

    @Then("the caller is told to slow down before the attempts run out")
    public void theCallerIsToldToSlowDown() {
        WrongKeyFlood.Result flood = wrongKeys.flood();
        assertThat(flood.throttled())
                .as("wrong-key attempts answered with 'slow down' (rate limited)")
                .isPositive();
        assertThat(flood.retryAfter())
                .as("when the throttled caller may try again (Retry-After)")
                .isNotBlank();
    }

    @Then("no more attempts were let through than the published allowance plus {int} percent")
    public void noMoreAttemptsThanTheAllowance(int percent) {
        WrongKeyFlood.Result flood = wrongKeys.flood();
        assertThat((double) flood.letThrough())
                .as("wrong-key attempts answered (not throttled), against an allowance of %d", flood.allowance())
                .isLessThanOrEqualTo(flood.allowance() * (1 + percent / 100.0));
    }

    @When("a caller whose key has a rate limit of its own asks as fast as it can for {int} seconds")
    public void aRateLimitedCallerAsks(int seconds) {
        String key = world.environment()
                .limitedApiKey()
                .orElseThrow(() ->
                        new IllegalStateException("the " + world.environment().mode()
                                + " environment has no rate-limited key; tag the scenario @requires=rate-limited-key"));
        Duration duration = Duration.ofSeconds(seconds);
        rateLimit.record(key, duration, TimedJudgement.measure(() -> probeRateLimit(key, duration)));
    }

    private RateLimitProbe.Result probeRateLimit(String key, Duration duration) {
        RateLimitProbe.Result result = RateLimitProbe.run(hostile, key, duration, CALLERS);
        Evidence.rows("answers to the rate-limited key, second by second", result.perSecond());
        Evidence.text(
                "rate limit measured",
                String.format(
                        Locale.ROOT,
                        "announced limit (RateLimit-Limit): %d per second%n"
                                + "asked: %d in %d s from %d callers (%.0f per second)%nlet through: %d; told to slow down: %d (Retry-After %s)%n"
                                + "once the burst was spent: %d let through in %.3f s = %.1f per second",
                        result.announced(),
                        result.asked(),
                        duration.toSeconds(),
                        CALLERS,
                        result.askedPerSecond(duration),
                        result.letThrough(),
                        result.throttled(),
                        result.retryAfter(),
                        result.letThroughInWindow(),
                        result.windowSeconds(),
                        result.rate()));
        return result;
    }

    @Then(
            "once its burst is spent, the requests let through per second are within {int} percent of the limit announced for the key")
    public void theRateLimitHolds(int percent) {
        Duration duration = rateLimit.duration();
        // callers too slow to reach twice the limit, or too few let through, can be the machine's doing; too many let
        // through cannot
        RateLimitProbe.Result result = TimedJudgement.judge(
                "the rate limit",
                rateLimit.probe(),
                () -> TimedJudgement.measure(() -> probeRateLimit(rateLimit.key(), duration)),
                r -> r.announced() > 0
                        && (r.askedPerSecond(duration) < 2.0 * r.announced()
                                || r.rate() < r.announced() * (1 - percent / 100.0)),
                r -> String.format(
                        Locale.ROOT,
                        "%.1f let through per second against %d - %d %%, asking at %.0f per second",
                        r.rate(),
                        r.announced(),
                        percent,
                        r.askedPerSecond(duration)));
        assertWithinTheLimit(result, duration, percent);
    }

    private static void assertWithinTheLimit(RateLimitProbe.Result result, Duration duration, int percent) {
        double asked = result.askedPerSecond(duration);
        int announced = result.announced();
        double low = announced * (1 - percent / 100.0);
        double high = announced * (1 + percent / 100.0);
        Evidence.text(
                "rate limit judged",
                String.format(
                        Locale.ROOT,
                        "%.1f let through per second once the burst was spent, against the "
                                + "announced %d ± %d %% (%.1f to %.1f), the callers asking at %.0f per second",
                        result.rate(),
                        announced,
                        percent,
                        low,
                        high,
                        asked));
        assertThat(result.otherAnswers())
                .as("answers to the rate-limited key other than 'let through' or 'slow down'")
                .isEmpty();
        assertThat(announced)
                .as("the key's rate limit as the platform announces it on its answers (RateLimit-Limit)")
                .isPositive();
        assertThat(asked)
                .as(
                        "how fast the callers asked, per second: below twice the announced %d the limit cannot be measured",
                        announced)
                .isGreaterThanOrEqualTo(2.0 * announced);
        assertThat(result.throttled())
                .as(
                        "answers telling the caller to slow down, asking at %.0f per second against an announced %d per second",
                        asked, announced)
                .isPositive();
        assertThat(result.retryAfter())
                .as("when the throttled caller may try again (Retry-After)")
                .isNotBlank();
        assertThat(result.rate())
                .as(
                        "requests let through per second once the burst was spent (%d in %.2f s), against the announced %d ± %d %%",
                        result.letThroughInWindow(), result.windowSeconds(), announced, percent)
                .isBetween(low, high);
    }

    @When("a team sends a signature twice as large as the body limit")
    public void aTeamSendsAnOversizedSignature() {
        String name = world.uniqueName("oversized");
        oversized.record(hostile.oversizedSignature(name, scenario.publishedLimit("body_bytes")), name);
    }

    @Then("the request is refused as too large")
    public void theRequestIsRefusedAsTooLarge() {
        HttpAnswer answer = oversized.answer();
        assertThat(answer.refusal())
                .as("how the oversized request was answered (%s)", answer.summary())
                .isEqualTo("payload_too_large");
        Outcome lookup = world.signatures().findByName(oversized.name());
        assertThat(lookup.wasAccepted())
                .as("a signature stored from the refused request")
                .isFalse();
    }

    @When("a team names programs after injection strings:")
    public void aTeamNamesProgramsAfterInjectionStrings(List<String> names) {
        List<Program> created = new ArrayList<>();
        for (String name : names) {
            created.add(world.programs()
                    .create(name, world.signature().id(), "native", null)
                    .orFail("creating a program named " + name));
        }
        injection.record(names, created);
    }

    @Then("each program reads back with exactly the name it was given")
    public void eachProgramReadsBackVerbatim() {
        List<String> names = injection.names();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String id = injection.programs().get(i).id();
            Optional<String> stored = scenario.operations()
                    .shown(OperationsApi.Resource.PROGRAM, id)
                    .map(program -> program.field("name"));
            rows.add(row(
                    "given",
                    names.get(i),
                    "read back",
                    stored.orElse("(program " + id + " not found)"),
                    "verbatim",
                    stored.map(names.get(i)::equals).orElse(false)));
        }
        Evidence.rows("program names given and read back", rows);
        assertThat(rows)
                .as("programs whose name did not read back verbatim")
                .allMatch(row -> Boolean.TRUE.equals(row.get("verbatim")));
    }

    @Then("looking a signature up by an injection string finds nothing")
    public void lookingUpByInjectionFindsNothing() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String name : injection.names()) {
            Outcome lookup = world.signatures().findByName(name);
            rows.add(row(
                    "looked up",
                    name,
                    "found",
                    lookup.wasAccepted(),
                    "reason",
                    lookup.wasAccepted() ? "" : lookup.rejection().reason()));
            assertThat(lookup.wasAccepted())
                    .as("a signature found by the injection string %s: %s", name, lookup.accepted())
                    .isFalse();
            assertThat(lookup.rejection().reason())
                    .as("reason for finding nothing")
                    .isEqualTo("not_found");
        }
        String real = world.signature().name();
        Outcome<Signature> own = world.signatures().findByName(real);
        rows.add(row("looked up", real, "found", own.wasAccepted(), "reason", "the scenario's own signature"));
        Evidence.rows("lookups by injection strings", rows);
        assertThat(own.orFail("looking up the scenario's own signature").name())
                .as("own signature still found")
                .isEqualTo(real);
    }

    @When("the suite collects what the platform shows about itself")
    public void theSuiteCollectsWhatThePlatformShows() throws IOException {
        OperationsApi operations = scenario.operations();
        SecretScan scan = new SecretScan()
                .secret("API key", world.environment().apiKey())
                .secret(
                        "rate-limited API key",
                        world.environment().limitedApiKey().orElse(null))
                .secret(
                        "database password",
                        world.environment().database().map(db -> db.password()).orElse(null))
                .source("health", operations.health().document())
                .source("metrics", operations.metrics())
                .source("published description", scenario.description().text())
                .source(
                        "refusal of a wrong key",
                        hostile.askWithKey("not-" + world.environment().apiKey())
                                .body())
                .source("missing resource", hostile.missingProgram().body())
                .source("malformed body", hostile.malformedSignature().body())
                .source("platform log", Files.readString(platformLog()));
        secrets.record(scan);
        Evidence.rows("where the suite looked for secrets", scan.table());
    }

    private Path platformLog() {
        return world.environment()
                .platformLog()
                .orElseThrow(() -> new AssertionError("this environment does not capture the platform log"));
    }

    @Then("no API key or database password appears in any of it")
    public void noSecretAppears() {
        assertThat(secrets.scan().findings())
                .as("secrets found in what the platform shows")
                .isEmpty();
    }

    @Then("the Python workers do not inherit the platform's secrets")
    public void workersDoNotInheritSecrets() {
        List<Long> pids = scenario.operations().health().bridge().workerPids();
        assertThat(pids.size())
                .as("worker processes the platform reports (health)")
                .isPositive();
        WorkerSecrets.Search search = WorkerSecrets.search(
                world.environment().host(),
                pids,
                world.environment().apiKey(),
                world.environment().database().map(db -> db.password()).orElse(""));
        Evidence.rows("environment of every Python worker (names only)", search.table());
        assertThat(search.leaks())
                .as("secrets in the Python workers' environment")
                .isEmpty();
    }

    @When("the suite asks for health, metrics, an operation, a refusal and a missing page")
    public void theSuiteAsksForEveryKindOfAnswer() {
        answerKinds.record(hostile.answersOfEveryKind());
    }

    @Then("every answer carries these security headers:")
    public void everyAnswerCarriesTheseHeaders(DataTable expected) {
        SecurityHeaders.Comparison comparison = SecurityHeaders.compare(expected.asMaps(), answerKinds.byKind());
        Evidence.rows("security headers by kind of answer", comparison.table());
        assertThat(comparison.missing()).as("security headers missing or wrong").isEmpty();
    }

    static Map<String, Object> row(Object... keysAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put(String.valueOf(keysAndValues[i]), keysAndValues[i + 1]);
        }
        return row;
    }
}
