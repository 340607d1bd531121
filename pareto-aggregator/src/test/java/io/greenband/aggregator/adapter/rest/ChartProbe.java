package io.greenband.aggregator.adapter.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.greenband.embedded.browser.BrowserPage;
import java.util.ArrayList;
import java.util.List;

/** Reads the page's chart instances through JavaScript: series, axis names, and how many canvas pixels are painted. */
final class ChartProbe {

    /** Per chart name: {@code series} (type, name, data length), {@code x}/{@code y} axis names, {@code painted}. */
    static final String SCRIPT = """
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

    private ChartProbe() {
    }

    static JsonNode charts(BrowserPage page) {
        return page.evaluate(SCRIPT);
    }

    static List<String> series(JsonNode charts, String name) {
        List<String> out = new ArrayList<>();
        charts.path(name).path("series").forEach(s -> out.add(s.asText()));
        return out;
    }
}
