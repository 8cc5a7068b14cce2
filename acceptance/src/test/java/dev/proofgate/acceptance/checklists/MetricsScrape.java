package dev.proofgate.acceptance.checklists;

import dev.proofgate.acceptance.drivers.OperationsApi;
import java.util.LinkedHashMap;
import java.util.Map;

/** One scrape of the platform's Prometheus text, read as series name (with labels) to value. */
public final class MetricsScrape {

    private final Map<String, Double> series;

    private MetricsScrape(Map<String, Double> series) {
        this.series = series;
    }

    public static MetricsScrape of(OperationsApi operations) {
        Map<String, Double> series = new LinkedHashMap<>();
        for (String line : operations.metrics().split("\n")) {
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
