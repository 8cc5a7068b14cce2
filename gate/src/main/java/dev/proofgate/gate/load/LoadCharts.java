package dev.proofgate.gate.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/** The two charts of a load run, as plain SVG: latency over time, and the percentile curve. */
public final class LoadCharts {

    private static final int WIDTH = 760;
    private static final int HEIGHT = 320;
    private static final int LEFT = 64;
    private static final int RIGHT = 64;
    private static final int TOP = 36;
    private static final int BOTTOM = 44;

    private LoadCharts() {}

    /** p50, p99 and max per second (left axis, ms) and completed operations per second (right axis, bars). */
    public static String latencyOverTime(LoadResult result) {
        List<LoadResult.Sample> samples = result.timeline();
        double maxMs = Math.max(
                1, samples.stream().mapToDouble(LoadResult.Sample::maxMs).max().orElse(1));
        double maxRate = Math.max(
                1, samples.stream().mapToLong(LoadResult.Sample::count).max().orElse(1));
        long seconds = Math.max(
                1, samples.isEmpty() ? 1 : samples.get(samples.size() - 1).second());
        StringBuilder svg = open(result.name() + ": latency over time ("
                + result.profile().model().name().toLowerCase(Locale.ROOT) + " model)");
        axes(svg, "seconds", "ms", "ops/s");
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        double barW = Math.max(1, plotW / (seconds + 1) - 1);
        for (LoadResult.Sample s : samples) {
            // a sample taken at second n covers the second before it
            double x = LEFT + plotW * Math.max(0, s.second() - 1) / (seconds + 1);
            double h = plotH * s.count() / maxRate;
            svg.append(String.format(
                    Locale.ROOT,
                    "<rect x='%.1f' y='%.1f' width='%.1f' height='%.1f' fill='#deebf7'/>%n",
                    x,
                    TOP + plotH - h,
                    barW,
                    h));
        }
        long boundary = 0;
        int labelRow = 0;
        for (LoadProfile.Phase phase : result.profile().phases()) {
            double x = LEFT + plotW * (boundary / 1e9) / (seconds + 1);
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1='%.1f' y1='%d' x2='%.1f' y2='%d' stroke='#999' stroke-dasharray='4,3'/>%n",
                    x,
                    TOP,
                    x,
                    HEIGHT - BOTTOM));
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x='%.1f' y='%d' font-size='10' fill='#666'>%s</text>%n",
                    x + 3,
                    TOP + 12 + 12 * (labelRow++ % 2),
                    phase.name()));
            boundary += phase.duration().toNanos();
        }
        line(svg, samples, s -> s.p50Ms(), maxMs, seconds, "#3182bd");
        line(svg, samples, s -> s.p99Ms(), maxMs, seconds, "#e6550d");
        line(svg, samples, s -> s.maxMs(), maxMs, seconds, "#756bb1");
        ticks(svg, maxMs, maxRate, seconds);
        legend(svg, List.of("p50", "#3182bd", "p99", "#e6550d", "max", "#756bb1", "ops/s", "#9ecae1"));
        return svg.append("</svg>\n").toString();
    }

    /** Latency at each percentile of the measured phases, the x axis spread by "nines" (90, 99, 99.9 ...). */
    public static String percentileCurve(LoadResult result) {
        Histogram latency = result.measured().latency();
        StringBuilder svg = open(
                result.name() + ": latency by percentile (measured phases, " + latency.getTotalCount() + " samples)");
        axes(svg, "percentile", "ms", "");
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        double maxNines = 4;
        double maxMs = Math.max(0.001, latency.getTotalCount() == 0 ? 1 : latency.getMaxValue() / 1000.0);
        List<double[]> points = new ArrayList<>();
        if (latency.getTotalCount() > 0) {
            for (HistogramIterationValue value : latency.percentiles(5)) {
                double nines = Math.min(
                        maxNines, -Math.log10(Math.max(1e-6, 1 - value.getPercentileLevelIteratedTo() / 100.0)));
                points.add(new double[] {nines, value.getValueIteratedTo() / 1000.0});
            }
        }
        StringBuilder path = new StringBuilder();
        for (double[] p : points) {
            double x = LEFT + plotW * p[0] / maxNines;
            double y = TOP + plotH - plotH * Math.min(1, p[1] / maxMs);
            path.append(path.length() == 0 ? "M" : "L").append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        }
        svg.append("<path d='").append(path).append("' fill='none' stroke='#e6550d' stroke-width='2'/>\n");
        String[] labels = {"0%", "90%", "99%", "99.9%", "99.99%"};
        for (int i = 0; i <= maxNines; i++) {
            double x = LEFT + plotW * i / maxNines;
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x='%.1f' y='%d' font-size='10' text-anchor='middle'>%s</text>%n",
                    x,
                    HEIGHT - BOTTOM + 14,
                    labels[i]));
        }
        for (int i = 0; i <= 4; i++) {
            double y = TOP + plotH - plotH * i / 4;
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x='%d' y='%.1f' font-size='10' text-anchor='end'>%.2f</text>%n",
                    LEFT - 4,
                    y + 3,
                    maxMs * i / 4));
        }
        return svg.append("</svg>\n").toString();
    }

    private interface Value {
        double of(LoadResult.Sample sample);
    }

    private static void line(
            StringBuilder svg,
            List<LoadResult.Sample> samples,
            Value value,
            double maxMs,
            long seconds,
            String colour) {
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        StringBuilder path = new StringBuilder();
        for (LoadResult.Sample s : samples) {
            if (s.count() == 0) {
                continue;
            }
            double x = LEFT + plotW * (s.second() - 0.5) / (seconds + 1);
            double y = TOP + plotH - plotH * value.of(s) / maxMs;
            path.append(path.length() == 0 ? "M" : "L").append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        }
        if (path.length() > 0) {
            svg.append("<path d='")
                    .append(path)
                    .append("' fill='none' stroke='")
                    .append(colour)
                    .append("' stroke-width='1.8'/>\n");
        }
    }

    private static void ticks(StringBuilder svg, double maxMs, double maxRate, long seconds) {
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        for (int i = 0; i <= 4; i++) {
            double y = TOP + plotH - plotH * i / 4;
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x='%d' y='%.1f' font-size='10' text-anchor='end'>%.1f</text>%n",
                    LEFT - 4,
                    y + 3,
                    maxMs * i / 4));
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x='%d' y='%.1f' font-size='10'>%,.0f</text>%n",
                    WIDTH - RIGHT + 4,
                    y + 3,
                    maxRate * i / 4));
        }
        long step = Math.max(1, (seconds + 1) / 10);
        for (long s = 0; s <= seconds + 1; s += step) {
            double x = LEFT + plotW * s / (seconds + 1);
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x='%.1f' y='%d' font-size='10' text-anchor='middle'>%d</text>%n",
                    x,
                    HEIGHT - BOTTOM + 14,
                    s));
        }
    }

    private static StringBuilder open(String title) {
        StringBuilder svg = new StringBuilder(String.format(
                Locale.ROOT,
                "<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='%d' font-family='sans-serif'>%n",
                WIDTH,
                HEIGHT));
        svg.append("<rect width='100%' height='100%' fill='white'/>\n");
        svg.append(String.format(Locale.ROOT, "<text x='%d' y='20' font-size='13'>%s</text>%n", LEFT, escape(title)));
        return svg;
    }

    private static void axes(StringBuilder svg, String x, String left, String right) {
        svg.append(String.format(
                Locale.ROOT,
                "<line x1='%d' y1='%d' x2='%d' y2='%d' stroke='black'/>%n",
                LEFT,
                HEIGHT - BOTTOM,
                WIDTH - RIGHT,
                HEIGHT - BOTTOM));
        svg.append(String.format(
                Locale.ROOT,
                "<line x1='%d' y1='%d' x2='%d' y2='%d' stroke='black'/>%n",
                LEFT,
                TOP,
                LEFT,
                HEIGHT - BOTTOM));
        svg.append(String.format(
                Locale.ROOT,
                "<text x='%d' y='%d' font-size='11' text-anchor='middle'>%s</text>%n",
                (LEFT + WIDTH - RIGHT) / 2,
                HEIGHT - 8,
                x));
        svg.append(String.format(Locale.ROOT, "<text x='12' y='%d' font-size='11'>%s</text>%n", TOP - 4, left));
        if (!right.isEmpty()) {
            svg.append(String.format(
                    Locale.ROOT, "<text x='%d' y='%d' font-size='11'>%s</text>%n", WIDTH - RIGHT + 4, TOP - 4, right));
        }
    }

    private static void legend(StringBuilder svg, List<String> entries) {
        int x = WIDTH - RIGHT - 260;
        for (int i = 0; i < entries.size(); i += 2) {
            svg.append(String.format(
                    Locale.ROOT,
                    "<rect x='%d' y='8' width='10' height='10' fill='%s'/><text x='%d' y='17' font-size='11'>%s</text>%n",
                    x,
                    entries.get(i + 1),
                    x + 14,
                    entries.get(i)));
            x += 62;
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
