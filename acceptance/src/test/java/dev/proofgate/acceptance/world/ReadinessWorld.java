package dev.proofgate.acceptance.world;

import dev.proofgate.acceptance.config.SuiteSettings;
import dev.proofgate.acceptance.drivers.AdaptersApi;
import dev.proofgate.acceptance.drivers.BridgeDriver;
import dev.proofgate.acceptance.drivers.DatabaseProbe;
import dev.proofgate.acceptance.drivers.Execution;
import dev.proofgate.acceptance.drivers.ExecutionsApi;
import dev.proofgate.acceptance.drivers.HealthApi;
import dev.proofgate.acceptance.drivers.Program;
import dev.proofgate.acceptance.drivers.ProgramsApi;
import dev.proofgate.acceptance.drivers.Rejection;
import dev.proofgate.acceptance.drivers.Signature;
import dev.proofgate.acceptance.drivers.SignaturesApi;
import dev.proofgate.acceptance.drivers.bridge.LocalWorkerBridge;
import dev.proofgate.acceptance.drivers.database.JdbcDatabaseProbe;
import dev.proofgate.acceptance.drivers.rest.PlatformHttp;
import dev.proofgate.acceptance.drivers.rest.RestAdapters;
import dev.proofgate.acceptance.drivers.rest.RestExecutions;
import dev.proofgate.acceptance.drivers.rest.RestHealth;
import dev.proofgate.acceptance.drivers.rest.RestPrograms;
import dev.proofgate.acceptance.drivers.rest.RestSignatures;
import dev.proofgate.acceptance.environment.Capability;
import dev.proofgate.acceptance.environment.Environment;
import dev.proofgate.acceptance.environment.Environments;
import dev.proofgate.acceptance.environment.Faults;
import dev.proofgate.acceptance.faults.FaultRun;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Everything one scenario knows: the drivers to the running platform and what the scenario has
 * created or been told so far. Created fresh per scenario by picocontainer and injected into the
 * step classes by constructor; the only state steps share.
 */
public final class ReadinessWorld implements AutoCloseable {

    private final SuiteSettings settings;
    private final Environment environment;
    private final SignaturesApi signatures;
    private final ProgramsApi programs;
    private final ExecutionsApi executions;
    private final AdaptersApi adapters;
    private final HealthApi health;
    private final String runSuffix = UUID.randomUUID().toString().substring(0, 8);
    private DatabaseProbe database;
    private BridgeDriver bridge;
    private FaultRun faultRun;

    private Signature signature;
    private final Map<String, Program> programsByAdapter = new LinkedHashMap<>();
    private final Map<String, Execution> executionsByAdapter = new LinkedHashMap<>();
    private String lastAdapter;
    private Signature compiled;
    private Rejection rejection;
    private String rejectedProgramId;
    private BridgeDriver.Reply reply;

    public ReadinessWorld() {
        this.settings = SuiteSettings.load();
        this.environment = Environments.current();
        PlatformHttp http = new PlatformHttp(environment.baseUrl(), environment.apiKey());
        this.signatures = new RestSignatures(http);
        this.programs = new RestPrograms(http);
        this.executions = new RestExecutions(http);
        this.adapters = new RestAdapters(http);
        this.health = new RestHealth(http);
    }

    public SuiteSettings settings() {
        return settings;
    }

    public Environment environment() {
        return environment;
    }

    public SignaturesApi signatures() {
        return signatures;
    }

    public ProgramsApi programs() {
        return programs;
    }

    public ExecutionsApi executions() {
        return executions;
    }

    public AdaptersApi adapters() {
        return adapters;
    }

    public HealthApi health() {
        return health;
    }

    /** The read-only database probe; only scenarios tagged @requires=database-access get here. */
    public DatabaseProbe database() {
        if (database == null) {
            if (!environment.can(Capability.READ_DATABASE)) {
                throw new IllegalStateException(
                        "this step reads the database: tag the scenario @requires=" + Capability.READ_DATABASE.tag());
            }
            database = new JdbcDatabaseProbe(environment.database().orElseThrow());
        }
        return database;
    }

    /** The faults this environment can inject; steps using one are tagged with its @requires= capability. */
    public Faults faults() {
        return environment.faults();
    }

    /** This scenario's background questions, faults, recovery measures and ledger. */
    public FaultRun faultRun() {
        if (faultRun == null) {
            faultRun = new FaultRun(environment, settings.awaitTimeout());
        }
        return faultRun;
    }

    /** A Python worker started for this scenario, speaking the wire protocol directly. */
    public BridgeDriver bridge() {
        if (bridge == null) {
            bridge = new LocalWorkerBridge(settings.python());
        }
        return bridge;
    }

    /** A name unique to this scenario, so scenarios never collide on the platform's unique names. */
    public String uniqueName(String base) {
        return base + "_" + runSuffix;
    }

    public Signature signature() {
        return required(signature, "a signature declared earlier in the scenario");
    }

    public void signature(Signature signature) {
        this.signature = signature;
    }

    public void program(String adapter, Program program) {
        programsByAdapter.put(adapter, program);
        lastAdapter = adapter;
    }

    public Program program() {
        return program(required(lastAdapter, "a program created earlier in the scenario"));
    }

    public Program program(String adapter) {
        return required(programsByAdapter.get(adapter), "a program on the '" + adapter + "' adapter");
    }

    public void execution(String adapter, Execution execution) {
        executionsByAdapter.put(adapter, execution);
    }

    public Execution execution() {
        return execution(required(lastAdapter, "an execution submitted earlier in the scenario"));
    }

    public Execution execution(String adapter) {
        return required(executionsByAdapter.get(adapter), "an execution on the '" + adapter + "' adapter");
    }

    public String adapter() {
        return required(lastAdapter, "a program created earlier in the scenario");
    }

    public Map<String, Execution> executionsByAdapter() {
        return executionsByAdapter;
    }

    public Signature compiled() {
        return required(compiled, "a compiled signature");
    }

    public void compiled(Signature compiled) {
        this.compiled = compiled;
    }

    public Rejection rejection() {
        if (rejection == null && !executionsByAdapter.isEmpty()) {
            throw new AssertionError(
                    "the platform accepted the request instead of rejecting it: " + executionsByAdapter.values());
        }
        return required(rejection, "a rejection from the platform");
    }

    public void rejection(Rejection rejection, String programId) {
        this.rejection = rejection;
        this.rejectedProgramId = programId;
    }

    public String rejectedProgramId() {
        return required(rejectedProgramId, "a program named by a rejected request");
    }

    public BridgeDriver.Reply reply() {
        return required(reply, "a reply from the bridge worker");
    }

    public void reply(BridgeDriver.Reply reply) {
        this.reply = reply;
    }

    private static <T> T required(T value, String what) {
        if (value == null) {
            throw new IllegalStateException(
                    "this step needs " + what + ", and there is none: check the scenario's Given steps");
        }
        return value;
    }

    @Override
    public void close() {
        if (database != null) {
            database.close();
        }
        if (bridge != null) {
            bridge.close();
        }
        if (faultRun != null) {
            faultRun.close();
        }
    }
}
