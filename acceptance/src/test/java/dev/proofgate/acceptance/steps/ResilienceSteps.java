package dev.proofgate.acceptance.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proofgate.acceptance.budgets.Budget;
import dev.proofgate.acceptance.budgets.BudgetTable;
import dev.proofgate.acceptance.budgets.Measure;
import dev.proofgate.acceptance.drivers.Program;
import dev.proofgate.acceptance.drivers.database.ExecutionRecords;
import dev.proofgate.acceptance.faults.FaultRun;
import dev.proofgate.acceptance.faults.Ledger;
import dev.proofgate.acceptance.faults.Reconciliation;
import dev.proofgate.acceptance.world.ReadinessWorld;
import dev.proofgate.gate.machine.TimedJudgement;
import dev.proofgate.gate.support.Evidence;
import dev.proofgate.gate.support.Waits;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opentest4j.TestAbortedException;

/** Faults under load: the questions that keep coming, the fault, the recovery and the ledger afterwards. */
public final class ResilienceSteps {

    static final String RECOVERS_WITHIN = "the platform recovers within these budgets:";
    static final String LEDGER_SHOWS_AT_MOST =
            "once the questions stop, the ledger of accepted executions shows at most:";

    private static final Map<String, String> FAULT_PHRASES = Map.of(
            "the database was away", "database away",
            "the network was cut", "network to the database cut",
            "the network was slow", "network to the database slowed");

    private final ReadinessWorld world;

    public ResilienceSteps(ReadinessWorld world) {
        this.world = world;
    }

    private FaultRun run() {
        return world.faultRun();
    }

    // --- load ------------------------------------------------------------------------------------

    @Given("a program that answers with the {string} adapter, taking {int} ms per question")
    public void aSlowProgram(String adapter, int latencyMillis) {
        Map<String, Object> config = Map.of("latency_ms", latencyMillis);
        Program program = world.programs()
                .create(
                        world.uniqueName("slow_program_" + adapter),
                        world.signature().id(),
                        adapter,
                        config)
                .orFail("creating a program on the '" + adapter + "' adapter taking " + latencyMillis + " ms");
        world.program(adapter, program);
    }

    @Given("users ask {int} questions per second on every program")
    public void usersAskQuestionsPerSecond(int perSecond) {
        Map<String, String> programs = new LinkedHashMap<>();
        for (String adapter : List.of("native", "python_port")) {
            try {
                programs.put(adapter, world.program(adapter).id());
            } catch (IllegalStateException noProgramOnThatAdapter) {
                // the scenario did not create one: the stream covers the programs it did create
            }
        }
        assertThat(programs).as("programs for the questions to go to").isNotEmpty();
        run().startStream(programs, perSecond);
        Evidence.text("question stream", perSecond + " questions per second to each of " + programs);
    }

    @Given("at least {int} of them have completed")
    public void atLeastSomeHaveCompleted(int count) {
        Waits.until(
                count + " streamed executions to complete before the fault",
                world.settings().awaitTimeout(),
                () -> run().rows(run().acceptedIds()).values().stream()
                        .filter(r -> "completed".equals(r.status()))
                        .count(),
                completed -> completed >= count);
    }

    @When("a user's question is accepted")
    public void aUsersQuestionIsAccepted() {
        Ledger.Entry entry = run().submitOne(world.adapter(), world.program().id(), "Is an accepted question kept?");
        assertThat(entry.seen())
                .as("what the client saw for the question (%s)", entry.detail())
                .isEqualTo(Ledger.Seen.ACCEPTED);
        Evidence.text("accepted", "execution " + entry.executionId() + " accepted in " + entry.latencyMillis() + " ms");
    }

    @Given("{int} question(s) is/are being answered")
    public void questionsAreBeingAnswered(int count) {
        for (int i = 0; i < count; i++) {
            Ledger.Entry entry =
                    run().submitOne(world.adapter(), world.program().id(), "in-flight question " + i);
            assertThat(entry.seen())
                    .as("what the client saw for in-flight question %d (%s)", i, entry.detail())
                    .isEqualTo(Ledger.Seen.ACCEPTED);
        }
        run().awaitRunning(count);
        Evidence.rows(
                "executions running before the fault",
                rows(run().rows(run().acceptedIds()).values()));
    }

    // --- faults ----------------------------------------------------------------------------------

    @When("a Python worker is killed")
    public void aPythonWorkerIsKilled() {
        run().killWorker(world.faults());
    }

    @When("the database goes away for {int} seconds")
    public void theDatabaseGoesAway(int seconds) {
        run().databaseAway(world.faults(), Duration.ofSeconds(seconds));
    }

    @When("the platform crashes and is started again on the same data")
    public void thePlatformCrashes() {
        run().crashAndRestart(world.faults());
    }

    @When("the platform is asked to stop and is started again on the same data")
    public void thePlatformIsAskedToStop() {
        run().stopAndRestart(world.faults(), world.settings().awaitTimeout());
    }

    @When("the network between the platform and its database is cut for {int} seconds")
    public void theNetworkIsCut(int seconds) {
        run().networkCut(world.faults(), Duration.ofSeconds(seconds));
    }

    @When("the network between the platform and its database is slowed by {int} ms for {int} seconds")
    public void theNetworkIsSlowed(int latencyMillis, int seconds) {
        run().networkSlow(world.faults(), Duration.ofMillis(latencyMillis), Duration.ofSeconds(seconds));
    }

    @When("the questions keep coming for {int} more seconds")
    public void theQuestionsKeepComing(int seconds) {
        run().keepStreaming(Duration.ofSeconds(seconds));
    }

    @When("every connection between the platform and its database is reset")
    public void everyConnectionIsReset() {
        run().resetConnections(world.faults());
    }

    // --- during the fault ------------------------------------------------------------------------

    @Then(
            "^while (the database was away|the network was cut|the network was slow), new questions were refused with a hint to retry later$")
    public void newQuestionsWereRefused(String phrase) {
        Ledger.Fault fault = run().fault(FAULT_PHRASES.get(phrase));
        List<Ledger.Entry> during = run().ledger().during(fault);
        Evidence.rows("what the client saw while " + phrase.substring(4), summary(during));
        assertThat(during)
                .as("questions asked and answered while %s", phrase.substring(4))
                .isNotEmpty();
        assertThat(during)
                .as("questions accepted while %s (accepted must mean committed)", phrase.substring(4))
                .noneMatch(e -> e.seen() == Ledger.Seen.ACCEPTED);
        assertThat(during)
                .as("questions while %s that were not refused cleanly with a retry hint", phrase.substring(4))
                .allMatch(Ledger.Entry::refusedWithRetryHint);
    }

    @Then(
            "^while (the database was away|the network was cut|the network was slow), the platform reported itself not ready$")
    public void thePlatformReportedNotReady(String phrase) {
        List<FaultRun.Sample> samples = run().readinessDuring(FAULT_PHRASES.get(phrase));
        List<Map<String, Object>> rows = new ArrayList<>();
        samples.forEach(s -> rows.add(Map.of("at", s.at(), "ready", s.ready())));
        Evidence.rows("readiness while " + phrase.substring(4), rows);
        assertThat(samples).as("readiness probes while %s", phrase.substring(4)).isNotEmpty();
        assertThat(samples)
                .as("readiness probes while %s that said ready", phrase.substring(4))
                .noneMatch(FaultRun.Sample::ready);
    }

    @Then(
            "^while (the database was away|the network was cut|the network was slow), every question got a clear answer within (\\d+) seconds?$")
    public void everyQuestionGotAClearAnswer(String phrase, int seconds) {
        Ledger.Fault fault = run().fault(FAULT_PHRASES.get(phrase));
        List<Ledger.Entry> during = run().ledger().entries().stream()
                .filter(e -> e.sentAt() >= fault.startedAt() && e.sentAt() <= fault.endedAt())
                .toList();
        Evidence.rows("what the client saw while " + phrase.substring(4), summary(during));
        assertThat(during).as("questions asked while %s", phrase.substring(4)).isNotEmpty();
        assertThat(during)
                .as(
                        "questions while %s answered neither with an acceptance nor a refusal with a retry hint",
                        phrase.substring(4))
                .allMatch(e -> e.seen() == Ledger.Seen.ACCEPTED || e.refusedWithRetryHint());
        assertThat(during.stream().mapToLong(Ledger.Entry::latencyMillis).max().orElse(0))
                .as("slowest answer while %s, in ms", phrase.substring(4))
                .isLessThanOrEqualTo(seconds * 1000L);
    }

    // --- recovery and the ledger -----------------------------------------------------------------

    @Then(RECOVERS_WITHIN)
    public void thePlatformRecoversWithin(List<Budget> budgets) {
        List<Budget> lines = BudgetTable.of(budgets, Measure.Kind.RECOVERY).budgets();
        List<String> names =
                lines.stream().map(budget -> budget.measure().words()).toList();
        Map<String, Duration> measured = TimedJudgement.judge(
                "recovery after " + run().lastFaultName(),
                run().recovery(names),
                () -> run().recoveryOfTheFaultAgain(names),
                values -> !breaches(lines, values).isEmpty(),
                values -> String.join("; ", breaches(lines, values)));
        List<Map<String, Object>> verdicts = new ArrayList<>();
        for (Budget budget : lines) {
            double millis = millis(measured.get(budget.measure().words()));
            verdicts.add(verdict(budget, budget.amount(millis), budget.holds(millis)));
        }
        Evidence.rows("recovery against its budgets", verdicts);
        assertThat(breaches(lines, measured)).as("recovery budgets breached").isEmpty();
    }

    private static List<String> breaches(List<Budget> lines, Map<String, Duration> measured) {
        List<String> breaches = new ArrayList<>();
        for (Budget budget : lines) {
            double millis = millis(measured.get(budget.measure().words()));
            if (!budget.holds(millis)) {
                breaches.add(budget.missedBy(millis));
            }
        }
        return breaches;
    }

    private static double millis(Duration duration) {
        return duration.toNanos() / 1e6;
    }

    @Then(LEDGER_SHOWS_AT_MOST)
    public void theLedgerShowsAtMost(List<Budget> budgets) {
        List<Budget> lines = BudgetTable.of(budgets, Measure.Kind.LEDGER).budgets();
        Duration bound = lines.stream()
                .filter(b -> b.measure() == Measure.ALL_ACCEPTED_FINISHED)
                .map(Budget::duration)
                .findFirst()
                .orElse(world.settings().awaitTimeout());
        Reconciliation ledger = run().reconcile(bound);
        Map<String, Long> counts = ledger.counts();
        List<Map<String, Object>> verdicts = new ArrayList<>();
        List<String> breaches = new ArrayList<>();
        for (Budget budget : lines) {
            if (budget.measure() == Measure.ALL_ACCEPTED_FINISHED) {
                continue; // a bound, enforced as "lost": not finished within it
            }
            Long count = counts.get(budget.measure().words());
            if (count == null) {
                throw new IllegalStateException(
                        "the ledger counts no '" + budget.measure().words() + "'; it counts " + counts.keySet());
            }
            boolean within = budget.holds(count);
            verdicts.add(verdict(budget, count, within));
            if (!within) {
                breaches.add(budget.missedBy(count));
            }
        }
        Evidence.rows("ledger against its budgets", verdicts);
        assertThat(ledger.accepted())
                .as("accepted executions in the ledger (a ledger of nothing proves nothing)")
                .isPositive();
        assertThat(breaches)
                .as("ledger of %d accepted executions; anomalies: %s", ledger.accepted(), ledger.anomalies())
                .isEmpty();
    }

    @Then("while it ran, its lease was renewed and never handed to another claim")
    public void itsLeaseWasRenewed() {
        List<ExecutionRecords.Row> samples = run().watchFirstAccepted();
        Evidence.rows("the execution's lease while it ran", rows(samples));
        List<ExecutionRecords.Row> running =
                samples.stream().filter(r -> "running".equals(r.status())).toList();
        assertThat(running).as("samples of the execution while it ran").isNotEmpty();
        requireLeaseShorterThanTheModel(running.get(0));
        ExecutionRecords.Row last = samples.get(samples.size() - 1);
        assertThat(last.attempts())
                .as("attempts of the execution (more than one: its lease was handed to another claim)")
                .isEqualTo(1);
        assertThat(running.stream()
                        .map(ExecutionRecords.Row::leaseOwner)
                        .distinct()
                        .toList())
                .as("claims that held the lease while it ran")
                .hasSize(1);
        long firstExpiry = running.get(0).leaseExpiresAt();
        assertThat(last.completedAt())
                .as("completion time against the end of its first lease (the execution must outlive its lease)")
                .isGreaterThan(firstExpiry);
        assertThat(running.stream()
                        .mapToLong(ExecutionRecords.Row::leaseExpiresAt)
                        .max()
                        .orElse(0))
                .as("latest lease expiry against the first (a renewed lease moves forward)")
                .isGreaterThan(firstExpiry);
    }

    /**
     * The scenario's premise: the model takes longer than the platform's lease, so the lease must be
     * renewed. The lease is read from the database (expiry of the first claim minus its start); where the
     * environment cannot shorten it (a deployed platform), the scenario is not run rather than failed.
     */
    private void requireLeaseShorterThanTheModel(ExecutionRecords.Row firstClaim) {
        long model = world.program("native").latencyMs();
        long lease = firstClaim.leaseExpiresAt() - firstClaim.startedAt();
        if (model > 0 && firstClaim.startedAt() > 0 && lease >= model) {
            throw new TestAbortedException("not run: its premise could not be arranged: the platform's lease (" + lease
                    + " ms, from its database) is not shorter than the model's " + model
                    + " ms, so it never runs out while the"
                    + " execution runs; the " + world.environment().mode()
                    + " environment cannot shorten it (embedded and containers set 3 s)");
        }
    }

    @Then("it can be read back at once, from the platform and from its database")
    public void itCanBeReadBackAtOnce() {
        String id = run().acceptedIds().get(0);
        Map<String, ExecutionRecords.Row> rows = run().rows(List.of(id));
        String apiStatus = run().statusFromApi(id);
        Evidence.text(
                "read back at once",
                "execution " + id + ": the platform says '" + apiStatus + "', the database says "
                        + (rows.containsKey(id) ? "'" + rows.get(id).status() + "'" : "nothing"));
        assertThat(rows).as("the database's row of the execution just accepted").containsKey(id);
        assertThat(apiStatus)
                .as("the platform's answer for the execution just accepted")
                .isIn("queued", "running", "completed", "failed");
    }

    // --- helpers ---------------------------------------------------------------------------------

    private static Map<String, Object> verdict(Budget budget, Object measured, boolean within) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("measure", budget.measure().words());
        row.put("limit", budget.limitText());
        row.put("measured", measured);
        row.put("verdict", within ? "within" : "BREACHED");
        return row;
    }

    private static List<Map<String, Object>> summary(List<Ledger.Entry> entries) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        entries.forEach(e -> counts.merge(
                e.seen()
                        + (e.detail() == null ? "" : " " + e.detail())
                        + (e.retryAfter() == null ? "" : " (retry after " + e.retryAfter() + " s)"),
                1L,
                Long::sum));
        List<Map<String, Object>> rows = new ArrayList<>();
        counts.forEach((what, count) -> rows.add(Map.of("what the client saw", what, "questions", count)));
        return rows;
    }

    private static List<Map<String, Object>> rows(java.util.Collection<ExecutionRecords.Row> records) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ExecutionRecords.Row r : records) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("execution", r.id());
            row.put("status", r.status());
            row.put("attempts", r.attempts());
            row.put("completions", r.completions());
            row.put("lease owner", r.leaseOwner());
            row.put(
                    "lease expires",
                    r.leaseExpiresAt() == 0
                            ? ""
                            : java.time.Instant.ofEpochMilli(r.leaseExpiresAt()).toString());
            rows.add(row);
        }
        return rows;
    }
}
