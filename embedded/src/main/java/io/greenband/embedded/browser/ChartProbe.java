package io.greenband.embedded.browser;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the charts a greenband page drew (the aggregator's dashboard, the CLI's report: both
 * register their ECharts instances in {@code window.GreenbandCharts.instances}) through JavaScript:
 * series, axis names, and how many canvas pixels are painted.
 */
public final class ChartProbe {

    /**
     * Per chart name: {@code series} (type, name, data length), {@code x}/{@code y} axis names,
     * {@code painted}.
     */
    public static final String SCRIPT =
            """
            (() => {
              const out = {};
              for (const [name, chart] of Object.entries(window.GreenbandCharts.instances)) {
                const o = chart.getOption();
                const canvas = chart.getDom().querySelector('canvas');
                let painted = 0;
                if (canvas) {
                  // Read a copy made for readback, so the page's own canvas draws as it always does.
                  const copy = document.createElement('canvas');
                  copy.width = canvas.width;
                  copy.height = canvas.height;
                  const ctx = copy.getContext('2d', { willReadFrequently: true });
                  ctx.drawImage(canvas, 0, 0);
                  const px = ctx.getImageData(0, 0, copy.width, copy.height).data;
                  for (let i = 3; i < px.length; i += 4) if (px[i] > 0) painted++;
                }
                out[name] = {
                  series: o.series.map((s) => s.type + ' ' + s.name + ' ' + (s.data || []).length),
                  x: (o.xAxis || []).map((a) => a.name), y: (o.yAxis || []).map((a) => a.name), painted: painted
                };
              }
              return out;
            })()
            """;

    private ChartProbe() {}

    /** Every chart of the page, as {@link #SCRIPT} describes them. */
    public static JsonNode charts(BrowserPage page) {
        return page.evaluate(SCRIPT);
    }

    /**
     * The series of chart {@code name}, each as {@code "type name length"}; empty when there is no
     * such chart.
     */
    public static List<String> series(JsonNode charts, String name) {
        List<String> out = new ArrayList<>();
        charts.path(name).path("series").forEach(s -> out.add(s.asText()));
        return out;
    }
}
