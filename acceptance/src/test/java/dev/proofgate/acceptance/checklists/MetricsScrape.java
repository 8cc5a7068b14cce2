package dev.proofgate.acceptance.checklists;

import java.util.LinkedHashMap;
import java.util.Map;

/** One scrape of the platform's Prometheus text, read as series name (with labels) to value. */
public final class MetricsScrape {

    private final Map<String, Double> series;

    private MetricsScrape(Map<String, Double> series) {
        this.series = series;
    }

    public static MetricsScrape of(RawHttp http) {
        RawHttp.Exchange answer = http.get("/metrics", Map.of());
        if (answer.status() != 200) {
            throw new AssertionError("the platform's metrics could not be read: " + answer.summary());
        }
        Map<String, Double> series = new LinkedHashMap<>();
        for (String line : answer.body().split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            try {
                series.put(line.substring(0, space).trim(), Double.parseDouble(line.substring(space + 1)));
            } catch (NumberFormatException e) {
                // not a sample line
            }
        }
        return new MetricsScrape(series);
    }

    /** The series' value; a series not yet exported counts as 0 (counters start there). */
    public double value(String name) {
        return series.getOrDefault(name, 0.0);
    }
}
