package dev.proofgate.acceptance.drivers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** What the platform tells its operators over HTTP: health and readiness, metrics, its published description, resources as stored. */
public interface OperationsApi {

    /** The Python bridge as health reports it. */
    record Bridge(String status, int workersAlive, int workersTarget, List<Long> workerPids, long restarts) {}

    /** The execution queue as health reports it. */
    record Queue(long queued, long running) {

        public boolean idle() {
            return queued == 0 && running == 0;
        }
    }

    /** One health report, and the document it was read from (for evidence). */
    record Health(String status, String databaseStatus, Bridge bridge, Queue queue, String document) {}

    /** The resources whose stored form can be read back as the platform shows it. */
    enum Resource {
        SIGNATURE,
        PROGRAM,
        EXECUTION
    }

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
    Optional<View> shown(Resource resource, String id);

    /** A resource as the platform shows it: its fields, compared field by field. */
    record View(JsonNode document) {

        /** One field as text; empty when the resource has no such field. */
        public String field(String name) {
            return document.path(name).asText();
        }

        /** The fields whose values differ from the earlier view, one line each; empty when none does. */
        public String differenceFrom(View earlier) {
            Set<String> names = new TreeSet<>();
            document.fieldNames().forEachRemaining(names::add);
            earlier.document.fieldNames().forEachRemaining(names::add);
            StringBuilder difference = new StringBuilder();
            for (String name : names) {
                JsonNode before = earlier.document.path(name);
                JsonNode after = document.path(name);
                if (!before.equals(after)) {
                    difference
                            .append(name)
                            .append(": ")
                            .append(before)
                            .append(" became ")
                            .append(after)
                            .append('\n');
                }
            }
            return difference.toString();
        }

        /** Several views under their names, as indented JSON text for evidence. */
        public static String text(Map<String, View> views) {
            ObjectNode all = JsonNodeFactory.instance.objectNode();
            views.forEach((name, view) -> all.set(name, view.document));
            return all.toPrettyString();
        }
    }

    /** A signature compiled (not declared), answered as is: the compile checks time it. */
    HttpAnswer compile(String definition);
}
