package dev.proofgate.acceptance.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proofgate.acceptance.support.Evidence;
import dev.proofgate.acceptance.support.FinishedExecutions;
import dev.proofgate.acceptance.support.Json;
import dev.proofgate.acceptance.support.Waits;
import dev.proofgate.acceptance.workflows.HistorySearch;
import dev.proofgate.acceptance.world.ReadinessWorld;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A program's execution history, searched by state and page while some of its executions are still
 * waiting or running. The program's model is slowed down (its simulated latency) so that the history
 * holds every state at once for long enough to be searched.
 */
public final class HistorySteps {

    private static final List<String> STATES = List.of("queued", "running", "completed", "failed");

    private final ReadinessWorld world;
    private final List<String> asked = new ArrayList<>();
    private List<HistorySearch.Held> held = List.of();
    private long latencyMs;
    private long heldAtNanos;

    public HistorySteps(ReadinessWorld world) {
        this.world = world;
    }

    @Given("a program on the {string} adapter whose model {word} after {double} seconds")
    public void aSlowProgram(String adapter, String behaviour, double seconds) {
        latencyMs = Math.round(seconds * 1000);
        ObjectNode config = Json.object().put("latency_ms", latencyMs);
        switch (behaviour) {
            case "answers" -> { }
            case "fails" -> config.put("fail_with", "the model gave up on purpose");
            default -> throw new IllegalArgumentException("a model answers or fails, not '" + behaviour + "'");
        }
        world.program(adapter, world.programs().create(world.uniqueName("slow_" + behaviour), world.signature().path("id").asText(), adapter, config)
                .orFail("creating a program whose model " + behaviour + " after " + seconds + " s"));
    }

    @When("{int} questions are asked of it at once")
    public void questionsAreAskedAtOnce(int count) {
        String programId = world.program().path("id").asText();
        for (int i = 1; i <= count; i++) {
            asked.add(world.executions().submit(programId, Json.object().put("question", "Question " + i + " of " + count + "?"))
                    .orFail("asking question " + i).path("id").asText());
        }
    }

    @When("the program's history holds finished, running and waiting executions")
    public void theHistoryHoldsEveryState() {
        List<List<HistorySearch.Held>> previous = new ArrayList<>(List.of(List.of()));
        held = Waits.until("the history to hold finished, running and waiting executions, unchanged across two reads", world.settings().awaitTimeout(),
                this::readOneByOne, now -> {
                    boolean stable = now.equals(previous.get(0));
                    previous.set(0, now);
                    Map<String, Long> counts = counts(now);
                    return stable && counts.getOrDefault("queued", 0L) > 0 && counts.getOrDefault("running", 0L) > 0
                            && (counts.getOrDefault("completed", 0L) + counts.getOrDefault("failed", 0L)) > 0;
                });
        heldAtNanos = System.nanoTime();
        Evidence.rows("the program's executions, read one by one", held.stream().map(h -> Map.<String, Object>of(
                "id", h.id(), "created", h.createdAt().toString(), "state", h.status())).toList());
    }

    @Then("searching the history by every state, {int} per page, returns exactly the matching executions, newest first, with the right total")
    public void searchingTheHistoryByEveryState(int perPage) {
        HistorySearch search = new HistorySearch(world.executions(), world.program().path("id").asText());
        List<HistorySearch.Result> results = new ArrayList<>();
        results.add(search.search(null, perPage, held));
        for (String state : STATES) {
            results.add(search.search(state, perPage, held));
        }
        List<HistorySearch.Held> after = readOneByOne();
        long searchedMs = (System.nanoTime() - heldAtNanos) / 1_000_000;
        Evidence.text("states counted before and after the searches", "before: " + counts(held) + "\nafter:  " + counts(after)
                + "\nsearched and re-read in " + searchedMs + " ms, while the model holds each question " + latencyMs + " ms");
        Evidence.rows("searches, " + perPage + " per page", results.stream().map(HistorySearch.Result::row).toList());
        assertThat(after).as("the history moved while it was searched (the model's latency of %d ms was too short to hold it still here)", latencyMs)
                .isEqualTo(held);
        assertThat(results.stream().filter(r -> r.pages().size() > 1).count()).as("searches that needed more than one page").isPositive();
        List<String> wrong = results.stream().filter(r -> !r.problems().isEmpty()).map(r -> r.filter() + ": " + r.problems()).toList();
        assertThat(wrong).as("searches of the history that were not exact").isEmpty();
    }

    @Then("once every question is finished, the history lists all {int} as {word} and none as waiting or running")
    public void onceFinishedTheHistoryListsAllAs(int count, String state) {
        Map<String, JsonNode> finished = FinishedExecutions.await(world.executions(), asked, world.settings().awaitTimeout());
        List<HistorySearch.Held> now = readOneByOne();
        HistorySearch search = new HistorySearch(world.executions(), world.program().path("id").asText());
        List<HistorySearch.Result> results = STATES.stream().map(s -> search.search(s, 200, now)).toList();
        Evidence.rows("searches once every question is finished", results.stream().map(HistorySearch.Result::row).toList());
        assertThat(finished.values().stream().map(e -> e.path("status").asText()).distinct().toList())
                .as("states of the %d executions once finished", count).containsExactly(state);
        assertThat(results.stream().filter(r -> !r.problems().isEmpty()).map(r -> r.filter() + ": " + r.problems()).toList())
                .as("searches of the finished history that were not exact").isEmpty();
        assertThat(search.search(state, 200, now).totals().get(0)).as("%s executions in the history", state).isEqualTo((long) count);
    }

    private List<HistorySearch.Held> readOneByOne() {
        List<HistorySearch.Held> now = new ArrayList<>();
        for (String id : asked) {
            JsonNode execution = world.executions().get(id).orFail("reading execution " + id);
            now.add(new HistorySearch.Held(id, execution.path("status").asText(), Instant.parse(execution.path("created_at").asText())));
        }
        return now;
    }

    private static Map<String, Long> counts(List<HistorySearch.Held> held) {
        return held.stream().collect(Collectors.groupingBy(HistorySearch.Held::status, java.util.TreeMap::new, Collectors.counting()));
    }
}
