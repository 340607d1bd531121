package io.greenband.aggregator.adapter.messaging;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One shared copy of the strings every sample of a stream repeats (node, host, device), so that the
 * samples kept in memory for attribution do not each hold their own copies: at tens of thousands of
 * samples per second those copies were a good part of what every young collection had to move.
 * Bounded: past {@link #MAX} distinct values (a fleet that large, or a producer sending junk) a
 * value is returned as given, which only costs the sharing. Thread-safe.
 */
final class RepeatedStrings {

    /** Distinct values kept at most. */
    static final int MAX = 8_192;

    private final Map<String, String> known = new ConcurrentHashMap<>();

    /** The shared copy equal to {@code s}, or {@code s} itself. */
    String of(String s) {
        String shared = known.get(s);
        if (shared != null) {
            return shared;
        }
        if (known.size() < MAX) {
            shared = known.putIfAbsent(s, s);
        }
        return shared == null ? s : shared;
    }
}
