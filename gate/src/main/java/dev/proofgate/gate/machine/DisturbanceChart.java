package dev.proofgate.gate.machine;

import java.util.List;
import java.util.Locale;

/**
 * A small SVG of one measurement's machine: the foreign CPU per interval (percent of all cores) against
 * its threshold, and the worst hiccup per interval on its own scale. Title above, legend below.
 */
final class DisturbanceChart {

    private static final int WIDTH = 560;
    private static final int HEIGHT = 220;
    private static final int LEFT = 48;
    private static final int RIGHT = 56;
    private static final int TOP = 30;
    private static final int BOTTOM = 56;

    private DisturbanceChart() {}

    static String svg(Disturbance d) {
        List<Disturbance.Point> points = d.series();
        double seconds = Math.max(0.001, points.get(points.size() - 1).atMillis() / 1000.0);
        double hiccupTop = Math.max(
                5,
                points.stream()
                                .mapToDouble(Disturbance.Point::hiccupMaxMs)
                                .max()
                                .orElse(0)
                        * 1.1);
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(
                Locale.ROOT,
                "<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='%d' font-family='sans-serif' font-size='11'>",
                WIDTH,
                HEIGHT));
        svg.append("<rect width='100%' height='100%' fill='white'/>");
        svg.append(String.format(
                Locale.ROOT,
                "<text x='%d' y='16' font-size='13'>%s</text>",
                LEFT,
                escape(d.disturbed() ? "Machine disturbed while measuring" : "Machine fit while measuring")));
        svg.append(String.format(
                Locale.ROOT,
                "<rect x='%d' y='%d' width='%d' height='%d' fill='none' stroke='#999'/>",
                LEFT,
                TOP,
                plotW,
                plotH));
        for (int pct = 0; pct <= 100; pct += 25) {
            double y = TOP + plotH - plotH * pct / 100.0;
            svg.append(String.format(
                    Locale.ROOT, "<text x='%d' y='%.1f' text-anchor='end'>%d %%</text>", LEFT - 4, y + 4, pct));
        }
        svg.append(String.format(
                Locale.ROOT, "<text x='%d' y='%.1f'>%.0f ms</text>", LEFT + plotW + 4, TOP + 8.0, hiccupTop));
        svg.append(
                String.format(Locale.ROOT, "<text x='%d' y='%.1f'>0 ms</text>", LEFT + plotW + 4, TOP + plotH + 4.0));
        double thresholdY = TOP + plotH - plotH * Math.min(100, d.thresholds().foreignCpuPercent()) / 100.0;
        svg.append(String.format(
                Locale.ROOT,
                "<line x1='%d' x2='%d' y1='%.1f' y2='%.1f' stroke='#c0392b' stroke-dasharray='6,4'/>",
                LEFT,
                LEFT + plotW,
                thresholdY,
                thresholdY));
        svg.append(
                polyline(points, seconds, plotW, plotH, p -> Math.min(100, p.foreignCpuPercent()) / 100.0, "#2c6fbb"));
        svg.append(
                polyline(points, seconds, plotW, plotH, p -> Math.min(hiccupTop, p.hiccupMaxMs()) / hiccupTop, "#888"));
        svg.append(String.format(
                Locale.ROOT,
                "<text x='%d' y='%d'>0 s</text><text x='%d' y='%d' text-anchor='end'>%.1f s</text>",
                LEFT,
                TOP + plotH + 14,
                LEFT + plotW,
                TOP + plotH + 14,
                seconds));
        int legendY = HEIGHT - 14;
        svg.append(String.format(
                Locale.ROOT,
                "<line x1='%d' x2='%d' y1='%d' y2='%d' stroke='#2c6fbb' stroke-width='2'/><text x='%d' y='%d'>foreign CPU (left)</text>",
                LEFT,
                LEFT + 18,
                legendY - 4,
                legendY - 4,
                LEFT + 22,
                legendY));
        svg.append(String.format(
                Locale.ROOT,
                "<line x1='%d' x2='%d' y1='%d' y2='%d' stroke='#c0392b' stroke-dasharray='6,4'/><text x='%d' y='%d'>threshold %.0f %%</text>",
                LEFT + 140,
                LEFT + 158,
                legendY - 4,
                legendY - 4,
                LEFT + 162,
                legendY,
                d.thresholds().foreignCpuPercent()));
        svg.append(String.format(
                Locale.ROOT,
                "<line x1='%d' x2='%d' y1='%d' y2='%d' stroke='#888' stroke-width='2'/><text x='%d' y='%d'>worst hiccup (right)</text>",
                LEFT + 260,
                LEFT + 278,
                legendY - 4,
                legendY - 4,
                LEFT + 282,
                legendY));
        svg.append("</svg>");
        return svg.toString();
    }

    private static String polyline(
            List<Disturbance.Point> points,
            double seconds,
            int plotW,
            int plotH,
            java.util.function.ToDoubleFunction<Disturbance.Point> share,
            String colour) {
        StringBuilder line =
                new StringBuilder("<polyline fill='none' stroke-width='2' stroke='" + colour + "' points='");
        for (Disturbance.Point p : points) {
            double x = LEFT + plotW * (p.atMillis() / 1000.0) / seconds;
            double y = TOP + plotH - plotH * share.applyAsDouble(p);
            line.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        }
        return line.append("'/>").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;");
    }
}
