package dev.proofgate.acceptance.steps;

import static dev.proofgate.acceptance.steps.SecuritySteps.row;
import static org.assertj.core.api.Assertions.assertThat;

import dev.proofgate.acceptance.checklists.ChecklistScenario;
import dev.proofgate.acceptance.checklists.SettingsCatalogue;
import dev.proofgate.acceptance.checklists.state.BackupOutcome;
import dev.proofgate.acceptance.checklists.state.BadStarts;
import dev.proofgate.acceptance.checklists.state.GracefulStop;
import dev.proofgate.acceptance.checklists.state.Restart;
import dev.proofgate.acceptance.drivers.Execution;
import dev.proofgate.acceptance.drivers.OperationsApi;
import dev.proofgate.acceptance.drivers.database.BackupRoundTrip;
import dev.proofgate.acceptance.world.ReadinessWorld;
import dev.proofgate.gate.machine.TimedJudgement;
import dev.proofgate.gate.support.Evidence;
import dev.proofgate.gate.support.Waits;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The operations checklist: configuration caught at start-up, start, stop, restart, backup and restore. */
public final class OperationsSteps {

    private final ReadinessWorld world;
    private final ChecklistScenario scenario;
    private final BadStarts badStarts;
    private final Restart restart;
    private final GracefulStop stop;
    private final BackupOutcome backup;

    public OperationsSteps(
            ReadinessWorld world,
            ChecklistScenario scenario,
            BadStarts badStarts,
            Restart restart,
            GracefulStop stop,
            BackupOutcome backup) {
        this.world = world;
        this.scenario = scenario;
        this.badStarts = badStarts;
        this.restart = restart;
        this.stop = stop;
        this.backup = backup;
    }

    @When("the platform is started once per setting with a bad value for that setting")
    public void thePlatformIsStartedWithBadSettings() {
        SettingsCatalogue catalogue = SettingsCatalogue.read(world.environment().host());
        Evidence.json("the platform's own list of its settings", catalogue.text());
        Evidence.text(
                "settings that accept any value (no bad value to try)",
                String.join(
                        "\n",
                        catalogue.badValues().entrySet().stream()
                                .filter(entry -> entry.getValue().isEmpty())
                                .map(Map.Entry::getKey)
                                .toList()));
        badStarts.record(catalogue, TimedJudgement.measure(() -> startWithEachBadValue(catalogue)));
    }

    private List<SettingsCatalogue.BadStart> startWithEachBadValue(SettingsCatalogue catalogue) {
        List<SettingsCatalogue.BadStart> starts =
                catalogue.startWithEachBadValue(world.environment().host());
        Evidence.rows(
                "one start per bad setting",
                starts.stream()
                        .map(start -> row(
                                "setting",
                                start.setting(),
                                "bad value",
                                start.value(),
                                "exit code",
                                start.ending().exitCode(),
                                "ms",
                                start.ending().took().toMillis(),
                                "lines",
                                start.ending().output().size(),
                                "output",
                                String.join(" | ", start.ending().output())))
                        .toList());
        return starts;
    }

    @Then("every start stopped within {int} second(s) with exit code {int} and one line naming the setting")
    public void everyStartStopped(int seconds, int exitCode) {
        // only a start that was right in every way but slow can be explained by a disturbed machine
        List<SettingsCatalogue.BadStart> starts = TimedJudgement.judge(
                "bad starts",
                badStarts.starts(),
                () -> TimedJudgement.measure(() -> startWithEachBadValue(badStarts.catalogue())),
                measured -> SettingsCatalogue.onlySlow(measured, seconds, exitCode),
                measured -> String.join("; ", SettingsCatalogue.wrongStarts(measured, seconds, exitCode)));
        assertThat(starts).as("settings with a bad value to try").isNotEmpty();
        assertThat(SettingsCatalogue.wrongStarts(starts, seconds, exitCode))
                .as("bad settings not stopped as required")
                .isEmpty();
    }

    @Given("a user asked {string} and got an answer")
    public void aUserAskedAndGotAnAnswer(String question) {
        Execution submitted = world.executions()
                .submit(world.program().id(), Map.of("question", question))
                .orFail("asking " + question);
        String id = submitted.id();
        Execution done = Waits.until(
                "execution " + id + " to complete",
                scenario.awaitTimeout(),
                () -> world.executions().get(id).orFail("reading " + id),
                e -> "completed".equals(e.status()));
        world.execution(world.adapter(), done);
        Evidence.text("the answered execution", done.toString());
    }

    @When("the platform is stopped and started again")
    public void thePlatformIsStoppedAndStartedAgain() {
        Map<String, OperationsApi.View> before = currentViews();
        restart.record(before, TimedJudgement.measure(this::stopAndStart));
    }

    /** Stops the platform and starts it again; returns the time from the start to ready. */
    private Duration stopAndStart() {
        Duration stop = world.faults().stopPlatform(Duration.ofSeconds(30));
        Duration start = world.faults().startPlatform();
        Evidence.text(
                "restart",
                "stopped (SIGTERM) in " + stop.toMillis() + " ms; started and ready in " + start.toMillis() + " ms");
        return start;
    }

    @Then("start-up took at most:")
    public void startUpTookAtMost(Map<String, String> budget) {
        long budgetMs = Math.round(Double.parseDouble(budget.get("budget seconds")) * 1000);
        Duration start = TimedJudgement.judge(
                "start-up",
                restart.startUp(),
                () -> TimedJudgement.measure(this::stopAndStart),
                took -> took.toMillis() > budgetMs,
                took -> "start-up to ready " + took.toMillis() + " ms, budget " + budgetMs + " ms");
        Evidence.rows(
                "start-up against its budget", List.of(row("measured ms", start.toMillis(), "budget ms", budgetMs)));
        assertThat(start.toMillis())
                .as("start-up to ready, in ms (budget %d ms)", budgetMs)
                .isLessThanOrEqualTo(budgetMs);
    }

    @Then("the signature, the program and the execution read back unchanged")
    public void theyReadBackUnchanged() {
        Map<String, OperationsApi.View> before = restart.viewsBefore();
        Map<String, OperationsApi.View> after = currentViews();
        Evidence.json("before the restart", OperationsApi.View.text(before));
        Evidence.json("after the restart", OperationsApi.View.text(after));
        before.forEach((what, view) -> assertThat(after.get(what).differenceFrom(view))
                .as("how the %s changed over the restart", what)
                .isEmpty());
    }

    /** The scenario's signature, program and execution as the platform shows them. */
    private Map<String, OperationsApi.View> currentViews() {
        Map<String, OperationsApi.View> views = new LinkedHashMap<>();
        views.put(
                "signature",
                shown(OperationsApi.Resource.SIGNATURE, world.signature().id()));
        views.put(
                "program", shown(OperationsApi.Resource.PROGRAM, world.program().id()));
        views.put(
                "execution",
                shown(OperationsApi.Resource.EXECUTION, world.execution().id()));
        return views;
    }

    private OperationsApi.View shown(OperationsApi.Resource resource, String id) {
        return scenario.operations()
                .shown(resource, id)
                .orElseThrow(() -> new AssertionError(
                        "the platform does not find the " + resource.name().toLowerCase() + " " + id));
    }

    @When("the platform is stopped while the question is being answered")
    public void thePlatformIsStoppedWhileAnswering() throws IOException {
        String id = world.execution().id();
        Waits.until(
                "execution " + id + " to be running",
                scenario.awaitTimeout(),
                () -> world.executions().get(id).orFail("reading " + id),
                e -> "running".equals(e.status()));
        String logBefore = platformLog();
        Duration took = world.faults().stopPlatform(Duration.ofSeconds(60));
        String written = platformLog().substring(logBefore.length());
        stop.record(took, written);
        Evidence.text("platform log while stopping (" + took.toMillis() + " ms)", written);
    }

    @Then("the platform stopped within its grace period and said it stopped cleanly")
    public void thePlatformStoppedCleanly() {
        assertThat(stop.log()).as("platform log while stopping").contains("stopped cleanly");
        assertThat(stop.took())
                .as("time from SIGTERM to exit (default grace 20 s)")
                .isLessThan(Duration.ofSeconds(20));
    }

    @When("the platform is started again")
    public void thePlatformIsStartedAgain() {
        Evidence.text("start-up", "ready in " + world.faults().startPlatform().toMillis() + " ms");
    }

    @Then("the question is answered exactly once")
    public void theQuestionIsAnsweredExactlyOnce() {
        String id = world.execution().id();
        Execution execution = world.executions().get(id).orFail("reading " + id);
        Evidence.text("the execution after the restart", execution.toString());
        assertThat(execution.status())
                .as("status of the execution in hand at the stop (%s)", execution.error())
                .isEqualTo("completed");
        assertThat(execution.attempts())
                .as("attempts: the drained execution must not have been run again")
                .isEqualTo(1);
    }

    @When("the platform's database is backed up and restored into an empty database")
    public void theDatabaseIsBackedUpAndRestored() {
        List<BackupRoundTrip.TableComparison> tables =
                new BackupRoundTrip(world.environment().database().orElseThrow()).run();
        backup.record(tables);
        Evidence.rows(
                "backup and restore, table by table",
                tables.stream()
                        .map(t -> row(
                                "table",
                                t.table(),
                                "original rows",
                                t.originalRows(),
                                "restored rows",
                                t.restoredRows(),
                                "backup bytes",
                                t.backupBytes(),
                                "original digest",
                                t.originalDigest(),
                                "restored digest",
                                t.restoredDigest()))
                        .toList());
    }

    @Then("the restored database holds every signature, program and execution of the original")
    public void theRestoredDatabaseHoldsEverything() {
        List<BackupRoundTrip.TableComparison> tables = backup.tables();
        assertThat(tables)
                .extracting(BackupRoundTrip.TableComparison::table)
                .as("tables backed up")
                .contains("signatures", "programs", "executions");
        for (BackupRoundTrip.TableComparison table : tables) {
            if (List.of("signatures", "programs", "executions").contains(table.table())) {
                assertThat(table.originalRows())
                        .as("rows of %s in the original", table.table())
                        .isPositive();
            }
            assertThat(table.restoredRows())
                    .as("rows of %s restored", table.table())
                    .isEqualTo(table.originalRows());
            assertThat(table.restoredDigest())
                    .as("digest over every row of %s restored", table.table())
                    .isEqualTo(table.originalDigest());
        }
    }

    /** The platform log as it stands now (a container's log is read afresh each time). */
    private String platformLog() throws IOException {
        Path log = world.environment()
                .platformLog()
                .orElseThrow(() -> new AssertionError("this environment does not capture the platform log"));
        return Files.readString(log);
    }
}
