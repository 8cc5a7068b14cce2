package dev.proofgate.acceptance.checklists;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proofgate.acceptance.environment.PlatformHost;
import dev.proofgate.gate.support.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The platform's settings as the platform itself lists them ({@code Main --settings}), and a bad
 * value for each derived from what the setting declares it accepts, so a new setting is checked
 * without anyone adding it to a list here.
 */
public final class SettingsCatalogue {

    /** How long a start with a bad setting may run before it counts as "went on starting". */
    private static final Duration GIVE_UP = Duration.ofSeconds(8);

    /** One start with a bad value for one setting, and how it ended. */
    public record BadStart(String setting, String value, PlatformHost.Ending ending) {

        /** How the start did not stop as required in any way but time (only this a disturbed machine cannot explain); null if it did. */
        public String misbehaviour(int exitCode) {
            String what = setting + "=" + value;
            if (ending.stillRunning()) {
                return what + ": the platform went on starting (killed)";
            } else if (ending.exitCode() != exitCode) {
                return what + ": exit code " + ending.exitCode() + ", output " + ending.output();
            } else if (ending.output().size() != 1 || !ending.output().get(0).contains(setting)) {
                return what + ": expected one line naming the setting, got " + ending.output();
            }
            return null;
        }

        /** How much slower the start was than its budget; null if it was within. */
        public String slowness(int seconds) {
            long took = ending.took().toMillis();
            return took > seconds * 1000L
                    ? setting + "=" + value + ": took " + took + " ms, budget " + seconds * 1000 + " ms"
                    : null;
        }
    }

    /** What went wrong with each start, misbehaviour first, slowness only where nothing else went wrong. */
    public static List<String> wrongStarts(List<BadStart> starts, int seconds, int exitCode) {
        List<String> wrong = new ArrayList<>();
        for (BadStart start : starts) {
            String misbehaviour = start.misbehaviour(exitCode);
            if (misbehaviour != null) {
                wrong.add(misbehaviour);
            } else if (start.slowness(seconds) != null) {
                wrong.add(start.slowness(seconds));
            }
        }
        return wrong;
    }

    /** Whether the starts were right in every way but slow: the only breach a disturbed machine can explain. */
    public static boolean onlySlow(List<BadStart> starts, int seconds, int exitCode) {
        return starts.stream().anyMatch(start -> start.slowness(seconds) != null)
                && starts.stream().allMatch(start -> start.misbehaviour(exitCode) == null);
    }

    private final JsonNode document;

    private SettingsCatalogue(JsonNode document) {
        this.document = document;
    }

    public static SettingsCatalogue read(PlatformHost host) {
        // Harmless if the platform ignored the flag: no database to reach, no workers, any port.
        PlatformHost.Ending listed = host.launchPlatform(
                Map.of(
                        "PROOFGATE_DB_URL",
                        "jdbc:postgresql://127.0.0.1:9/nothing-listens-here",
                        "PROOFGATE_BRIDGE_WORKERS",
                        "0",
                        "PROOFGATE_PORT",
                        "0"),
                List.of("--settings"),
                Duration.ofSeconds(20));
        String output = String.join("\n", listed.output());
        if (listed.exitCode() != 0 || !output.trim().startsWith("{")) {
            throw new AssertionError("the platform does not list its settings (Main --settings): exit "
                    + listed.exitCode() + ", output " + output);
        }
        JsonNode document = Json.parse(output);
        if (document.path("settings").size() == 0) {
            throw new AssertionError("the platform lists no settings: " + output);
        }
        return new SettingsCatalogue(document);
    }

    /** The catalogue as JSON text, indented for evidence. */
    public String text() {
        return document.toPrettyString();
    }

    public JsonNode document() {
        return document;
    }

    /** Bad values by what each setting declares; a setting that accepts any text has none. */
    public Map<String, List<String>> badValues() {
        Map<String, List<String>> bad = new LinkedHashMap<>();
        for (JsonNode setting : document.path("settings")) {
            String name = setting.path("name").asText();
            List<String> values = switch (setting.path("kind").asText()) {
                case "integer" ->
                    List.of(
                            Long.toString(setting.path("maximum").asLong() + 1),
                            Long.toString(setting.path("minimum").asLong() - 1),
                            "twelve");
                case "jdbc_url" -> List.of("mysql://localhost/proofgate");
                case "key_list" -> List.of("short", " , ");
                case "directory" -> List.of("/dev/null");
                case "executable" -> List.of("/nonexistent/python3");
                default -> List.of();
            };
            bad.put(name, values);
        }
        return bad;
    }

    /** One throw-away start per bad value, two at a time; the rest of the environment is valid and harmless. */
    public List<BadStart> startWithEachBadValue(PlatformHost host) {
        Map<String, String> valid = new LinkedHashMap<>();
        valid.put("PROOFGATE_PORT", "0");
        valid.put("PROOFGATE_DB_URL", "jdbc:postgresql://127.0.0.1:9/nothing-listens-here");
        valid.put("PROOFGATE_DATA_DIR", host.scratchDirectory("bad-settings-data"));
        valid.put("PROOFGATE_BRIDGE_WORKERS", "1"); // so that the interpreter setting matters
        valid.put("PROOFGATE_API_KEYS", "a-valid-key-for-start-up-checks");
        ExecutorService starts = Executors.newFixedThreadPool(2);
        try {
            List<Future<BadStart>> pending = new ArrayList<>();
            badValues().forEach((setting, values) -> {
                for (String value : values) {
                    Map<String, String> environment = new LinkedHashMap<>(valid);
                    environment.put(setting, value);
                    pending.add(starts.submit(
                            () -> new BadStart(setting, value, host.launchPlatform(environment, List.of(), GIVE_UP))));
                }
            });
            List<BadStart> done = new ArrayList<>();
            for (Future<BadStart> start : pending) {
                done.add(start.get());
            }
            return done;
        } catch (Exception e) {
            throw new IllegalStateException("could not run the bad-setting starts", e);
        } finally {
            starts.shutdownNow();
        }
    }
}
