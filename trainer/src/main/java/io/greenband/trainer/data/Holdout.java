package io.greenband.trainer.data;

/**
 * How many training images a data set holds out for validation: a fraction of them or a fixed
 * count.
 *
 * @param fraction share held out, in (0, 1); 0 when {@code count} is used
 * @param count images held out; 0 when {@code fraction} is used
 */
public record Holdout(double fraction, int count) {

    /**
     * The default: a tenth of the training images (5,000 of CIFAR-10's 50,000, 6,000 of
     * Fashion-MNIST's 60,000).
     */
    public static final Holdout DEFAULT = fraction(0.1);

    /** Checks that exactly one of the two is set and in range. */
    public Holdout {
        boolean byFraction = fraction > 0 && fraction < 1 && count == 0;
        boolean byCount = fraction == 0 && count >= 1;
        if (!byFraction && !byCount) {
            throw new IllegalArgumentException(
                    "validation must be a fraction in (0, 1) or a count >= 1, got "
                            + (count == 0 ? fraction : count));
        }
    }

    /** A fraction of the training images. */
    public static Holdout fraction(double fraction) {
        return new Holdout(fraction, 0);
    }

    /** A fixed number of images. */
    public static Holdout count(int count) {
        return new Holdout(0, count);
    }

    /** Parses {@code 0.1}, {@code 10%} (fractions) or {@code 5000} (a count). */
    public static Holdout parse(String text) {
        String value = text == null ? "" : text.strip();
        if (value.isEmpty() || value.length() > 20) {
            throw new IllegalArgumentException(
                    "validation must be a fraction such as 0.1 or 10% or a count such "
                            + "as 5000, got '"
                            + text
                            + "'");
        }
        try {
            if (value.endsWith("%")) {
                return fraction(Double.parseDouble(value.substring(0, value.length() - 1)) / 100);
            }
            if (value.matches("[0-9]+")) {
                return count(Integer.parseInt(value));
            }
            return fraction(Double.parseDouble(value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "validation must be a fraction such as 0.1 or 10% or a count such "
                            + "as 5000, got '"
                            + text
                            + "'",
                    e);
        }
    }

    /** Images held out of {@code total}: at least 1, at most {@code total - 1}. */
    public int of(int total) {
        if (total < 2) {
            throw new IllegalArgumentException(
                    "a validation split needs at least 2 training images, got " + total);
        }
        int held = count > 0 ? count : (int) Math.round(fraction * total);
        if (count > 0 && count >= total) {
            throw new IllegalArgumentException(
                    "validation count " + count + " leaves no training image of " + total);
        }
        return Math.max(1, Math.min(total - 1, held));
    }

    @Override
    public String toString() {
        return count > 0 ? Integer.toString(count) : fraction * 100 + "%";
    }
}
