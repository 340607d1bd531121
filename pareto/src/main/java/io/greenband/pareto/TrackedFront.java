package io.greenband.pareto;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A front with its hypervolume and hypervolume history. The frame is either fixed by the study or
 * derived from the observed points ({@link HypervolumeFrame}); the hypervolume is recomputed only
 * when the members or the frame change. One owner.
 */
public final class TrackedFront {

    private final ParetoFront front;
    private final double[] fixedReference;
    private final HypervolumeHistory history = new HypervolumeHistory();
    private final double[] min;
    private final double[] max;
    private HypervolumeFrame frame;
    private double hypervolume;

    /**
     * @param dimension number of objectives
     * @param fixedReference the study's reference point in minimized objective units, or {@code
     *     null} to derive frames from observed points
     */
    public TrackedFront(int dimension, double[] fixedReference) {
        this.front = new ParetoFront(dimension);
        if (fixedReference != null && fixedReference.length != dimension) {
            throw new IllegalArgumentException(
                    "fixedReference has "
                            + fixedReference.length
                            + " values but the study has "
                            + dimension
                            + " objectives");
        }
        this.fixedReference = fixedReference == null ? null : fixedReference.clone();
        this.frame = fixedReference == null ? null : HypervolumeFrame.fixed(fixedReference);
        this.min = new double[dimension];
        this.max = new double[dimension];
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
    }

    /**
     * Offers a point observed at {@code at}; updates the hypervolume and history when something
     * changed.
     */
    public Update add(ParetoPoint point, Instant at) {
        Objects.requireNonNull(at, "at must not be null");
        FrontChange change = front.add(point);
        if (change.kind() == FrontChange.Kind.UNCHANGED) {
            return new Update(change, hypervolume, frame, false, -1, Optional.empty());
        }
        boolean frameChanged = fixedReference == null && updateBounds(point, change.kind());
        boolean recompute = change.frontChanged() || frameChanged;
        if (!recompute) {
            return new Update(change, hypervolume, frame, false, -1, Optional.empty());
        }
        hypervolume = frame.hypervolume(front.members());
        HypervolumeHistory.Entry entry =
                new HypervolumeHistory.Entry(
                        front.observedCount(), at, point.id(), front.size(), hypervolume, frame);
        history.append(entry);
        return new Update(change, hypervolume, frame, true, history.size() - 1, Optional.of(entry));
    }

    private boolean updateBounds(ParetoPoint point, FrontChange.Kind kind) {
        boolean changed = false;
        if (kind == FrontChange.Kind.REPLACED) {
            // The replaced vector may have held a bound: recompute from everything observed.
            Arrays.fill(min, Double.POSITIVE_INFINITY);
            Arrays.fill(max, Double.NEGATIVE_INFINITY);
            for (ParetoPoint p : front.observed()) {
                for (int i = 0; i < min.length; i++) {
                    min[i] = Math.min(min[i], p.value(i));
                    max[i] = Math.max(max[i], p.value(i));
                }
            }
            changed = true;
        } else {
            for (int i = 0; i < min.length; i++) {
                double v = point.value(i);
                if (v < min[i]) {
                    min[i] = v;
                    changed = true;
                }
                if (v > max[i]) {
                    max[i] = v;
                    changed = true;
                }
            }
        }
        if (changed || frame == null) {
            frame = HypervolumeFrame.fromBounds(min, max);
            return true;
        }
        return false;
    }

    /**
     * The result of one {@link #add}.
     *
     * @param change what happened to the members
     * @param hypervolume the hypervolume afterwards
     * @param frame the frame it is measured in
     * @param hypervolumeRecomputed whether members or frame changed (then a history entry was
     *     appended)
     * @param historyIndex index of that history entry, -1 when none
     * @param historyEntry that history entry
     */
    public record Update(
            FrontChange change,
            double hypervolume,
            HypervolumeFrame frame,
            boolean hypervolumeRecomputed,
            int historyIndex,
            Optional<HypervolumeHistory.Entry> historyEntry) {}

    /** The underlying front. */
    public List<ParetoPoint> members() {
        return front.members();
    }

    /** Whether the point with this id is a member. */
    public boolean isMember(String id) {
        return front.isMember(id);
    }

    /** Every point observed at this front's fidelity. */
    public List<ParetoPoint> observed() {
        return front.observed();
    }

    /** Current hypervolume in the current frame (0 before any point). */
    public double hypervolume() {
        return hypervolume;
    }

    /** Current frame, {@code null} before the first point when frames are derived. */
    public HypervolumeFrame frame() {
        return frame;
    }

    /** The hypervolume history. */
    public HypervolumeHistory history() {
        return history;
    }

    /** Number of objectives. */
    public int dimension() {
        return front.dimension();
    }
}
