package dev.proofgate.acceptance.completion;

import io.cucumber.java.Scenario;
import io.cucumber.java.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each completion criterion came to in this run, as its own scenario found it: the roll-up reads
 * this and nothing else, so "stage 1 is complete" can only follow criteria measured in this JVM, now.
 *
 * <p>Picocontainer injects one into the completion steps of each scenario. A criterion and the roll-up
 * that reads it are different scenarios, so every instance reads and writes the run's one record.
 */
public final class StageLedger {

    private static final String TAG = "@criterion=";
    private static final Map<Criterion, Held> RUN = new ConcurrentHashMap<>();

    /** A stage completion criterion, as a scenario's {@code @criterion=} tag and the roll-up's table name it. */
    public record Criterion(String name) {}

    /** One criterion's outcome: the scenario that measured it and the status it ended with. */
    public record Held(Criterion criterion, String scenario, Status status) {
        public boolean held() {
            return status == Status.PASSED;
        }

        public String outcome() {
            return status.name().toLowerCase();
        }
    }

    /** Records the criteria a finished scenario measured; one that failed once in the run stays failed, whatever a repeat says. */
    public void record(Scenario finished) {
        for (Criterion criterion : criteria(finished.getSourceTagNames())) {
            RUN.merge(
                    criterion,
                    new Held(criterion, finished.getName(), finished.getStatus()),
                    (old, now) -> old.held() ? now : old);
        }
    }

    public Optional<Held> find(Criterion criterion) {
        return Optional.ofNullable(RUN.get(criterion));
    }

    static List<Criterion> criteria(Iterable<String> tags) {
        List<Criterion> criteria = new ArrayList<>();
        tags.forEach(tag -> {
            if (tag.startsWith(TAG)) {
                criteria.add(new Criterion(tag.substring(TAG.length())));
            }
        });
        return criteria;
    }
}
