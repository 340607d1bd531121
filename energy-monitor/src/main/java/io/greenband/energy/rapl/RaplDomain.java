package io.greenband.energy.rapl;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * A RAPL zone's domain, from its {@code name} file. Zones overlap: package contains core and
 * uncore.
 */
public enum RaplDomain {
    PACKAGE,
    DRAM,
    PSYS,
    CORE,
    UNCORE,
    OTHER;

    /** The domain of a zone called {@code name} (e.g. {@code package-0}, {@code dram}). */
    public static RaplDomain ofZoneName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.startsWith("package")) {
            return PACKAGE;
        }
        return switch (n) {
            case "dram" -> DRAM;
            case "psys" -> PSYS;
            case "core" -> CORE;
            case "uncore" -> UNCORE;
            default -> OTHER;
        };
    }

    /**
     * Parses a selection such as {@code package}, {@code package+dram}, {@code package,dram} or
     * {@code psys}. psys already holds the packages, so it cannot be combined with them.
     */
    public static Set<RaplDomain> parseSelection(String text) {
        EnumSet<RaplDomain> out = EnumSet.noneOf(RaplDomain.class);
        for (String part : text.split("[+,\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            RaplDomain d =
                    switch (part.trim().toLowerCase(Locale.ROOT)) {
                        case "package" -> PACKAGE;
                        case "dram" -> DRAM;
                        case "psys" -> PSYS;
                        default ->
                                throw new IllegalArgumentException(
                                        "rapl domains: unknown domain '"
                                                + part
                                                + "' in '"
                                                + text
                                                + "'; use package, dram or psys (e.g. package+dram)");
                    };
            out.add(d);
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(
                    "rapl domains: empty selection; use package, package+dram or psys");
        }
        if (out.contains(PSYS) && out.contains(PACKAGE)) {
            throw new IllegalArgumentException(
                    "rapl domains: '"
                            + text
                            + "' counts the packages twice (psys contains them); use package[+dram] or psys");
        }
        return out;
    }
}
