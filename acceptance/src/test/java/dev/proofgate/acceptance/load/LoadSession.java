package dev.proofgate.acceptance.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proofgate.acceptance.budgets.BudgetTable;
import dev.proofgate.acceptance.budgets.Measure;
import dev.proofgate.acceptance.budgets.Measurements;
import dev.proofgate.acceptance.drivers.PlatformUnreachable;
import dev.proofgate.acceptance.drivers.bridge.WorkerRoundTrips;
import dev.proofgate.acceptance.drivers.rest.PlatformOperations;
import dev.proofgate.acceptance.environment.Capability;
import dev.proofgate.acceptance.environment.PlatformHost;
import dev.proofgate.acceptance.world.ReadinessWorld;
import dev.proofgate.gate.load.LoadCharts;
import dev.proofgate.gate.load.LoadDriver;
import dev.proofgate.gate.load.LoadPlan;
import dev.proofgate.gate.load.LoadProfile;
import dev.proofgate.gate.load.LoadResult;
import dev.proofgate.gate.load.TimedOperation;
import dev.proofgate.gate.machine.TimedJudgement;
import dev.proofgate.gate.support.Evidence;
import dev.proofgate.gate.support.Json;
import dev.proofgate.platform.signature.CompileError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One scenario's load: runs the driver against the platform as the performance steps ask, attaches
 * each run's summary and charts to the step, and decides budget tables on what was measured.
 * Scenario-scoped (picocontainer), beside the {@link ReadinessWorld} it reads programs from.
 */
public final class LoadSession implements AutoCloseable {

    private static final int SEARCH_MAX_CLIENTS = 64;
    /**
     * The first run of each kind of operation in a suite run warms up for at least this long: a
     * platform (or worker) that has not yet compiled its hot paths answers the first seconds many
     * times slower, and a budget here is about the warm platform, not its start-up.
     */
    private static final Duration FIRST_WARM_UP = Duration.ofSeconds(3);

    private static final java.util.Set<String> WARMED = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private static final JsonNode QUESTION = Json.object().put("question", "Why is the sky blue?");

    private final ReadinessWorld world;
    private final LoadPlan plan;
    private PlatformOperations operations;
    private LoadResult result;
    private Measurements extra;
    /** The last measurement, as it is judged: its figures and the machine's disturbance while it ran. */
    private TimedJudgement.Measured<Measurements> measured;
    /** Takes the last measurement again, the same way. */
    private java.util.function.Supplier<TimedJudgement.Measured<Measurements>> measureAgain;

    public LoadSession(ReadinessWorld world) {
        this.world = world;
        this.plan = LoadPlan.named(world.settings().loadProfile());
    }

    public LoadPlan plan() {
        return plan;
    }

    public void compileAtRate(int perSecond) {
        String definition = "signature load_compile: :string question, :integer count, :list(:optional(:string)) tags"
                + " -> :string answer, :confidence_score confidence, :reasoning_chain reasoning";
        run(
                "dry-run compile",
                operations().compile(definition),
                LoadProfile.open(perSecond)
                        .warmUp(warmUp("compile"))
                        .steady(plan.percentileWindow())
                        .build());
    }

    public void clientsBackToBack(String adapter, int clients) {
        run(
                "question answered on " + adapter + " by " + clients + " clients",
                completedAnswer(adapter),
                LoadProfile.closed(clients)
                        .warmUp(warmUp(adapter))
                        .steady(plan.steady())
                        .build());
    }

    public void arrivals(String adapter, int perSecond) {
        run(
                "question answered on " + adapter + " at " + perSecond + "/s",
                completedAnswer(adapter),
                LoadProfile.open(perSecond)
                        .warmUp(warmUp(adapter))
                        .steady(plan.percentileWindow())
                        .build());
    }

    public void soak(String adapter, int perSecond) {
        run(
                "soak on " + adapter + " at " + perSecond + "/s",
                completedAnswer(adapter),
                LoadProfile.open(perSecond)
                        .warmUp(warmUp(adapter))
                        .steady(plan.soak())
                        .build());
    }

    /**
     * Doubles the clients from 1 (each level half a second of warm-up and one search step) and stops at the
     * first level whose p95 answer time exceeds the limit or that sees an error, or after 64 clients.
     * The highest sustainable concurrency is the last level that held.
     */
    public void searchSustainableConcurrency(String adapter, double p95LimitMs) {
        measureAgain = () -> TimedJudgement.measure(() -> search(adapter, p95LimitMs));
        measured = measureAgain.get();
    }

    private Measurements search(String adapter, double p95LimitMs) {
        TimedOperation operation = completedAnswer(adapter);
        if (WARMED.add(adapter)) {
            new LoadDriver("warm-up before the search")
                    .run(operation, LoadProfile.closed(4).warmUp(FIRST_WARM_UP).build());
        }
        List<Map<String, Object>> steps = new ArrayList<>();
        int sustainable = 0;
        long samples = 0;
        boolean tooFewSamples = false;
        String stoppedBecause = "reached " + SEARCH_MAX_CLIENTS + " clients, the end of the search";
        for (int clients = 1; clients <= SEARCH_MAX_CLIENTS; clients *= 2) {
            LoadResult level = new LoadDriver("search at " + clients + " clients")
                    .run(
                            operation,
                            LoadProfile.closed(clients)
                                    .warmUp(Duration.ofMillis(500))
                                    .steady(plan.searchStep())
                                    .build());
            long minimum = Measure.P95_LATENCY.minimumSamples();
            if (level.measured().errors() == 0 && level.measured().successes() < minimum) {
                // too few answers for a p95 in one step (a slow moment, or few clients): measure this level once more,
                // long enough for the samples a p95 needs at the rate just seen (at most four steps)
                double perStep = Math.max(1, level.measured().successes());
                Duration longer =
                        plan.searchStep().multipliedBy(Math.min(4, (long) Math.ceil(1.5 * minimum / perStep)));
                level = new LoadDriver("search at " + clients + " clients, measured longer")
                        .run(
                                operation,
                                LoadProfile.closed(clients).steady(longer).build());
            }
            LoadResult.PhaseResult measured = level.measured();
            double p95 = measured.percentileMs(95);
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("clients", clients);
            step.put("answers", measured.successes());
            step.put("throughput_per_s", Math.round(measured.throughput()));
            step.put("p95_ms", String.format(Locale.ROOT, "%.2f", p95));
            step.put("errors", measured.errors());
            steps.add(step);
            samples += measured.successes();
            result = level;
            if (measured.errors() > 0) {
                stoppedBecause = clients + " clients saw " + measured.errors() + " error(s)";
                break;
            }
            if (measured.successes() < Measure.P95_LATENCY.minimumSamples()) {
                tooFewSamples = true;
                stoppedBecause = clients + " clients gave only " + measured.successes() + " answers, too few for a p95";
                break;
            }
            if (p95 > p95LimitMs) {
                stoppedBecause =
                        String.format(Locale.ROOT, "%d clients: p95 %.2f ms exceeds %.0f ms", clients, p95, p95LimitMs);
                break;
            }
            sustainable = clients;
        }
        Evidence.rows("concurrency search (stopped: " + stoppedBecause + ")", steps);
        extra = Measurements.of(result);
        if (sustainable == 0 && tooFewSamples) {
            // nothing was measured, which is not the same as nothing sustained
            extra.unavailable(
                    Measure.SUSTAINABLE_CONCURRENCY, "the search could not measure its first level: " + stoppedBecause);
        } else {
            extra.with(Measure.SUSTAINABLE_CONCURRENCY, sustainable, samples);
        }
        return extra;
    }

    public void bridgeRoundTrips(int clients) throws CompileError {
        try (WorkerRoundTrips worker = WorkerRoundTrips.start(world.settings().python())) {
            run(
                    "bridge round trip",
                    worker::roundTrip,
                    LoadProfile.closed(clients)
                            .warmUp(warmUp("bridge"))
                            .steady(plan.steady())
                            .build());
        }
    }

    private Duration warmUp(String kind) {
        return WARMED.add(kind) && FIRST_WARM_UP.compareTo(plan.warmUp()) > 0 ? FIRST_WARM_UP : plan.warmUp();
    }

    /**
     * Decides the budget table on the last measurement; a breach of a latency or rate row measured on a
     * disturbed machine is measured again once (see {@link TimedJudgement}).
     */
    public void decide(String what, BudgetTable table) {
        if (measured == null) {
            throw new IllegalStateException("this step decides a budget on a load run, and the scenario ran none");
        }
        Measurements decidedOn = TimedJudgement.judge(
                what,
                measured,
                measureAgain,
                figures -> BudgetTable.timingBreachOrTooFewSamples(table.decide(figures), figures),
                figures -> BudgetTable.breaches(table.decide(figures)));
        BudgetTable.enforce(what, table.decide(decidedOn));
    }

    private TimedOperation completedAnswer(String adapter) {
        return operations().submitToCompleted(world.program(adapter).id(), QUESTION);
    }

    private void run(String what, TimedOperation operation, LoadProfile profile) {
        measureAgain = () -> TimedJudgement.measure(() -> runOnce(what, operation, profile));
        measured = measureAgain.get();
    }

    private Measurements runOnce(String what, TimedOperation operation, LoadProfile profile) {
        LoadDriver driver = new LoadDriver(what);
        if (world.environment().can(Capability.INSPECT_HOST)) {
            PlatformHost host = world.environment().host();
            driver = driver.watching("platform memory", host::platformResidentBytes);
        }
        result = driver.run(operation, profile);
        extra = null;
        if (result.measured().errors() > 0) {
            PlatformUnreachable.checkAfter(
                    world.environment().baseUrl(),
                    new java.io.IOException(result.measured().errors() + " of "
                            + result.measured().attempts() + " operations of the load failed"));
        }
        Evidence.json("load summary: " + what, result.summaryJson());
        Evidence.svg("latency over time: " + what, LoadCharts.latencyOverTime(result));
        Evidence.svg("latency by percentile: " + what, LoadCharts.percentileCurve(result));
        return Measurements.of(result);
    }

    private PlatformOperations operations() {
        if (operations == null) {
            operations = new PlatformOperations(
                    world.environment().baseUrl(),
                    world.environment().apiKey(),
                    world.settings().awaitTimeout());
        }
        return operations;
    }

    @Override
    public void close() {
        if (operations != null) {
            operations.close();
        }
    }
}
