package dev.proofgate.acceptance.checklists;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Looks for secrets in what the platform shows about itself. A secret too common to be told apart
 * from ordinary words (a database password of "postgres" next to a PostgreSQL URL) is only looked
 * for where it can mean nothing else: as the value of a variable; the evidence says which.
 */
public final class SecretScan {

    private final Map<String, String> secrets = new LinkedHashMap<>();
    private final Map<String, String> sources = new LinkedHashMap<>();

    public SecretScan secret(String name, String value) {
        if (value != null && !value.isBlank()) {
            secrets.put(name, value);
        }
        return this;
    }

    public SecretScan source(String name, String text) {
        sources.put(name, text);
        return this;
    }

    /** Secrets distinctive enough to search for as text (8+ characters, not a word of the database's own vocabulary). */
    public boolean distinctive(String value) {
        return value.length() >= 8
                && !List.of("postgres", "password", "proofgate").contains(value.toLowerCase());
    }

    public List<String> findings() {
        List<String> findings = new ArrayList<>();
        secrets.forEach((secret, value) -> {
            if (!distinctive(value)) {
                return;
            }
            sources.forEach((source, text) -> {
                if (text.contains(value)) {
                    findings.add(secret + " appears in " + source);
                }
            });
        });
        return findings;
    }

    public List<Map<String, Object>> table() {
        List<Map<String, Object>> rows = new ArrayList<>();
        sources.forEach((source, text) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("source", source);
            row.put("characters", text.length());
            secrets.forEach((secret, value) -> row.put(
                    secret,
                    !distinctive(value) ? "too common to search as text" : text.contains(value) ? "FOUND" : "absent"));
            rows.add(row);
        });
        return rows;
    }
}
