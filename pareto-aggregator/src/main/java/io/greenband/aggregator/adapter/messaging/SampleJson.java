package io.greenband.aggregator.adapter.messaging;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.greenband.events.codec.EventJson;
import io.greenband.events.payload.EnergySample;
import io.greenband.events.payload.EnergySample.Attribution;
import io.greenband.events.payload.EnergySample.ProcessSeen;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming reader of energy-sample JSON that builds the {@link EnergySample} record straight
 * from the parser's tokens, for the sample consumer's fast path. It accepts a strict subset of what
 * the full codec (JSON Schema, then binding) accepts and yields the same record for it: every value
 * must have the JSON type the schema gives it (no coercion, no nulls), the schema's bounds that the
 * records do not check themselves are checked here, unknown fields are skipped, and anything else
 * (a duplicate key anywhere, malformed JSON, trailing tokens, a timestamp not in UTC {@code Z}
 * form, a huge number) makes it answer {@code null}, leaving the record to the full codec.
 */
final class SampleJson {

    /**
     * The events' parser settings, duplicate-key detection included (it reaches into skipped
     * unknown fields).
     */
    private static final JsonFactory JSON = EventJson.mapper().getFactory();

    /** Node, host and device names repeat in every sample of a stream: one copy each is kept. */
    private static final RepeatedStrings NAMES = new RepeatedStrings();

    private static final int[] SCALE = {
        100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1
    };

    private static final EnergySample.Component[] COMPONENTS = EnergySample.Component.values();
    private static final EnergySample.Method[] METHODS = EnergySample.Method.values();
    private static final EnergySample.Flag[] FLAGS = EnergySample.Flag.values();
    private static final EnergySample.Basis[] BASES = EnergySample.Basis.values();

    // Bits of the schema's required top-level fields, to tell that each was present.
    private static final int NODE_ID = 1;
    private static final int HOST = 1 << 1;
    private static final int COMPONENT = 1 << 2;
    private static final int DEVICE_ID = 1 << 3;
    private static final int METHOD = 1 << 4;
    private static final int ESTIMATED = 1 << 5;
    private static final int WINDOW_START = 1 << 6;
    private static final int WINDOW_END = 1 << 7;
    private static final int DURATION = 1 << 8;
    private static final int ENERGY = 1 << 9;
    private static final int AVG_POWER = 1 << 10;
    private static final int SEQ = 1 << 11;
    private static final int REQUIRED = (1 << 12) - 1;
    // Bits of the optional fields: with the required ones, every known key is seen at most once.
    private static final int DEVICE_NAME = 1 << 12;
    private static final int DEVICE_INDEX = 1 << 13;
    private static final int COUNTER_START = 1 << 14;
    private static final int COUNTER_END = 1 << 15;
    private static final int COUNTER_UNIT = 1 << 16;
    private static final int WRAPS = 1 << 17;
    private static final int RESET = 1 << 18;
    private static final int MAX_POWER = 1 << 19;
    private static final int POWER_LIMIT = 1 << 20;
    private static final int UTILIZATION = 1 << 21;
    private static final int PROCESSES = 1 << 22;
    private static final int ATTRIBUTION = 1 << 23;
    private static final int UNATTRIBUTED = 1 << 24;
    private static final int IDLE = 1 << 25;
    private static final int FLAGS_BIT = 1 << 26;

    private SampleJson() {}

    /**
     * Thrown by the reader without duplicate-key detection when it meets an unknown key, whose
     * value it would skip unchecked: the record is read again with the parser's own detection.
     * Never escapes {@link #read}.
     */
    private static final class Unknown extends Exception {
        private static final long serialVersionUID = 1L;
        private static final Unknown INSTANCE = new Unknown();

        private Unknown() {
            super(null, null, false, false);
        }
    }

    /**
     * Thrown inside the reader for a value it leaves to the full codec; never escapes {@link
     * #read}.
     */
    private static final class NotFast extends Exception {
        private static final long serialVersionUID = 1L;
        private static final NotFast INSTANCE = new NotFast();

        private NotFast() {
            super(null, null, false, false);
        }
    }

    /**
     * The sample in {@code json}, or null when the fast reader does not accept it (the full codec
     * then decides, and names the field if it is invalid).
     */
    static EnergySample read(byte[] json) {
        try {
            // Known keys are checked for duplicates by their bits, which costs less than the
            // parser's detection.
            return read(json, false);
        } catch (Unknown e) {
            try {
                return read(json, true);
            } catch (Unknown impossible) {
                return null; // The strict reader skips unknown keys and never throws it.
            }
        }
    }

    private static EnergySample read(byte[] json, boolean parserDetectsDuplicates) throws Unknown {
        try (JsonParser p = JSON.createParser(json)) {
            if (!parserDetectsDuplicates) {
                p.disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            }
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            EnergySample sample = sample(p, parserDetectsDuplicates);
            return p.nextToken() == null ? sample : null;
        } catch (NotFast | IOException | RuntimeException e) {
            // Malformed, duplicated, out of the fast reader's bounds or failing the record's own
            // checks: the full
            // codec reads it again and reports the reason.
            return null;
        }
    }

    private static EnergySample sample(JsonParser p, boolean strict)
            throws IOException, NotFast, Unknown {
        String nodeId = null;
        String host = null;
        EnergySample.Component component = null;
        String deviceId = null;
        String deviceName = null;
        Integer deviceIndex = null;
        EnergySample.Method method = null;
        boolean estimated = false;
        Instant windowStart = null;
        Instant windowEnd = null;
        long durationNs = 0;
        double energyJoules = 0;
        Double counterStart = null;
        Double counterEnd = null;
        String counterUnit = null;
        int wraps = 0;
        boolean resetDetected = false;
        double avgPowerW = 0;
        Double maxPowerW = null;
        Double powerLimitW = null;
        Double utilizationPct = null;
        List<ProcessSeen> processes = null;
        List<Attribution> attribution = null;
        Double unattributedJoules = null;
        Double idleJoules = null;
        List<EnergySample.Flag> flags = null;
        long seq = 0;
        int seen = 0;
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken t = p.nextToken();
            switch (name) {
                case "nodeId" -> {
                    seen = once(seen, NODE_ID);
                    nodeId = NAMES.of(id(p, t));
                }
                case "host" -> {
                    seen = once(seen, HOST);
                    host = NAMES.of(id(p, t));
                }
                case "component" -> {
                    seen = once(seen, COMPONENT);
                    component = choice(p, t, COMPONENTS);
                }
                case "deviceId" -> {
                    seen = once(seen, DEVICE_ID);
                    deviceId = NAMES.of(id(p, t));
                }
                case "deviceName" -> {
                    seen = once(seen, DEVICE_NAME);
                    deviceName = NAMES.of(text(p, t));
                }
                case "deviceIndex" -> {
                    seen = once(seen, DEVICE_INDEX);
                    deviceIndex = (int) integer(p, t, Integer.MAX_VALUE);
                }
                case "method" -> {
                    seen = once(seen, METHOD);
                    method = choice(p, t, METHODS);
                }
                case "estimated" -> {
                    seen = once(seen, ESTIMATED);
                    estimated = bool(t);
                }
                case "windowStart" -> {
                    seen = once(seen, WINDOW_START);
                    windowStart = instant(p, t);
                }
                case "windowEnd" -> {
                    seen = once(seen, WINDOW_END);
                    windowEnd = instant(p, t);
                }
                case "durationNs" -> {
                    seen = once(seen, DURATION);
                    durationNs = integer(p, t, Long.MAX_VALUE);
                }
                case "energyJoules" -> {
                    seen = once(seen, ENERGY);
                    energyJoules = number(p, t);
                }
                case "counterStart" -> {
                    seen = once(seen, COUNTER_START);
                    counterStart = atLeastZero(number(p, t));
                }
                case "counterEnd" -> {
                    seen = once(seen, COUNTER_END);
                    counterEnd = atLeastZero(number(p, t));
                }
                case "counterUnit" -> {
                    seen = once(seen, COUNTER_UNIT);
                    counterUnit = NAMES.of(text(p, t));
                }
                case "wraps" -> {
                    seen = once(seen, WRAPS);
                    wraps = (int) integer(p, t, Integer.MAX_VALUE);
                }
                case "resetDetected" -> {
                    seen = once(seen, RESET);
                    resetDetected = bool(t);
                }
                case "avgPowerW" -> {
                    seen = once(seen, AVG_POWER);
                    avgPowerW = number(p, t);
                }
                case "maxPowerW" -> {
                    seen = once(seen, MAX_POWER);
                    maxPowerW = number(p, t);
                }
                case "powerLimitW" -> {
                    seen = once(seen, POWER_LIMIT);
                    powerLimitW = number(p, t);
                }
                case "utilizationPct" -> {
                    seen = once(seen, UTILIZATION);
                    utilizationPct = number(p, t);
                }
                case "processes" -> {
                    seen = once(seen, PROCESSES);
                    processes = processes(p, t, strict);
                }
                case "attribution" -> {
                    seen = once(seen, ATTRIBUTION);
                    attribution = attributions(p, t, strict);
                }
                case "unattributedJoules" -> {
                    seen = once(seen, UNATTRIBUTED);
                    unattributedJoules = number(p, t);
                }
                case "idleJoules" -> {
                    seen = once(seen, IDLE);
                    idleJoules = number(p, t);
                }
                case "flags" -> {
                    seen = once(seen, FLAGS_BIT);
                    flags = flags(p, t);
                }
                case "seq" -> {
                    seen = once(seen, SEQ);
                    seq = integer(p, t, Long.MAX_VALUE);
                }
                // Host usage is rare (host components only) and nested: the full codec reads it.
                case "usage" -> throw NotFast.INSTANCE;
                default -> unknown(p, strict); // An unknown field: tolerated, as the schema allows.
            }
        }
        if ((seen & REQUIRED) != REQUIRED) {
            throw NotFast.INSTANCE;
        }
        return new EnergySample(
                nodeId,
                host,
                component,
                deviceId,
                deviceName,
                deviceIndex,
                method,
                estimated,
                windowStart,
                windowEnd,
                durationNs,
                energyJoules,
                counterStart,
                counterEnd,
                counterUnit,
                wraps,
                resetDetected,
                avgPowerW,
                maxPowerW,
                powerLimitW,
                utilizationPct,
                processes,
                attribution,
                unattributedJoules,
                idleJoules,
                flags,
                seq);
    }

    private static List<ProcessSeen> processes(JsonParser p, JsonToken t, boolean strict)
            throws IOException, NotFast, Unknown {
        expect(t, JsonToken.START_ARRAY);
        List<ProcessSeen> list = new ArrayList<>();
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            expect(t, JsonToken.START_OBJECT);
            Long pid = null;
            String name = null;
            Double utilizationPct = null;
            Long memoryBytes = null;
            List<Long> ancestors = List.of();
            int seen = 0;
            String field;
            while ((field = p.nextFieldName()) != null) {
                JsonToken v = p.nextToken();
                switch (field) {
                    case "pid" -> {
                        seen = once(seen, 1);
                        pid = integer(p, v, Long.MAX_VALUE);
                    }
                    case "name" -> {
                        seen = once(seen, 2);
                        name = text(p, v);
                    }
                    case "utilizationPct" -> {
                        seen = once(seen, 4);
                        utilizationPct = number(p, v);
                    }
                    case "memoryBytes" -> {
                        seen = once(seen, 8);
                        memoryBytes = integer(p, v, Long.MAX_VALUE);
                    }
                    case "ancestors" -> {
                        seen = once(seen, 16);
                        ancestors = pids(p, v);
                    }
                    default -> unknown(p, strict);
                }
            }
            if (pid == null) {
                throw NotFast.INSTANCE;
            }
            list.add(new ProcessSeen(pid, name, utilizationPct, memoryBytes, ancestors));
        }
        return list;
    }

    private static List<Attribution> attributions(JsonParser p, JsonToken t, boolean strict)
            throws IOException, NotFast, Unknown {
        expect(t, JsonToken.START_ARRAY);
        List<Attribution> list = new ArrayList<>();
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            expect(t, JsonToken.START_OBJECT);
            String trialId = null;
            List<Long> pids = null;
            EnergySample.Basis basis = null;
            Double share = null;
            Double energyJoules = null;
            int seen = 0;
            String field;
            while ((field = p.nextFieldName()) != null) {
                JsonToken v = p.nextToken();
                switch (field) {
                    case "trialId" -> {
                        seen = once(seen, 1);
                        trialId = id(p, v);
                    }
                    case "pids" -> {
                        seen = once(seen, 2);
                        pids = pids(p, v);
                    }
                    case "basis" -> {
                        seen = once(seen, 4);
                        basis = choice(p, v, BASES);
                    }
                    case "share" -> {
                        seen = once(seen, 8);
                        share = number(p, v);
                    }
                    case "energyJoules" -> {
                        seen = once(seen, 16);
                        energyJoules = number(p, v);
                    }
                    default -> unknown(p, strict);
                }
            }
            // The schema bounds a share by 1; the record allows rounding above it.
            if (trialId == null
                    || basis == null
                    || share == null
                    || energyJoules == null
                    || share > 1) {
                throw NotFast.INSTANCE;
            }
            list.add(new Attribution(trialId, pids, basis, share, energyJoules));
        }
        return list;
    }

    private static List<Long> pids(JsonParser p, JsonToken t) throws IOException, NotFast {
        expect(t, JsonToken.START_ARRAY);
        List<Long> list = new ArrayList<>();
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            list.add(integer(p, t, Long.MAX_VALUE));
        }
        return list;
    }

    private static List<EnergySample.Flag> flags(JsonParser p, JsonToken t)
            throws IOException, NotFast {
        expect(t, JsonToken.START_ARRAY);
        List<EnergySample.Flag> list = new ArrayList<>();
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            list.add(choice(p, t, FLAGS));
        }
        return list;
    }

    /**
     * Marks a known key as seen; a key seen before is a duplicate, which the full codec refuses.
     */
    private static int once(int seen, int bit) throws NotFast {
        if ((seen & bit) != 0) {
            throw NotFast.INSTANCE;
        }
        return seen | bit;
    }

    /**
     * Skips an unknown key's value when the parser detects duplicate keys itself; otherwise the
     * record is read again with that detection, which then reaches into the skipped value.
     */
    private static void unknown(JsonParser p, boolean strict) throws IOException, Unknown {
        if (!strict) {
            throw Unknown.INSTANCE;
        }
        p.skipChildren();
    }

    private static void expect(JsonToken actual, JsonToken expected) throws NotFast {
        if (actual != expected) {
            throw NotFast.INSTANCE;
        }
    }

    private static String text(JsonParser p, JsonToken t) throws IOException, NotFast {
        expect(t, JsonToken.VALUE_STRING);
        return p.getText();
    }

    /**
     * A string the schema wants non-blank ({@code minLength 1}, pattern {@code \S}): here it must
     * hold a printable ASCII character, which satisfies the pattern under any regex dialect; the
     * record then checks it is not blank.
     */
    private static String id(JsonParser p, JsonToken t) throws IOException, NotFast {
        String s = text(p, t);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c > ' ' && c < 0x7F) {
                return s;
            }
        }
        throw NotFast.INSTANCE;
    }

    private static <E extends Enum<E>> E choice(JsonParser p, JsonToken t, E[] values)
            throws IOException, NotFast {
        String s = text(p, t);
        for (E e : values) {
            if (e.name().equals(s)) {
                return e;
            }
        }
        throw NotFast.INSTANCE;
    }

    private static boolean bool(JsonToken t) throws NotFast {
        if (t == JsonToken.VALUE_TRUE) {
            return true;
        }
        if (t == JsonToken.VALUE_FALSE) {
            return false;
        }
        throw NotFast.INSTANCE;
    }

    /** A JSON integer in {@code [0, max]} (every integer of the schema has minimum 0). */
    private static long integer(JsonParser p, JsonToken t, long max) throws IOException, NotFast {
        expect(t, JsonToken.VALUE_NUMBER_INT);
        JsonParser.NumberType type = p.getNumberType();
        if (type != JsonParser.NumberType.INT && type != JsonParser.NumberType.LONG) {
            throw NotFast.INSTANCE;
        }
        long v = p.getLongValue();
        if (v < 0 || v > max) {
            throw NotFast.INSTANCE;
        }
        return v;
    }

    /**
     * A JSON number as the full codec's tree would hold it; integers past a long are left to it.
     */
    private static double number(JsonParser p, JsonToken t) throws IOException, NotFast {
        if (t == JsonToken.VALUE_NUMBER_FLOAT) {
            return p.getDoubleValue();
        }
        expect(t, JsonToken.VALUE_NUMBER_INT);
        JsonParser.NumberType type = p.getNumberType();
        if (type != JsonParser.NumberType.INT && type != JsonParser.NumberType.LONG) {
            throw NotFast.INSTANCE;
        }
        return p.getLongValue();
    }

    /** The counters' schema minimum, which the record does not check. */
    private static double atLeastZero(double v) throws NotFast {
        if (!(v >= 0)) {
            throw NotFast.INSTANCE;
        }
        return v;
    }

    private static Instant instant(JsonParser p, JsonToken t) throws IOException, NotFast {
        Instant instant = parseUtc(text(p, t));
        if (instant == null) {
            throw NotFast.INSTANCE;
        }
        return instant;
    }

    /**
     * {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z} as an instant; null for any other form or an invalid
     * date.
     */
    static Instant parseUtc(String s) {
        int n = s.length();
        if (n < 20
                || n > 30
                || s.charAt(n - 1) != 'Z'
                || s.charAt(4) != '-'
                || s.charAt(7) != '-'
                || s.charAt(10) != 'T'
                || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (year < 0
                || month < 0
                || day < 0
                || hour < 0
                || hour > 23
                || minute < 0
                || minute > 59
                || second < 0
                || second > 59) {
            return null;
        }
        int nanos = 0;
        if (n > 20) {
            int fraction = n - 21;
            if (s.charAt(19) != '.' || fraction < 1) {
                return null;
            }
            int f = digits(s, 20, fraction);
            if (f < 0) {
                return null;
            }
            nanos = f * SCALE[fraction - 1];
        }
        try {
            long days = LocalDate.of(year, month, day).toEpochDay();
            return Instant.ofEpochSecond(
                    days * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
