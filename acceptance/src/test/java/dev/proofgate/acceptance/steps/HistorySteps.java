package dev.proofgate.acceptance.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proofgate.acceptance.drivers.Execution;
import dev.proofgate.acceptance.support.FinishedExecutions;
import dev.proofgate.acceptance.workflows.HistorySearch;
import dev.proofgate.acceptance.world.ReadinessWorld;
import dev.proofgate.gate.support.Evidence;
import dev.proofgate.gate.support.Waits;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A program's execution history, searched by state and page while some of its executions are still
 * waiting or running. The program's model is slowed down (its simulated latency) so that the history
 * holds every state at once for long enough to be searched.
 */
public final class HistorySteps {

    private static final List<String> STATES = List.of("queued", "running", "completed", "failed");
    /** A page large enough to hold the whole history of a scenario's program. */
    private static final int WHOLE_HISTORY = 200;

    private final ReadinessWorld world;
    private final List<String> asked = new ArrayList<>();
    private List<HistorySearch.Held> held = List.of();
    private long latencyMs;

    public HistorySteps(ReadinessWorld world) {
        this.world = world;
    }

    @Given("a program on the {string} adapter whose model {word} after {double} seconds")
    public void aSlowProgram(String adapter, String behaviour, double seconds) {
        latencyMs = Math.round(seconds * 1000);
        Map<String, Object> config = new LinkedHashMap<>(Map.of("latency_ms", latencyMs));
        switch (behaviour) {
            case "answers" -> {}
            case "fails" -> config.put("fail_with", "the model gave up on purpose");
            default -> throw new IllegalArgumentException("a model answers or fails, not '" + behaviour + "'");
        }
        world.program(
                adapter,
                world.programs()
                        .create(
                                world.uniqueName("slow_" + behaviour),
                                world.signature().id(),
                                adapter,
                                config)
                        .orFail("creating a program whose model " + behaviour + " after " + seconds + " s"));
    }

    @When("{int} questions are asked of it at once")
    public void questionsAreAskedAtOnce(int count) {
        String programId = world.program().id();
        for (int i = 1; i <= count; i++) {
            asked.add(world.executions()
                    .submit(programId, Map.of("question", "Question " + i + " of " + count + "?"))
                    .orFail("asking question " + i)
                    .id());
        }
    }

    @When("the program's history holds finished, running and waiting executions")
    public void theHistoryHoldsEveryState() {
        List<List<HistorySearch.Held>> previous = new ArrayList<>(List.of(List.of()));
        held = Waits.until(
                "the history to hold finished, running and waiting executions, unchanged across two reads",
                world.settings().awaitTimeout(),
                this::readStored,
                now -> {
                    boolean stable = now.equals(previous.get(0));
                    previous.set(0, now);
                    Map<String, Long> counts = counts(now);
                    return stable
                            && counts.getOrDefault("queued", 0L) > 0
                            && counts.getOrDefault("running", 0L) > 0
                            && (counts.getOrDefault("completed", 0L) + counts.getOrDefault("failed", 0L)) > 0;
                });
        Evidence.rows(
                "the program's executions as stored",
                held.stream()
                        .map(h -> Map.<String, Object>of(
                                "id", h.id(), "created", h.createdAt().toString(), "state", h.status()))
                        .toList());
    }

    /**
     * Each search is bracketed by two reads of what the program holds; a search during which the
     * history moved is tried again on the next still state, so a slow machine delays the check but
     * cannot make it judge a search against the wrong truth.
     */
    @Then(
            "searching the history by every state, {int} per page, returns exactly the matching executions, newest first, with the right total")
    public void searchingTheHistoryByEveryState(int perPage) {
        HistorySearch search =
                new HistorySearch(world.executions(), world.program().id());
        HistorySearch.Bracketed bracketed = search.searchEveryStateWhileStill(perPage, this::readStored, latencyMs);
        List<HistorySearch.Result> results = bracketed.results();
        Evidence.rows("each search bracketed by two reads of what the program holds", bracketed.brackets());
        Evidence.rows(
                "searches, " + perPage + " per page",
                results.stream().map(HistorySearch.Result::row).toList());
        List<String> wrong = results.stream()
                .filter(r -> !r.problems().isEmpty())
                .map(r -> r.filter() + ": " + r.problems())
                .toList();
        assertThat(wrong).as("searches of the history that were not exact").isEmpty();
        assertThat(results.stream().filter(r -> r.pages().size() > 1).count())
                .as("searches that needed more than one page")
                .isPositive();
        assertThat(results.stream()
                        .filter(r -> List.of("queued", "running").contains(r.filter())
                                && !r.pages().isEmpty())
                        .count())
                .as(
                        "searches of waiting and running executions judged while there were some (the machine was too slow to hold them for %d ms)",
                        latencyMs)
                .isEqualTo(2);
    }

    @Then("once every question is finished, the history lists all {int} as {word} and none as waiting or running")
    public void onceFinishedTheHistoryListsAllAs(int count, String state) {
        Map<String, Execution> finished = FinishedExecutions.await(
                world.executions(), asked, world.settings().awaitTimeout());
        List<HistorySearch.Held> now = readStored();
        HistorySearch search =
                new HistorySearch(world.executions(), world.program().id());
        List<HistorySearch.Result> results =
                STATES.stream().map(s -> search.search(s, WHOLE_HISTORY, now)).toList();
        Evidence.rows(
                "searches once every question is finished",
                results.stream().map(HistorySearch.Result::row).toList());
        assertThat(finished.values().stream().map(Execution::status).distinct().toList())
                .as("states of the %d executions once finished", count)
                .containsExactly(state);
        assertThat(results.stream()
                        .filter(r -> !r.problems().isEmpty())
                        .map(r -> r.filter() + ": " + r.problems())
                        .toList())
                .as("searches of the finished history that were not exact")
                .isEmpty();
        assertThat(search.search(state, WHOLE_HISTORY, now).totals().get(0))
                .as("%s executions in the history", state)
                .isEqualTo((long) count);
    }

    /** What the program holds, read from its table in one query: independent of the search, and quick enough to bracket it. */
    private List<HistorySearch.Held> readStored() {
        return world.database().executionStates(world.program().id()).stream()
                .map(stored -> new HistorySearch.Held(stored.id(), stored.status(), stored.createdAt()))
                .toList();
    }

    private static Map<String, Long> counts(List<HistorySearch.Held> held) {
        return HistorySearch.counts(held);
    }
}
