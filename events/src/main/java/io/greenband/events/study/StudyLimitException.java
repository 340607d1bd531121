package io.greenband.events.study;

/**
 * A study beyond its {@link StudyLimits} ({@link #overLimit()} true, dead-letter reason {@code
 * STUDY_LIMIT}) or one that cannot be a study at all, such as an empty space ({@code
 * INVALID_STUDY}).
 */
public final class StudyLimitException extends IllegalArgumentException {

    private final boolean overLimit;

    /** A refusal; {@code overLimit} says whether a setting could raise the bound. */
    public StudyLimitException(boolean overLimit, String message) {
        super(message);
        this.overLimit = overLimit;
    }

    /** Whether a limit was passed (as opposed to a study that is invalid whatever the limits). */
    public boolean overLimit() {
        return overLimit;
    }
}
