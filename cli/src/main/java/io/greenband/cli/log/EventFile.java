package io.greenband.cli.log;

import io.cloudevents.jackson.JsonFormat;
import io.greenband.cli.CliException;
import io.greenband.events.codec.EventDecodingException;
import io.greenband.events.codec.ReceivedEvent;
import io.greenband.events.kafka.EventCodec;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Export files: one structured-mode CloudEvent (JSON) per line, in log order, each keeping its
 * original {@code id} so an import is idempotent for consumers that de-duplicate by ce_id.
 */
public final class EventFile {

    private static final JsonFormat FORMAT = new JsonFormat();

    private EventFile() {}

    /** Writes the events to {@code file}, replacing it. */
    public static void write(Path file, List<ReceivedEvent> events, EventCodec codec) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                for (ReceivedEvent e : events) {
                    // The id and source travel with the event: consumers believe scores only from
                    // the aggregator's.
                    io.cloudevents.CloudEvent event = codec.toCloudEvent(e);
                    w.write(new String(FORMAT.serialize(event), StandardCharsets.UTF_8));
                    w.write('\n');
                }
            }
        } catch (IOException e) {
            throw CliException.failed("cannot write '" + file + "': " + e.getMessage(), e);
        }
    }

    /** Reads every event of an export; a bad line fails with its line number and the reason. */
    public static List<ReceivedEvent> read(Path file, EventCodec codec) {
        List<ReceivedEvent> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    out.add(codec.fromJsonLine(line.getBytes(StandardCharsets.UTF_8)));
                } catch (EventDecodingException e) {
                    throw CliException.invalidStudy(file + " line " + n + ": " + e.getMessage(), e);
                }
            }
        } catch (NoSuchFileException e) {
            throw CliException.notFound("event file '" + file + "' does not exist");
        } catch (IOException e) {
            throw CliException.failed("cannot read '" + file + "': " + e.getMessage(), e);
        }
        return out;
    }
}
