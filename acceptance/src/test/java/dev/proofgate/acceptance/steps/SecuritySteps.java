package dev.proofgate.acceptance.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proofgate.acceptance.checklists.ApiDescription;
import dev.proofgate.acceptance.checklists.ChecklistScenario;
import dev.proofgate.acceptance.checklists.RateLimitProbe;
import dev.proofgate.acceptance.checklists.RawHttp;
import dev.proofgate.acceptance.checklists.SecretScan;
import dev.proofgate.acceptance.drivers.Outcome;
import dev.proofgate.acceptance.drivers.Program;
import dev.proofgate.acceptance.drivers.Signature;
import dev.proofgate.acceptance.machine.TimedJudgement;
import dev.proofgate.acceptance.support.Evidence;
import dev.proofgate.acceptance.support.Json;
import dev.proofgate.acceptance.world.ReadinessWorld;
import io.cucumber.datatable.DataTable;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** The security checklist: keys, throttling, limits, injection, secrets and headers. */
public final class SecuritySteps {

    private static final int UNAUTHORIZED = 401;
    private static final int RATE_LIMITED = 429;
    private static final int NOT_ALLOWED = 405;
    private static final int NOT_FOUND = 404;
    private static final int TOO_LARGE = 413;

    private final ReadinessWorld world;
    private final ChecklistScenario scenario;

    public SecuritySteps(ReadinessWorld world, ChecklistScenario scenario) {
        this.world = world;
        this.scenario = scenario;
    }

    @When("the suite reads the platform's published description of its interface")
    public void theSuiteReadsThePublishedDescription() {
        ApiDescription description = scenario.description();
        Evidence.json("published description of the interface (OpenAPI)", Json.MAPPER.valueToTree(description.document()).toPrettyString());
        assertThat(description.operations()).as("operations in the published description").isNotEmpty();
    }

    @Then("every published operation is answered by the platform")
    public void everyPublishedOperationIsAnswered() {
        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> unanswered = new ArrayList<>();
        for (ApiDescription.Operation operation : scenario.description().operations()) {
            RawHttp.Exchange answer = scenario.http().send(operation.method(), operation.path(), scenario.keyed(),
                    operation.hasBody() ? "{}".getBytes(StandardCharsets.UTF_8) : null);
            boolean noRoute = answer.status() == NOT_ALLOWED || answer.status() == 0
                    || (answer.status() == NOT_FOUND && answer.body().contains("no route"));
            if (noRoute) {
                unanswered.add(operation.label() + " -> " + answer.summary());
            }
            rows.add(row("operation", operation.label(), "called as", operation.path(), "status", answer.status(),
                    "answer", answer.errorType().isEmpty() ? "served" : answer.errorType()));
        }
        Evidence.rows("published operations and what the platform answered", rows);
        assertThat(unanswered).as("published operations the platform has no route for").isEmpty();
    }

    @Then("every other method on a published address is refused")
    public void everyOtherMethodIsRefused() {
        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> served = new ArrayList<>();
        Map<String, TreeSet<String>> published = new LinkedHashMap<>();
        for (ApiDescription.Operation operation : scenario.description().operations()) {
            published.computeIfAbsent(operation.path(), path -> new TreeSet<>()).add(operation.method());
        }
        published.forEach((path, methods) -> {
            for (String method : new TreeSet<>(ApiDescription.METHODS)) {
                if (methods.contains(method)) {
                    continue;
                }
                RawHttp.Exchange answer = scenario.http().send(method, path, scenario.keyed(), "{}".getBytes(StandardCharsets.UTF_8));
                rows.add(row("method", method.toUpperCase(), "address", path, "status", answer.status(), "answer", answer.errorType()));
                // 404 "not found" is a refusal too: the address then belongs to another operation that finds nothing.
                if (answer.status() != NOT_ALLOWED && !(answer.status() == NOT_FOUND && "not_found".equals(answer.errorType()))) {
                    served.add(answer.summary());
                }
            }
        });
        Evidence.rows("unpublished methods on published addresses", rows);
        assertThat(served).as("unpublished methods that were not refused as not allowed (an unpublished operation?)").isEmpty();
    }

    @Then("every operation that needs a key refuses a caller with no key")
    public void everyOperationRefusesNoKey() {
        refusesEveryCaller("no key", Map.of());
    }

    @Then("every operation that needs a key refuses a caller with a wrong key")
    public void everyOperationRefusesAWrongKey() {
        refusesEveryCaller("a wrong key", Map.of("Authorization", "Bearer wrong-" + world.uniqueName("key")));
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
        List<String> nearMisses = List.of(key.substring(0, key.length() - 1) + (last == 'x' ? 'y' : 'x'),
                key.substring(0, key.length() - 1), key + "x", key.toUpperCase(java.util.Locale.ROOT));
        int[] turn = {0};
        refusesEveryCaller("a key that is almost right", () -> Map.of("Authorization", "Bearer " + nearMisses.get(turn[0]++ % nearMisses.size())));
    }

    private void refusesEveryCaller(String presenting, Map<String, String> credentials) {
        refusesEveryCaller(presenting, () -> credentials);
    }

    private void refusesEveryCaller(String presenting, java.util.function.Supplier<Map<String, String>> credentialsPerOperation) {
        List<ApiDescription.Operation> operations = scenario.description().operations();
        assertThat(operations.stream().filter(ApiDescription.Operation::needsKey))
                .as("operations the description says need a key (none would make this check vacuous)").isNotEmpty();
        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> served = new ArrayList<>();
        for (ApiDescription.Operation operation : operations) {
            if (!operation.needsKey()) {
                rows.add(row("operation", operation.label(), "status", "-", "answer", "public by the description"));
                continue;
            }
            Map<String, String> headers = new LinkedHashMap<>(credentialsPerOperation.get());
            headers.put("Content-Type", "application/json");
            RawHttp.Exchange answer = refusedOrThrottledOnce(operation, headers);
            rows.add(row("operation", operation.label(), "presented", headers.getOrDefault("Authorization", "(nothing)")
                    .replace(world.environment().apiKey(), "<valid key>"), "status", answer.status(), "answer", answer.errorType()));
            if (answer.status() != UNAUTHORIZED || !"unauthorized".equals(answer.errorType())) {
                served.add(operation.label() + " -> " + answer.summary());
            }
        }
        Evidence.rows("every published operation called with " + presenting, rows);
        assertThat(served).as("operations that did not refuse a caller presenting %s", presenting).isEmpty();
    }

    /** A throttled refusal proves nothing about the key check: wait as told (bounded) and ask again. */
    private RawHttp.Exchange refusedOrThrottledOnce(ApiDescription.Operation operation, Map<String, String> headers) {
        byte[] body = operation.hasBody() ? "{}".getBytes(StandardCharsets.UTF_8) : null;
        RawHttp.Exchange answer = scenario.http().send(operation.method(), operation.path(), headers, body);
        for (int retry = 0; retry < 3 && answer.status() == RATE_LIMITED; retry++) {
            String told = answer.header("Retry-After");
            long seconds = told != null && told.matches("\\d+") ? Math.min(3, Long.parseLong(told)) : 1;
            java.util.concurrent.locks.LockSupport.parkNanos(seconds * 1_000_000_000L);
            answer = scenario.http().send(operation.method(), operation.path(), headers, body);
        }
        return answer;
    }

    @When("a caller tries {int} wrong keys as fast as it can")
    public void aCallerTriesWrongKeys(int attempts) throws Exception {
        long allowance = scenario.publishedLimit("auth_failures_per_second");
        ExecutorService callers = Executors.newFixedThreadPool(4);
        List<Future<RawHttp.Exchange>> answers = new ArrayList<>();
        long started = System.nanoTime();
        try {
            for (int i = 0; i < attempts; i++) {
                String key = "guess-" + i + "-" + world.uniqueName("k");
                answers.add(callers.submit(() -> scenario.http().get("/api/adapters", Map.of("Authorization", "Bearer " + key))));
            }
            Map<Integer, Integer> byStatus = new java.util.TreeMap<>();
            String retryAfter = null;
            for (Future<RawHttp.Exchange> answer : answers) {
                RawHttp.Exchange exchange = answer.get();
                byStatus.merge(exchange.status(), 1, Integer::sum);
                if (exchange.status() == RATE_LIMITED && retryAfter == null) {
                    retryAfter = exchange.header("Retry-After");
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            scenario.measured("let through", byStatus.getOrDefault(UNAUTHORIZED, 0));
            scenario.measured("throttled", byStatus.getOrDefault(RATE_LIMITED, 0));
            scenario.measured("retry after", retryAfter);
            // A full bucket (one second's allowance) plus what refills while the attempts run.
            scenario.measured("allowance", (long) Math.ceil(allowance + allowance * seconds));
            Evidence.rows("wrong-key attempts by answer", byStatus.entrySet().stream()
                    .map(entry -> row("status", entry.getKey(), "attempts", entry.getValue())).toList());
            Evidence.text("wrong-key attempts measured", attempts + " attempts in " + String.format("%.3f", seconds) + " s from 4 callers; "
                    + "published allowance " + allowance + " per second; Retry-After of the first throttled answer: " + retryAfter);
        } finally {
            callers.shutdownNow();
        }
    }

    @Then("the caller is told to slow down before the attempts run out")
    public void theCallerIsToldToSlowDown() {
        int throttled = scenario.measured("throttled");
        assertThat(throttled).as("wrong-key attempts answered with 'slow down' (rate limited)").isPositive();
        assertThat((String) scenario.measured("retry after")).as("when the throttled caller may try again (Retry-After)").isNotBlank();
    }

    @Then("no more attempts were let through than the published allowance plus {int} percent")
    public void noMoreAttemptsThanTheAllowance(int percent) {
        int letThrough = scenario.measured("let through");
        long allowance = scenario.measured("allowance");
        assertThat((double) letThrough).as("wrong-key attempts answered (not throttled), against an allowance of %d", allowance)
                .isLessThanOrEqualTo(allowance * (1 + percent / 100.0));
    }

    @When("a caller whose key has a rate limit of its own asks as fast as it can for {int} seconds")
    public void aRateLimitedCallerAsks(int seconds) {
        String key = world.environment().limitedApiKey().orElseThrow(() -> new IllegalStateException(
                "the " + world.environment().mode() + " environment has no rate-limited key; tag the scenario @requires=rate-limited-key"));
        Duration duration = Duration.ofSeconds(seconds);
        scenario.measured("rate limit probe", TimedJudgement.measure(() -> probeRateLimit(key, duration)));
        scenario.measured("rate limit probe key", key);
        scenario.measured("rate limit probe duration", duration);
    }

    private RateLimitProbe.Result probeRateLimit(String key, Duration duration) {
        long seconds = duration.toSeconds();
        RateLimitProbe.Result result = RateLimitProbe.run(scenario.http(), key, duration, 4);
        Evidence.rows("answers to the rate-limited key, second by second", result.perSecond());
        Evidence.text("rate limit measured", String.format(Locale.ROOT, "announced limit (RateLimit-Limit): %d per second%n"
                        + "asked: %d in %d s from 4 callers (%.0f per second)%nlet through: %d; told to slow down: %d (Retry-After %s)%n"
                        + "once the burst was spent: %d let through in %.3f s = %.1f per second",
                result.announced(), result.asked(), seconds, result.askedPerSecond(duration), result.letThrough(), result.throttled(),
                result.retryAfter(), result.letThroughInWindow(), result.windowSeconds(), result.rate()));
        return result;
    }

    @Then("once its burst is spent, the requests let through per second are within {int} percent of the limit announced for the key")
    public void theRateLimitHolds(int percent) {
        Duration duration = scenario.measured("rate limit probe duration");
        String key = scenario.measured("rate limit probe key");
        // callers too slow to reach twice the limit, or too few let through, can be the machine's doing; too many let through cannot
        RateLimitProbe.Result result = TimedJudgement.judge("the rate limit", scenario.measured("rate limit probe"),
                () -> TimedJudgement.measure(() -> probeRateLimit(key, duration)),
                r -> r.announced() > 0 && (r.askedPerSecond(duration) < 2.0 * r.announced() || r.rate() < r.announced() * (1 - percent / 100.0)),
                r -> String.format(Locale.ROOT, "%.1f let through per second against %d - %d %%, asking at %.0f per second", r.rate(), r.announced(),
                        percent, r.askedPerSecond(duration)));
        double asked = result.askedPerSecond(duration);
        int announced = result.announced();
        double low = announced * (1 - percent / 100.0);
        double high = announced * (1 + percent / 100.0);
        Evidence.text("rate limit judged", String.format(Locale.ROOT, "%.1f let through per second once the burst was spent, against the "
                + "announced %d ± %d %% (%.1f to %.1f), the callers asking at %.0f per second", result.rate(), announced, percent, low, high, asked));
        assertThat(result.otherAnswers()).as("answers to the rate-limited key other than 'let through' or 'slow down'").isEmpty();
        assertThat(announced).as("the key's rate limit as the platform announces it on its answers (RateLimit-Limit)").isPositive();
        assertThat(asked).as("how fast the callers asked, per second: below twice the announced %d the limit cannot be measured", announced)
                .isGreaterThanOrEqualTo(2.0 * announced);
        assertThat(result.throttled()).as("answers telling the caller to slow down, asking at %.0f per second against an announced %d per second",
                asked, announced).isPositive();
        assertThat(result.retryAfter()).as("when the throttled caller may try again (Retry-After)").isNotBlank();
        assertThat(result.rate()).as("requests let through per second once the burst was spent (%d in %.2f s), against the announced %d ± %d %%",
                result.letThroughInWindow(), result.windowSeconds(), announced, percent)
                .isBetween(low, high);
    }

    @When("a team sends a signature twice as large as the body limit")
    public void aTeamSendsAnOversizedSignature() {
        long limit = scenario.publishedLimit("body_bytes");
        String name = world.uniqueName("oversized");
        String definition = "signature " + name + ": :string question -> :string answer" + " ".repeat((int) (2 * limit));
        String body = Json.object().put("definition", definition).toString();
        // The platform refuses from the declared length and closes; a client still writing the body may then
        // read no answer at all. Such a transport failure says nothing about the platform, so the same request
        // is sent again (at most three times, each attempt in the evidence).
        RawHttp.Exchange answer = null;
        for (int attempt = 1; attempt <= 3 && (answer == null || answer.status() == 0); attempt++) {
            answer = scenario.http().send("POST", "/api/signatures", scenario.keyed(), body.getBytes(StandardCharsets.UTF_8));
            Evidence.text("attempt " + attempt + ": answer to a body of " + body.length() + " bytes (limit " + limit + ")", answer.summary());
        }
        scenario.measured("oversized answer", answer);
        scenario.measured("oversized name", name);
    }

    @Then("the request is refused as too large")
    public void theRequestIsRefusedAsTooLarge() {
        RawHttp.Exchange answer = scenario.measured("oversized answer");
        assertThat(answer.status()).as("status of the oversized request (%s)", answer.summary()).isEqualTo(TOO_LARGE);
        assertThat(answer.errorType()).as("reason given").isEqualTo("payload_too_large");
        Outcome lookup = world.signatures().findByName(scenario.measured("oversized name"));
        assertThat(lookup.wasAccepted()).as("a signature stored from the refused request").isFalse();
    }

    @When("a team names programs after injection strings:")
    public void aTeamNamesProgramsAfterInjectionStrings(List<String> names) {
        List<Program> created = new ArrayList<>();
        for (String name : names) {
            created.add(world.programs().create(name, world.signature().id(), "native", null)
                    .orFail("creating a program named " + name));
        }
        scenario.measured("injection programs", created);
        scenario.measured("injection names", names);
    }

    @Then("each program reads back with exactly the name it was given")
    public void eachProgramReadsBackVerbatim() {
        List<Program> created = scenario.measured("injection programs");
        List<String> names = scenario.measured("injection names");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < created.size(); i++) {
            RawHttp.Exchange read = scenario.http().get("/api/programs/" + created.get(i).id(), scenario.keyed());
            String stored = read.status() == 200 ? Json.parse(read.body()).path("name").asText() : null;
            rows.add(row("given", names.get(i), "read back", read.status() == 200 ? stored : read.summary(), "verbatim", names.get(i).equals(stored)));
        }
        Evidence.rows("program names given and read back", rows);
        assertThat(rows).as("programs whose name did not read back verbatim").allMatch(row -> Boolean.TRUE.equals(row.get("verbatim")));
    }

    @Then("looking a signature up by an injection string finds nothing")
    public void lookingUpByInjectionFindsNothing() {
        List<String> names = scenario.measured("injection names");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String name : names) {
            Outcome lookup = world.signatures().findByName(name);
            rows.add(row("looked up", name, "found", lookup.wasAccepted(), "reason", lookup.wasAccepted() ? "" : lookup.rejection().reason()));
            assertThat(lookup.wasAccepted()).as("a signature found by the injection string %s: %s", name, lookup.accepted()).isFalse();
            assertThat(lookup.rejection().reason()).as("reason for finding nothing").isEqualTo("not_found");
        }
        String real = world.signature().name();
        Outcome<Signature> own = world.signatures().findByName(real);
        rows.add(row("looked up", real, "found", own.wasAccepted(), "reason", "the scenario's own signature"));
        Evidence.rows("lookups by injection strings", rows);
        assertThat(own.orFail("looking up the scenario's own signature").name()).as("own signature still found").isEqualTo(real);
    }

    @When("the suite collects what the platform shows about itself")
    public void theSuiteCollectsWhatThePlatformShows() throws IOException {
        RawHttp http = scenario.http();
        SecretScan scan = new SecretScan()
                .secret("API key", world.environment().apiKey())
                .secret("rate-limited API key", world.environment().limitedApiKey().orElse(null))
                .secret("database password", world.environment().database().map(db -> db.password()).orElse(null));
        scan.source("health", http.get("/health", Map.of()).body());
        scan.source("metrics", http.get("/metrics", Map.of()).body());
        scan.source("published description", http.get(ApiDescription.PUBLISHED_AT, Map.of()).body());
        scan.source("refusal of a wrong key", http.get("/api/adapters", Map.of("Authorization", "Bearer not-" + world.environment().apiKey())).body());
        scan.source("missing resource", http.get("/api/programs/00000000-0000-4000-8000-000000000000", scenario.keyed()).body());
        scan.source("malformed body", http.send("POST", "/api/signatures", scenario.keyed(), "{oops".getBytes(StandardCharsets.UTF_8)).body());
        Path log = world.environment().platformLog().orElseThrow(() -> new AssertionError("this environment does not capture the platform log"));
        scan.source("platform log", Files.readString(log));
        scenario.measured("secret scan", scan);
        Evidence.rows("where the suite looked for secrets", scan.table());
    }

    @Then("no API key or database password appears in any of it")
    public void noSecretAppears() {
        SecretScan scan = scenario.measured("secret scan");
        assertThat(scan.findings()).as("secrets found in what the platform shows").isEmpty();
    }

    @Then("the Python workers do not inherit the platform's secrets")
    public void workersDoNotInheritSecrets() {
        JsonNode pids = scenario.health().path("components").path("python_bridge").path("worker_pids");
        assertThat(pids.size()).as("worker processes the platform reports (health)").isPositive();
        String key = world.environment().apiKey();
        String password = world.environment().database().map(db -> db.password()).orElse("");
        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> leaks = new ArrayList<>();
        for (JsonNode pid : pids) {
            Map<String, String> environment = world.environment().host().processEnvironment(pid.asLong());
            environment.forEach((name, value) -> {
                boolean secretName = name.startsWith("PROOFGATE_") && (name.contains("KEY") || name.contains("PASSWORD") || name.contains("DB_"));
                boolean secretValue = value.contains(key) || (!password.isEmpty() && value.equals(password));
                if (secretName || secretValue) {
                    leaks.add("worker " + pid.asLong() + " has " + name + (secretValue ? " holding a secret" : ""));
                }
            });
            rows.add(row("worker pid", pid.asLong(), "variables", environment.size(), "variable names", String.join(" ", new TreeSet<>(environment.keySet()))));
        }
        Evidence.rows("environment of every Python worker (names only)", rows);
        assertThat(leaks).as("secrets in the Python workers' environment").isEmpty();
    }

    @When("the suite asks for health, metrics, an operation, a refusal and a missing page")
    public void theSuiteAsksForEveryKindOfAnswer() {
        RawHttp http = scenario.http();
        Map<String, RawHttp.Exchange> answers = new LinkedHashMap<>();
        answers.put("health", http.get("/health", Map.of()));
        answers.put("metrics", http.get("/metrics", Map.of()));
        answers.put("an operation", http.get("/api/adapters", scenario.keyed()));
        answers.put("a refusal", http.get("/api/adapters", Map.of()));
        answers.put("a missing page", http.get("/no-such-page", scenario.keyed()));
        scenario.measured("kinds of answer", answers);
    }

    @Then("every answer carries these security headers:")
    public void everyAnswerCarriesTheseHeaders(DataTable expected) {
        Map<String, RawHttp.Exchange> answers = scenario.measured("kinds of answer");
        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Map<String, String> header : expected.asMaps()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("header", header.get("header"));
            answers.forEach((kind, answer) -> {
                String value = answer.header(header.get("header"));
                row.put(kind, value == null ? "(absent)" : value);
                if (!header.get("value").equals(value)) {
                    missing.add(kind + ": " + header.get("header") + " is " + (value == null ? "absent" : "'" + value + "'")
                            + ", expected '" + header.get("value") + "'");
                }
            });
            rows.add(row);
        }
        Evidence.rows("security headers by kind of answer", rows);
        assertThat(missing).as("security headers missing or wrong").isEmpty();
    }

    static Map<String, Object> row(Object... keysAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put(String.valueOf(keysAndValues[i]), keysAndValues[i + 1]);
        }
        return row;
    }
}
