package io.greenband.cli.report;

import io.greenband.cli.front.FrontTable;

/** HTML text helpers. */
final class Html {

    private Html() {}

    static String escape(String s) {
        return s == null
                ? ""
                : s.replace("&", "&amp;")
                        .replace("<", "&lt;")
                        .replace(">", "&gt;")
                        .replace("\"", "&quot;");
    }

    static String number(double v) {
        return Double.isFinite(v) ? FrontTable.number(v) : "-";
    }
}
