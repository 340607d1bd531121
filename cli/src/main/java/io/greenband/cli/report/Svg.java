package io.greenband.cli.report;

import java.util.List;
import java.util.Locale;

/** Small inline-SVG charts: scatter, line and bars, with axes labelled by their extremes. */
final class Svg {

    static final int W = 560;
    static final int H = 320;
    private static final int PAD = 50;

    private Svg() {
    }

    /** A scatter of (x, y) points; {@code highlight[i]} draws point i larger and green. */
    static String scatter(String xLabel, String yLabel, double[] x, double[] y, boolean[] highlight) {
        Frame f = new Frame(x, y);
        StringBuilder sb = open(xLabel, yLabel, f);
        for (int i = 0; i < x.length; i++) {
            sb.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%d\" fill=\"%s\"/>",
                    f.px(x[i]), f.py(y[i]), highlight[i] ? 5 : 3, highlight[i] ? "#2e7d32" : "#9e9e9e"));
        }
        return sb.append("</svg>").toString();
    }

    /** A polyline through (x, y). */
    static String line(String xLabel, String yLabel, double[] x, double[] y) {
        Frame f = new Frame(x, y);
        StringBuilder sb = open(xLabel, yLabel, f).append("<polyline fill=\"none\" stroke=\"#2e7d32\" stroke-width=\"2\" points=\"");
        for (int i = 0; i < x.length; i++) {
            sb.append(String.format(Locale.ROOT, "%.1f,%.1f ", f.px(x[i]), f.py(y[i])));
        }
        return sb.append("\"/></svg>").toString();
    }

    /** One bar per value, labelled below when there are few. */
    static String bars(String yLabel, List<String> labels, double[] values) {
        double[] xs = new double[values.length];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = i;
        }
        double[] ys = new double[values.length + 1];
        System.arraycopy(values, 0, ys, 0, values.length);
        Frame f = new Frame(new double[] {0, Math.max(1, values.length)}, ys);
        StringBuilder sb = open("trial", yLabel, f);
        double bw = (W - 2.0 * PAD) / Math.max(1, values.length);
        for (int i = 0; i < values.length; i++) {
            double top = f.py(values[i]);
            sb.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#66bb6a\">"
                    + "<title>%s: %s</title></rect>", PAD + i * bw + 1, top, Math.max(1, bw - 2), H - PAD - top,
                    Html.escape(labels.get(i)), Html.number(values[i])));
        }
        return sb.append("</svg>").toString();
    }

    private static StringBuilder open(String xLabel, String yLabel, Frame f) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                        + "font-family=\"sans-serif\" font-size=\"11\">", W, H, W, H));
        sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>", PAD, H - PAD, W - PAD, H - PAD));
        sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>", PAD, PAD, PAD, H - PAD));
        sb.append(text(PAD, H - PAD + 14, "start", Html.number(f.x0))).append(text(W - PAD, H - PAD + 14, "end", Html.number(f.x1)));
        sb.append(text(PAD - 4, H - PAD, "end", Html.number(f.y0))).append(text(PAD - 4, PAD + 4, "end", Html.number(f.y1)));
        sb.append(text(W / 2, H - 12, "middle", xLabel));
        sb.append(String.format(Locale.ROOT, "<text x=\"14\" y=\"%d\" text-anchor=\"middle\" transform=\"rotate(-90 14 %d)\">%s</text>",
                H / 2, H / 2, Html.escape(yLabel)));
        return sb;
    }

    private static String text(int x, int y, String anchor, String s) {
        return String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\">%s</text>", x, y, anchor, Html.escape(s));
    }

    /** Data extremes mapped to the plot area. */
    private static final class Frame {
        final double x0;
        final double x1;
        final double y0;
        final double y1;

        Frame(double[] x, double[] y) {
            double[] xr = range(x);
            double[] yr = range(y);
            x0 = xr[0];
            x1 = xr[1];
            y0 = yr[0];
            y1 = yr[1];
        }

        double px(double v) {
            return PAD + (v - x0) / (x1 - x0) * (W - 2 * PAD);
        }

        double py(double v) {
            return H - PAD - (v - y0) / (y1 - y0) * (H - 2 * PAD);
        }

        private static double[] range(double[] v) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double d : v) {
                lo = Math.min(lo, d);
                hi = Math.max(hi, d);
            }
            if (!(lo < hi)) {
                lo = Double.isFinite(lo) ? lo - 0.5 : 0;
                hi = lo + 1;
            }
            return new double[] {lo, hi};
        }
    }
}
