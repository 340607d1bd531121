package io.greenband.aggregator.driver;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenband.aggregator.core.export.CodeCarbonCsv;
import io.greenband.aggregator.core.export.EmissionsRow;
import io.greenband.events.payload.EnergySample;
import io.greenband.events.payload.HostFacts;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The facts a monitor sends with its samples reach the emissions export through the engine and the
 * store, written once per change rather than once per sample.
 */
class MachineFactsFlowTest {

    private static final HostFacts FACTS =
            new HostFacts(
                    "Linux 6.1 (Debian GNU/Linux 12 (bookworm))",
                    "Test CPU 3000",
                    32,
                    128L << 30,
                    "test GPU",
                    1,
                    "SE",
                    "Stockholm");

    private final InMemoryScoreStore store = new InMemoryScoreStore();

    private ScoringEngine engine() {
        return ScoringEngine.builder()
                .setStore(store)
                .setStudyStore(new InMemoryStudyStore())
                .setPublisher(events -> {})
                .build();
    }

    @Test
    void theCsvDescribesTheTrialsHost() {
        FlowScript script = new FlowScript("machines");
        ScoringEngine engine = engine();
        engine.accept(script.study());
        script.trialEvents().forEach(engine::accept);
        List<EnergySample> samples =
                script.samples().stream().map(s -> s.withMachine(FACTS)).toList();
        engine.acceptSamples(samples);
        engine.acceptSamples(samples); // redelivered: nothing new to write
        assertThat(store.machineWrites()).isEqualTo(1);
        assertThat(store.machine(script.host))
                .hasValueSatisfying(m -> assertThat(m.cpuCount()).hasValue(32));

        List<EmissionsRow> rows = store.emissionsRows(script.studyId);
        assertThat(rows).hasSize(3);
        String[] lines = CodeCarbonCsv.toCsv(rows).split("\n");
        List<String> header = List.of(lines[0].split(","));
        for (int i = 1; i < lines.length; i++) {
            Map<String, String> row = cells(header, lines[i]);
            assertThat(row.get("os")).isEqualTo(FACTS.os());
            assertThat(row.get("cpu_model")).isEqualTo("Test CPU 3000");
            assertThat(row.get("cpu_count")).isEqualTo("32");
            assertThat(Double.parseDouble(row.get("ram_total_size"))).isEqualTo(128.0);
            assertThat(row.get("gpu_count")).isEqualTo("1");
            assertThat(row.get("gpu_model")).isEqualTo("test GPU");
            // The study fixes its intensity, so the host's configured location is what the row can
            // say.
            assertThat(row.get("country_iso_code")).isEqualTo("SWE");
            assertThat(row.get("country_name")).isEqualTo("Sweden");
            assertThat(row.get("region")).isEqualTo("Stockholm");
            // Each trial held its GPU exclusively: all of its energy followed its own use.
            assertThat(row.get("tracking_mode")).isEqualTo("process");
        }
    }

    @Test
    void aChangedFactIsWrittenAgainAndSamplesWithoutFactsLeaveTheColumnsEmpty() {
        FlowScript script = new FlowScript("machines2");
        ScoringEngine engine = engine();
        engine.accept(script.study());
        script.trialEvents().forEach(engine::accept);
        List<EnergySample> samples = script.samples();
        engine.acceptSamples(samples);
        List<EmissionsRow> rows = store.emissionsRows(script.studyId);
        assertThat(rows).hasSize(3);
        Map<String, String> row =
                cells(CodeCarbonCsv.COLUMNS, CodeCarbonCsv.toCsv(rows).split("\n")[1]);
        assertThat(row.get("cpu_model")).isEmpty();
        assertThat(row.get("os")).isEmpty();
        assertThat(store.machineWrites()).isZero();
        // A redelivered sample that now tells the facts, then one that tells a change.
        engine.acceptSamples(List.of(samples.get(2).withMachine(FACTS)));
        HostFacts moreMemory =
                new HostFacts(
                        FACTS.os(),
                        FACTS.cpuModel(),
                        FACTS.cpuCount(),
                        256L << 30,
                        FACTS.gpuModel(),
                        FACTS.gpuCount(),
                        FACTS.countryIsoCode(),
                        FACTS.region());
        engine.acceptSamples(List.of(samples.get(3).withMachine(moreMemory)));
        assertThat(store.machineWrites()).isEqualTo(2);
        assertThat(store.machine(script.host))
                .hasValueSatisfying(m -> assertThat(m.memTotalBytes()).hasValue(256L << 30));
    }

    private static Map<String, String> cells(List<String> header, String line) {
        Map<String, String> out = new HashMap<>();
        if (line.isEmpty()) {
            return out;
        }
        // The values of these rows hold no commas or quotes.
        String[] v = line.split(",", -1);
        for (int i = 0; i < header.size(); i++) {
            out.put(header.get(i), v[i]);
        }
        return out;
    }
}
