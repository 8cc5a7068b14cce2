package dev.proofgate.acceptance.steps;

import static dev.proofgate.acceptance.steps.SecuritySteps.row;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proofgate.acceptance.checklists.BackupRoundTrip;
import dev.proofgate.acceptance.checklists.ChecklistScenario;
import dev.proofgate.acceptance.checklists.RawHttp;
import dev.proofgate.acceptance.checklists.SettingsCatalogue;
import dev.proofgate.acceptance.drivers.Execution;
import dev.proofgate.acceptance.environment.PlatformHost;
import dev.proofgate.acceptance.machine.TimedJudgement;
import dev.proofgate.acceptance.support.Evidence;
import dev.proofgate.acceptance.support.Json;
import dev.proofgate.acceptance.support.Waits;
import dev.proofgate.acceptance.world.ReadinessWorld;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The operations checklist: configuration caught at start-up, start, stop, restart, backup and restore. */
public final class OperationsSteps {

    private final ReadinessWorld world;
    private final ChecklistScenario scenario;

    public OperationsSteps(ReadinessWorld world, ChecklistScenario scenario) {
        this.world = world;
        this.scenario = scenario;
    }

    @When("the platform is started once per setting with a bad value for that setting")
    public void thePlatformIsStartedWithBadSettings() {
        SettingsCatalogue catalogue = SettingsCatalogue.read(world.environment().host());
        Evidence.json("the platform's own list of its settings", catalogue.document().toPrettyString());
        Evidence.text("settings that accept any value (no bad value to try)", String.join("\n", catalogue.badValues().entrySet().stream()
                .filter(entry -> entry.getValue().isEmpty()).map(Map.Entry::getKey).toList()));
        scenario.measured("settings catalogue", catalogue);
        scenario.measured("bad starts", TimedJudgement.measure(() -> startWithEachBadValue(catalogue)));
    }

    private List<SettingsCatalogue.BadStart> startWithEachBadValue(SettingsCatalogue catalogue) {
        List<SettingsCatalogue.BadStart> starts = catalogue.startWithEachBadValue(world.environment().host());
        Evidence.rows("one start per bad setting", starts.stream().map(start -> row("setting", start.setting(), "bad value", start.value(),
                "exit code", start.ending().exitCode(), "ms", start.ending().took().toMillis(), "lines", start.ending().output().size(),
                "output", String.join(" | ", start.ending().output()))).toList());
        return starts;
    }

    @Then("every start stopped within {int} second(s) with exit code {int} and one line naming the setting")
    public void everyStartStopped(int seconds, int exitCode) {
        SettingsCatalogue catalogue = scenario.measured("settings catalogue");
        // only a start that was right in every way but slow can be explained by a disturbed machine
        List<SettingsCatalogue.BadStart> starts = TimedJudgement.judge("bad starts", scenario.measured("bad starts"),
                () -> TimedJudgement.measure(() -> startWithEachBadValue(catalogue)),
                measured -> !slowStarts(measured, seconds).isEmpty() && misbehavedStarts(measured, exitCode).isEmpty(),
                measured -> String.join("; ", wrongStarts(measured, seconds, exitCode)));
        assertThat(starts).as("settings with a bad value to try").isNotEmpty();
        assertThat(wrongStarts(starts, seconds, exitCode)).as("bad settings not stopped as required").isEmpty();
    }

    private static List<String> wrongStarts(List<SettingsCatalogue.BadStart> starts, int seconds, int exitCode) {
        List<String> wrong = new ArrayList<>();
        for (SettingsCatalogue.BadStart start : starts) {
            String misbehaviour = misbehaviour(start, exitCode);
            if (misbehaviour != null) {
                wrong.add(misbehaviour);
            } else if (slow(start, seconds) != null) {
                wrong.add(slow(start, seconds));
            }
        }
        return wrong;
    }

    /** Starts that did not stop as required in any way but time: only these a disturbed machine cannot explain. */
    private static List<String> misbehavedStarts(List<SettingsCatalogue.BadStart> starts, int exitCode) {
        return starts.stream().map(start -> misbehaviour(start, exitCode)).filter(Objects::nonNull).toList();
    }

    private static List<String> slowStarts(List<SettingsCatalogue.BadStart> starts, int seconds) {
        return starts.stream().map(start -> slow(start, seconds)).filter(Objects::nonNull).toList();
    }

    private static String misbehaviour(SettingsCatalogue.BadStart start, int exitCode) {
        PlatformHost.Ending ending = start.ending();
        String what = start.setting() + "=" + start.value();
        if (ending.stillRunning()) {
            return what + ": the platform went on starting (killed)";
        } else if (ending.exitCode() != exitCode) {
            return what + ": exit code " + ending.exitCode() + ", output " + ending.output();
        } else if (ending.output().size() != 1 || !ending.output().get(0).contains(start.setting())) {
            return what + ": expected one line naming the setting, got " + ending.output();
        }
        return null;
    }

    private static String slow(SettingsCatalogue.BadStart start, int seconds) {
        long took = start.ending().took().toMillis();
        return took > seconds * 1000L ? start.setting() + "=" + start.value() + ": took " + took + " ms, budget " + seconds * 1000 + " ms" : null;
    }

    @Given("a user asked {string} and got an answer")
    public void aUserAskedAndGotAnAnswer(String question) {
        Execution submitted = world.executions().submit(world.program().id(), Json.object().put("question", question))
                .orFail("asking " + question);
        String id = submitted.id();
        Execution done = Waits.until("execution " + id + " to complete", scenario.awaitTimeout(), () -> world.executions().get(id).orFail("reading " + id),
                e -> "completed".equals(e.status()));
        world.execution(world.adapter(), done);
        Evidence.text("the answered execution", done.toString());
    }

    @When("the platform is stopped and started again")
    public void thePlatformIsStoppedAndStartedAgain() {
        scenario.measured("views before", currentViews());
        scenario.measured("start-up", TimedJudgement.measure(this::stopAndStart));
    }

    /** Stops the platform and starts it again; returns the time from the start to ready. */
    private Duration stopAndStart() {
        Duration stop = world.faults().stopPlatform(Duration.ofSeconds(30));
        Duration start = world.faults().startPlatform();
        Evidence.text("restart", "stopped (SIGTERM) in " + stop.toMillis() + " ms; started and ready in " + start.toMillis() + " ms");
        return start;
    }

    @Then("start-up took at most:")
    public void startUpTookAtMost(Map<String, String> budget) {
        long budgetMs = Math.round(Double.parseDouble(budget.get("budget seconds")) * 1000);
        Duration start = TimedJudgement.judge("start-up", scenario.measured("start-up"), () -> TimedJudgement.measure(this::stopAndStart),
                took -> took.toMillis() > budgetMs, took -> "start-up to ready " + took.toMillis() + " ms, budget " + budgetMs + " ms");
        Evidence.rows("start-up against its budget", List.of(row("measured ms", start.toMillis(), "budget ms", budgetMs)));
        assertThat(start.toMillis()).as("start-up to ready, in ms (budget %d ms)", budgetMs).isLessThanOrEqualTo(budgetMs);
    }

    @Then("the signature, the program and the execution read back unchanged")
    public void theyReadBackUnchanged() {
        Map<String, JsonNode> before = scenario.measured("views before");
        Map<String, JsonNode> after = currentViews();
        Evidence.json("before the restart", Json.MAPPER.valueToTree(before).toPrettyString());
        Evidence.json("after the restart", Json.MAPPER.valueToTree(after).toPrettyString());
        before.forEach((what, view) -> assertThat(after.get(what)).as("the %s after the restart", what).isEqualTo(view));
    }

    private Map<String, JsonNode> currentViews() {
        RawHttp http = scenario.http();
        return Map.of(
                "signature", Json.parse(http.get("/api/signatures/" + world.signature().id(), scenario.keyed()).body()),
                "program", Json.parse(http.get("/api/programs/" + world.program().id(), scenario.keyed()).body()),
                "execution", Json.parse(http.get("/api/executions/" + world.execution().id(), scenario.keyed()).body()));
    }

    @When("the platform is stopped while the question is being answered")
    public void thePlatformIsStoppedWhileAnswering() throws IOException {
        String id = world.execution().id();
        Waits.until("execution " + id + " to be running", scenario.awaitTimeout(), () -> world.executions().get(id).orFail("reading " + id),
                e -> "running".equals(e.status()));
        String logBefore = platformLog();
        Duration stop = world.faults().stopPlatform(Duration.ofSeconds(60));
        String written = platformLog().substring(logBefore.length());
        scenario.measured("stop", stop);
        scenario.measured("log while stopping", written);
        Evidence.text("platform log while stopping (" + stop.toMillis() + " ms)", written);
    }

    @Then("the platform stopped within its grace period and said it stopped cleanly")
    public void thePlatformStoppedCleanly() {
        Duration stop = scenario.measured("stop");
        String log = scenario.measured("log while stopping");
        assertThat(log).as("platform log while stopping").contains("stopped cleanly");
        assertThat(stop).as("time from SIGTERM to exit (default grace 20 s)").isLessThan(Duration.ofSeconds(20));
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
        assertThat(execution.status()).as("status of the execution in hand at the stop (%s)", execution.error()).isEqualTo("completed");
        assertThat(execution.attempts()).as("attempts: the drained execution must not have been run again").isEqualTo(1);
    }

    @When("the platform's database is backed up and restored into an empty database")
    public void theDatabaseIsBackedUpAndRestored() {
        List<BackupRoundTrip.TableComparison> tables = new BackupRoundTrip(world.environment().database().orElseThrow()).run();
        scenario.measured("tables", tables);
        Evidence.rows("backup and restore, table by table", tables.stream().map(t -> row("table", t.table(), "original rows", t.originalRows(),
                "restored rows", t.restoredRows(), "backup bytes", t.backupBytes(), "original digest", t.originalDigest(),
                "restored digest", t.restoredDigest())).toList());
    }

    @Then("the restored database holds every signature, program and execution of the original")
    public void theRestoredDatabaseHoldsEverything() {
        List<BackupRoundTrip.TableComparison> tables = scenario.measured("tables");
        assertThat(tables).extracting(BackupRoundTrip.TableComparison::table).as("tables backed up")
                .contains("signatures", "programs", "executions");
        for (BackupRoundTrip.TableComparison table : tables) {
            if (List.of("signatures", "programs", "executions").contains(table.table())) {
                assertThat(table.originalRows()).as("rows of %s in the original", table.table()).isPositive();
            }
            assertThat(table.restoredRows()).as("rows of %s restored", table.table()).isEqualTo(table.originalRows());
            assertThat(table.restoredDigest()).as("digest over every row of %s restored", table.table()).isEqualTo(table.originalDigest());
        }
    }

    /** The platform log as it stands now (a container's log is read afresh each time). */
    private String platformLog() throws IOException {
        Path log = world.environment().platformLog().orElseThrow(() -> new AssertionError("this environment does not capture the platform log"));
        return Files.readString(log);
    }
}
