package dev.proofgate.platform;

import dev.proofgate.platform.adapter.AdapterRegistry;
import dev.proofgate.platform.adapter.NativeAdapter;
import dev.proofgate.platform.adapter.PythonPortAdapter;
import dev.proofgate.platform.api.AccessLog;
import dev.proofgate.platform.api.ApiServices;
import dev.proofgate.platform.api.HttpApi;
import dev.proofgate.platform.bridge.WorkerPool;
import dev.proofgate.platform.config.Settings;
import dev.proofgate.platform.config.TesterConnection;
import dev.proofgate.platform.execution.Dispatcher;
import dev.proofgate.platform.execution.ProgramResolver;
import dev.proofgate.platform.signature.SignatureCompiler;
import dev.proofgate.platform.store.Database;
import dev.proofgate.platform.store.ExecutionStore;
import dev.proofgate.platform.store.LocalPostgres;
import dev.proofgate.platform.store.ProgramStore;
import dev.proofgate.platform.store.SignatureStore;
import io.javalin.Javalin;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The platform assembled from its settings: database, bridge, adapters, dispatcher and HTTP API. */
public final class Platform implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Platform.class);

    private final Settings settings;
    private LocalPostgres localPostgres;
    private Database database;
    private WorkerPool workers;
    private Dispatcher dispatcher;
    private Javalin http;

    public Platform(Settings settings) {
        this.settings = settings;
    }

    public Platform start() {
        long started = System.nanoTime();
        LOG.info("settings: {}", settings.describe());
        // the Python workers start while the database is reached and migrated: a restart is ready sooner
        CompletableFuture<WorkerPool> startingWorkers = CompletableFuture.supplyAsync(() ->
                new WorkerPool(settings.python(), settings.bridgeWorkers(), settings.bridgeFrameLimitBytes()).start());
        String url;
        try {
            if (settings.localMode()) {
                LOG.info(
                        "local mode: no PROOFGATE_DB_URL set, starting embedded PostgreSQL with data in {}",
                        settings.dataDirectory());
                localPostgres = LocalPostgres.start(settings.dataDirectory());
                url = localPostgres.jdbcUrl();
            } else {
                url = settings.databaseUrl().orElseThrow();
            }
            database = new Database(
                    url, settings.databaseUser(), settings.databasePassword(), settings.dispatcherWorkers() + 10);
        } catch (RuntimeException e) {
            startingWorkers.thenAccept(WorkerPool::close); // no database, no platform: the workers go too
            throw e;
        }

        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(metrics);

        AdapterRegistry adapters = new AdapterRegistry().register(new NativeAdapter());
        workers = startingWorkers.join();
        adapters.register(new PythonPortAdapter(workers));
        FunctionCounter.builder("proofgate_bridge_restarts", workers, WorkerPool::restarts)
                .description("Python workers restarted after they died or hung")
                .register(metrics);
        Gauge.builder("proofgate_bridge_workers_alive", workers, WorkerPool::alive)
                .register(metrics);

        SignatureCompiler compiler = new SignatureCompiler();
        SignatureStore signatures = new SignatureStore(database);
        ProgramStore programs = new ProgramStore(database);
        ExecutionStore executions = new ExecutionStore(database);
        ProgramResolver resolver = new ProgramResolver(programs, signatures, compiler);
        dispatcher = new Dispatcher(
                        executions, resolver, adapters, settings.dispatcherWorkers(), settings.leaseSeconds(), metrics)
                .start();

        ApiServices services =
                new ApiServices(database, signatures, programs, executions, resolver, compiler, adapters, dispatcher);
        http = new HttpApi(settings, services, metrics, version()).start();
        LOG.info(
                "proofgate platform {} listening on port {} ({}), started in {} ms",
                version(),
                http.port(),
                settings.localMode() ? "local mode" : "external database",
                (System.nanoTime() - started) / 1_000_000);
        TesterConnection tester = new TesterConnection(settings, http.port(), url);
        LOG.info(tester.describe());
        LOG.info("readiness suite against this platform: {}", tester.remoteCommand());
        return this;
    }

    public int port() {
        return http.port();
    }

    public static String version() {
        try (InputStream in = Platform.class.getResourceAsStream("/proofgate/platform.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Stops taking requests, drains in-flight executions, stops the workers and the database. */
    @Override
    public void close() {
        LOG.info("shutting down: draining in-flight executions (grace {} s)", settings.shutdownGraceSeconds());
        if (http != null) {
            try {
                http.stop();
            } catch (RuntimeException e) {
                // a connection still open when the HTTP server's stop timeout ran out: the work in hand is drained all
                // the same
                LOG.warn(
                        "the HTTP server did not stop within its timeout ({}); draining the work in hand all the same",
                        e.toString());
            }
            AccessLog.flush(1_000);
        }
        if (dispatcher != null) {
            dispatcher.drain(settings.shutdownGraceSeconds() * 1000L);
        }
        if (workers != null) {
            workers.close();
        }
        if (database != null) {
            database.close();
        }
        if (localPostgres != null) {
            localPostgres.close();
        }
        LOG.info("stopped cleanly");
    }
}
