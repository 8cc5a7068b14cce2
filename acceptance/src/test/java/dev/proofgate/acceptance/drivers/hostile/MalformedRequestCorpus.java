package dev.proofgate.acceptance.drivers.hostile;

import dev.proofgate.acceptance.drivers.ApiDescription;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A deterministic corpus of malformed requests against every published operation: the same seed and
 * size give the same requests in the same order, so a failure found in CI can be replayed exactly.
 * Each request names its mutation, so the counts can be read by kind.
 */
public final class MalformedRequestCorpus {

    public static final long SEED = 20_261_122L;

    /** Real ids to aim at, so that mutations reach the validation behind a successful lookup. */
    public record Targets(String signatureId, String signatureName, String nativeProgramId, String pythonProgramId) {}

    public record MalformedRequest(String kind, String method, String path, Map<String, String> headers, byte[] body) {}

    private final List<ApiDescription.Operation> operations;
    private final Targets targets;
    private final long bodyLimitBytes;
    private final String apiKey;

    public MalformedRequestCorpus(
            List<ApiDescription.Operation> operations, Targets targets, long bodyLimitBytes, String apiKey) {
        this.operations =
                operations.stream().filter(ApiDescription.Operation::needsKey).toList();
        this.targets = targets;
        this.bodyLimitBytes = bodyLimitBytes;
        this.apiKey = apiKey;
    }

    public List<MalformedRequest> generate(int size) {
        Random random = new Random(SEED);
        List<MalformedRequest> corpus = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            ApiDescription.Operation operation = operations.get(random.nextInt(operations.size()));
            corpus.add(operation.hasBody() ? bodyMutation(operation, random, i) : pathMutation(operation, random));
        }
        return corpus;
    }

    // --- operations with a body -----------------------------------------------------------------

    private MalformedRequest bodyMutation(ApiDescription.Operation operation, Random random, int index) {
        String valid = validBody(operation.template());
        int choice = random.nextInt(100);
        if (choice < 12) {
            return body("malformed JSON", operation, json(), brokenJson(valid, random));
        } else if (choice < 24) {
            return body("wrong type", operation, json(), replaceFirstValue(valid, randomWrongValue(random)));
        } else if (choice < 34) {
            return body("missing field", operation, json(), removeFirstField(valid));
        } else if (choice < 40) {
            return body(
                    "huge string",
                    operation,
                    json(),
                    replaceFirstString(valid, "x".repeat(100_000 + random.nextInt(300_000))));
        } else if (choice < 50) {
            int depth = List.of(64, 200, 990, 2_000, 20_000).get(random.nextInt(5));
            return body(
                    "deep nesting (" + depth + ")",
                    operation,
                    json(),
                    deeplyNested(operation.template(), depth, random));
        } else if (choice < 64) {
            String control = List.of("\\u0000", "\\u0001", "\\u001f", "\\u007f", "\\ud800", "\\udfff", "\\u0000\\u0000")
                    .get(random.nextInt(7));
            return body(
                    "control character " + control,
                    operation,
                    json(),
                    replaceFirstString(valid, "before" + control + "after", true));
        } else if (choice < 72) {
            byte[] broken = List.of(
                            new byte[] {(byte) 0xC3, 0x28},
                            new byte[] {(byte) 0xFF},
                            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                            new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80})
                    .get(random.nextInt(4));
            return body("invalid UTF-8", operation, json(), withBytesInFirstString(valid, broken));
        } else if (choice < 90) {
            String type = List.of(
                            "application/json; charset=foo",
                            "application/json; charset=",
                            "application/json; charset=\"utf-8",
                            "application/json; charset=utf-16",
                            "application/json;;;",
                            "text/plain",
                            "application/xml",
                            "multipart/form-data",
                            "application/x-www-form-urlencoded",
                            "",
                            "application/jsonx",
                            "application/json; charset=ISO-8859-1")
                    .get(random.nextInt(12));
            return new MalformedRequest(
                    "content type '" + type + "'",
                    operation.method().toUpperCase(),
                    operation.path(),
                    headers(type),
                    valid.getBytes(StandardCharsets.UTF_8));
        } else if (choice < 98) {
            return body(
                    "extra field",
                    operation,
                    json(),
                    valid.replaceFirst("\\{", "{\"unexpected_" + index + "\": [1, {\"a\": null}], "));
        } else {
            byte[] huge = new byte[(int) Math.min(Integer.MAX_VALUE - 16, bodyLimitBytes + 1 + random.nextInt(4096))];
            java.util.Arrays.fill(huge, (byte) ' ');
            huge[0] = '{';
            huge[huge.length - 1] = '}';
            return new MalformedRequest(
                    "body over the limit",
                    operation.method().toUpperCase(),
                    operation.path(),
                    headers("application/json"),
                    huge);
        }
    }

    private String validBody(String template) {
        return switch (template) {
            case "/api/signatures", "/api/signatures/compile" ->
                "{\"definition\": \"signature corpus_probe: :string question -> :string answer\", \"constraints\": {\"question\": {\"minLength\": 1}}}";
            case "/api/programs" ->
                "{\"name\": \"corpus probe\", \"signature_id\": \"" + targets.signatureId()
                        + "\", \"adapter\": \"native\", \"config\": {\"fail_with\": \"never\"}}";
            case "/api/executions" ->
                "{\"program_id\": \"" + targets.pythonProgramId()
                        + "\", \"inputs\": {\"question\": \"why\", \"context\": {\"k\": \"v\"}}}";
            default -> "{\"name\": \"probe\", \"value\": \"probe\"}";
        };
    }

    private String deeplyNested(String template, int depth, Random random) {
        String open = random.nextBoolean() ? "[" : "{\"k\":";
        String close = open.equals("[") ? "]" : "}";
        String nested = open.repeat(depth) + "1" + close.repeat(depth);
        return switch (template) {
            case "/api/executions" ->
                "{\"program_id\": \"" + targets.pythonProgramId()
                        + "\", \"inputs\": {\"question\": \"deep\", \"context\": "
                        + (open.equals("[") ? "{\"k\":" + nested + "}" : nested) + "}}";
            case "/api/programs" ->
                "{\"name\": \"deep\", \"signature_id\": \"" + targets.signatureId()
                        + "\", \"adapter\": \"native\", \"config\": {\"k\": " + nested + "}}";
            default ->
                "{\"definition\": \"signature deep: :string q -> :string a\", \"constraints\": {\"q\": " + nested
                        + "}}";
        };
    }

    private static String brokenJson(String valid, Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> valid.substring(0, 1 + random.nextInt(valid.length() - 1));
            case 1 -> "{";
            case 2 -> "[1, 2";
            case 3 -> "{\"a\": }";
            case 4 -> valid.replace("\"", "'");
            default -> "null";
        };
    }

    private static String randomWrongValue(Random random) {
        return List.of(
                        "42",
                        "-1.5e308",
                        "true",
                        "null",
                        "[]",
                        "[\"a\", 1]",
                        "{}",
                        "{\"nested\": {\"x\": 1}}",
                        "\"\"",
                        "99999999999999999999999")
                .get(random.nextInt(10));
    }

    private static String replaceFirstValue(String json, String value) {
        return json.replaceFirst(
                ":\\s*(\"[^\"]*\"|\\{[^{}]*}|[^,}]+)", ": " + java.util.regex.Matcher.quoteReplacement(value));
    }

    private static String removeFirstField(String json) {
        return json.replaceFirst("\"[^\"]+\":\\s*\"[^\"]*\",?\\s*", "");
    }

    private static String replaceFirstString(String json, String text) {
        return replaceFirstString(json, text, false);
    }

    private static String replaceFirstString(String json, String text, boolean alreadyEscaped) {
        String value = alreadyEscaped ? text : text.replace("\\", "\\\\").replace("\"", "\\\"");
        return json.replaceFirst(":\\s*\"[^\"]*\"", ": \"" + java.util.regex.Matcher.quoteReplacement(value) + "\"");
    }

    private static byte[] withBytesInFirstString(String json, byte[] broken) {
        String marker = "\u0001MARK\u0001";
        byte[] text = replaceFirstString(json, "a" + marker + "b", true).getBytes(StandardCharsets.UTF_8);
        byte[] mark = marker.getBytes(StandardCharsets.UTF_8);
        int at = indexOf(text, mark);
        byte[] out = new byte[text.length - mark.length + broken.length];
        System.arraycopy(text, 0, out, 0, at);
        System.arraycopy(broken, 0, out, at, broken.length);
        System.arraycopy(text, at + mark.length, out, at + broken.length, text.length - at - mark.length);
        return out;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("marker not found");
    }

    // --- operations without a body --------------------------------------------------------------

    private MalformedRequest pathMutation(ApiDescription.Operation operation, Random random) {
        String template = operation.template();
        String base = template.contains("{") ? template.substring(0, template.indexOf('{')) : template;
        int choice = random.nextInt(10);
        String path;
        String kind;
        if (template.contains("{") && choice < 6) {
            String id = List.of(
                            "%00",
                            "not-a-uuid",
                            "%FF%FE",
                            "x".repeat(5_000),
                            "%E2%80%AE",
                            "..%2F..%2Fetc%2Fpasswd",
                            "' OR '1'='1",
                            "%C3%28",
                            "00000000-0000-0000-0000-000000000000%00",
                            "%7B%7D")
                    .get(random.nextInt(10));
            path = base + id.replace("'", "%27").replace(" ", "%20");
            kind = "malformed id";
        } else {
            String query = List.of(
                            "limit=-1",
                            "limit=abc",
                            "limit=99999999999",
                            "offset=-5",
                            "status=%00",
                            "status=unknown",
                            "program_id=not-a-uuid",
                            "program_id=%00",
                            "limit=1e3",
                            "status=queued&status=running",
                            "%FF=%FE",
                            "limit=")
                    .get(random.nextInt(12));
            path = operation.path() + "?" + query;
            kind = "malformed query";
        }
        return new MalformedRequest(kind, operation.method().toUpperCase(), path, headers(null), null);
    }

    private MalformedRequest body(
            String kind, ApiDescription.Operation operation, Map<String, String> headers, String body) {
        return body(kind, operation, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    private MalformedRequest body(
            String kind, ApiDescription.Operation operation, Map<String, String> headers, byte[] body) {
        return new MalformedRequest(kind, operation.method().toUpperCase(), operation.path(), headers, body);
    }

    private Map<String, String> json() {
        return headers("application/json");
    }

    private Map<String, String> headers(String contentType) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + apiKey);
        headers.put("Accept", "application/json");
        if (contentType != null && !contentType.isEmpty()) {
            headers.put("Content-Type", contentType);
        }
        return headers;
    }
}
