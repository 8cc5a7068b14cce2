package dev.proofgate.gate.support;

import io.qameta.allure.Allure;
import java.util.List;
import java.util.Map;

/** Attaches evidence to the step that is running, so the report shows what each line was decided on. */
public final class Evidence {

    private static final int MAX_CHARS = 20_000;

    private Evidence() {}

    public static void json(String name, String json) {
        if (noStepRunning()) {
            return;
        }
        Allure.addAttachment(name, "application/json", clip(json), ".json");
    }

    public static void text(String name, String text) {
        if (noStepRunning()) {
            return;
        }
        Allure.addAttachment(name, "text/plain", clip(text), ".txt");
    }

    /** A chart; never clipped, since a cut SVG does not render. */
    public static void svg(String name, String svg) {
        if (noStepRunning()) {
            return;
        }
        Allure.addAttachment(name, "image/svg+xml", svg, ".svg");
    }

    /** Rows as a small CSV table (the report renders it as a table). */
    public static void rows(String name, List<Map<String, Object>> rows) {
        if (noStepRunning()) {
            return;
        }
        StringBuilder csv = new StringBuilder();
        if (!rows.isEmpty()) {
            csv.append(String.join(",", rows.get(0).keySet())).append('\n');
            for (Map<String, Object> row : rows) {
                csv.append(String.join(
                                ",", row.values().stream().map(Evidence::cell).toList()))
                        .append('\n');
            }
        } else {
            csv.append("(no rows)\n");
        }
        Allure.addAttachment(name, "text/csv", clip(csv.toString()), ".csv");
    }

    /** Outside a scenario (a unit test of a domain object) there is no step to attach to. */
    private static boolean noStepRunning() {
        return Allure.getLifecycle().getCurrentTestCaseOrStep().isEmpty();
    }

    private static String cell(Object value) {
        String text = String.valueOf(value);
        return text.contains(",") || text.contains("\"") || text.contains("\n")
                ? "\"" + text.replace("\"", "\"\"") + "\""
                : text;
    }

    private static String clip(String text) {
        return text.length() <= MAX_CHARS
                ? text
                : text.substring(0, MAX_CHARS) + "\n... (" + (text.length() - MAX_CHARS) + " more characters)";
    }
}
