package dev.proofgate.acceptance.drivers;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/** What the platform tells its operators over HTTP: health and readiness, metrics, its published description, resources as stored. */
public interface OperationsApi {

    /** The Python bridge as health reports it. */
    record Bridge(String status, int workersAlive, int workersTarget, List<Long> workerPids, long restarts) {
    }

    /** The execution queue as health reports it. */
    record Queue(long queued, long running) {

        public boolean idle() {
            return queued == 0 && running == 0;
        }
    }

    /** One health report, and the document it was read from (for evidence). */
    record Health(String status, String databaseStatus, Bridge bridge, Queue queue, String document) {
    }

    /** The resources whose stored form can be read back as the platform shows it. */
    enum Resource { SIGNATURE, PROGRAM, EXECUTION }

    /** Health as the platform reports it, whatever its status; a platform that gives no answer fails. */
    Health health();

    /** Health, or empty when the platform gave no answer at all. */
    Optional<Health> healthIfAnswered();

    /** The readiness answer, read with {@link HttpAnswer#served()} (ready) or the status of "service_unavailable". */
    HttpAnswer readiness();

    /** The metrics as Prometheus text; an unreadable page fails. */
    String metrics();

    /** The platform's published description of its interface; a missing one fails. */
    ApiDescription description();

    /** A resource as the platform shows it, or empty when the platform does not find it. */
    Optional<JsonNode> shown(Resource resource, String id);

    /** A signature compiled (not declared), answered as is: the compile checks time it. */
    HttpAnswer compile(String definition);
}
