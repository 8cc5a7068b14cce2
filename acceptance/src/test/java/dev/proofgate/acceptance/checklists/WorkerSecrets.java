package dev.proofgate.acceptance.checklists;

import dev.proofgate.acceptance.environment.PlatformHost;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The environment of the platform's Python workers, searched for the platform's secrets: a variable named
 * like one of the platform's secrets, or a value holding the API key or the database password.
 */
public final class WorkerSecrets {

    /** Each worker's variables (names only, for the evidence), and every secret found. */
    public record Search(List<Map<String, Object>> table, List<String> leaks) {}

    private WorkerSecrets() {}

    public static Search search(PlatformHost host, List<Long> workerPids, String apiKey, String databasePassword) {
        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> leaks = new ArrayList<>();
        for (long pid : workerPids) {
            Map<String, String> environment = host.processEnvironment(pid);
            environment.forEach((name, value) -> {
                boolean secretName = name.startsWith("PROOFGATE_")
                        && (name.contains("KEY") || name.contains("PASSWORD") || name.contains("DB_"));
                boolean secretValue =
                        value.contains(apiKey) || (!databasePassword.isEmpty() && value.equals(databasePassword));
                if (secretName || secretValue) {
                    leaks.add("worker " + pid + " has " + name + (secretValue ? " holding a secret" : ""));
                }
            });
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("worker pid", pid);
            row.put("variables", environment.size());
            row.put("variable names", String.join(" ", new TreeSet<>(environment.keySet())));
            rows.add(row);
        }
        return new Search(rows, leaks);
    }
}
