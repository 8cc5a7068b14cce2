package dev.proofgate.acceptance.faults;

import java.util.List;
import java.util.Locale;

/**
 * The scenario as a chart a person reads at a glance: submissions accepted, completions and errors
 * (refusals and unanswered submissions) per interval, with each fault shaded, so the dip and the
 * recovery are visible. Plain SVG, no library: three polylines and a few rectangles.
 */
final class Timeline {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 320;
    private static final int LEFT = 50;
    private static final int RIGHT = 20;
    private static final int TOP = 30;
    private static final int BOTTOM = 45;

    private Timeline() {}

    static String svg(
            String title,
            List<Ledger.Entry> entries,
            List<Long> completions,
            List<Ledger.Fault> faults,
            long intervalMillis) {
        long start = entries.stream().mapToLong(Ledger.Entry::sentAt).min().orElse(System.currentTimeMillis());
        long end = Math.max(
                entries.stream().mapToLong(Ledger.Entry::answeredAt).max().orElse(start),
                completions.stream().mapToLong(Long::longValue).max().orElse(start));
        for (Ledger.Fault fault : faults) {
            start = Math.min(start, fault.startedAt());
            end = Math.max(end, fault.endedAt());
        }
        int buckets = (int) Math.max(1, (end - start) / intervalMillis + 1);
        int[] accepted = new int[buckets];
        int[] errors = new int[buckets];
        int[] completed = new int[buckets];
        for (Ledger.Entry entry : entries) {
            int bucket = (int) ((entry.sentAt() - start) / intervalMillis);
            if (entry.seen() == Ledger.Seen.ACCEPTED) {
                accepted[bucket]++;
            } else {
                errors[bucket]++;
            }
        }
        for (long at : completions) {
            if (at >= start) {
                completed[(int) Math.min(buckets - 1, (at - start) / intervalMillis)]++;
            }
        }
        int max = 1;
        for (int i = 0; i < buckets; i++) {
            max = Math.max(max, Math.max(accepted[i], Math.max(errors[i], completed[i])));
        }
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        double xScale = plotWidth / Math.max(1, end - start);
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"11\">%n",
                WIDTH,
                HEIGHT));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append(String.format(
                Locale.ROOT,
                "<text x=\"%d\" y=\"18\" font-size=\"13\">%s (per %d ms)</text>%n",
                LEFT,
                escape(title),
                intervalMillis));
        for (int i = 0; i < faults.size(); i++) {
            Ledger.Fault fault = faults.get(i);
            double x = LEFT + (fault.startedAt() - start) * xScale;
            double w = Math.max(2, (fault.endedAt() - fault.startedAt()) * xScale);
            svg.append(String.format(
                    Locale.ROOT,
                    "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%.1f\" fill=\"#f4c7c3\" opacity=\"0.7\"/>%n",
                    x,
                    TOP,
                    w,
                    plotHeight));
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%d\" fill=\"#a33\">%s</text>%n",
                    x + 2,
                    TOP + 12,
                    escape(fault.kind())));
        }
        svg.append(String.format(
                Locale.ROOT,
                "<line x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#333\"/>%n",
                LEFT,
                TOP + plotHeight,
                LEFT + plotWidth,
                TOP + plotHeight));
        svg.append(String.format(
                Locale.ROOT,
                "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%.1f\" stroke=\"#333\"/>%n",
                LEFT,
                TOP,
                LEFT,
                TOP + plotHeight));
        svg.append(String.format(
                Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%d</text>%n", LEFT - 4, TOP + 4, max));
        svg.append(String.format(
                Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">0</text>%n", LEFT - 4, TOP + plotHeight));
        for (long s = 0; s * 1000 <= end - start; s++) {
            double x = LEFT + s * 1000 * xScale;
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%ds</text>%n",
                    x,
                    TOP + plotHeight + 14,
                    s));
        }
        series(svg, accepted, "#1f77b4", start, intervalMillis, xScale, plotHeight, max);
        series(svg, completed, "#2ca02c", start, intervalMillis, xScale, plotHeight, max);
        series(svg, errors, "#d62728", start, intervalMillis, xScale, plotHeight, max);
        legend(svg, 0, "#1f77b4", "submissions accepted");
        legend(svg, 1, "#2ca02c", "completions");
        legend(svg, 2, "#d62728", "errors (refused or unanswered)");
        legend(svg, 3, "#f4c7c3", "fault");
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static void series(
            StringBuilder svg,
            int[] values,
            String colour,
            long start,
            long interval,
            double xScale,
            double plotHeight,
            int max) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            double x = LEFT + (i * interval + interval / 2.0) * xScale;
            double y = TOP + plotHeight - values[i] * plotHeight / max;
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        }
        svg.append(String.format(
                Locale.ROOT,
                "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>%n",
                colour,
                points.toString().trim()));
    }

    private static void legend(StringBuilder svg, int index, String colour, String label) {
        int x = LEFT + index * 200;
        int y = HEIGHT - 10;
        svg.append(String.format(
                Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"8\" fill=\"%s\"/>", x, y - 8, colour));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>%n", x + 18, y, escape(label)));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
