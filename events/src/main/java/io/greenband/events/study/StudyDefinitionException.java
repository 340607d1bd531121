package io.greenband.events.study;

/**
 * A study file could not be turned into a study definition. The message reads like {@code
 * study.yaml line 12: fidelity.eta must be >= 2, got 1}; the parts are available separately.
 */
public final class StudyDefinitionException extends IllegalArgumentException {

    private final String source;
    private final int line;
    private final int column;
    private final String field;

    /**
     * @param source the file or source name
     * @param line 1-based line, 0 when unknown
     * @param column 1-based column, 0 when unknown
     * @param field the field in dotted form ({@code objectives[1].source}), empty for the whole
     *     file
     * @param detail what is wrong and what is expected
     * @param cause the underlying failure, possibly null
     */
    public StudyDefinitionException(
            String source, int line, int column, String field, String detail, Throwable cause) {
        super(
                source
                        + (line > 0 ? " line " + line : "")
                        + ": "
                        + (field.isEmpty() ? "" : field + " ")
                        + detail,
                cause);
        this.source = source;
        this.line = line;
        this.column = column;
        this.field = field;
    }

    /** The file or source name. */
    public String source() {
        return source;
    }

    /** 1-based line, 0 when unknown. */
    public int line() {
        return line;
    }

    /** 1-based column, 0 when unknown. */
    public int column() {
        return column;
    }

    /** The offending field in dotted form, empty for the whole file. */
    public String field() {
        return field;
    }
}
