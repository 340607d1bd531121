package io.greenband.pareto;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An incrementally maintained Pareto front over every point offered so far, keyed by point id.
 *
 * <p>Offering the same id and vector again changes nothing (redelivery); the same id with a new
 * vector replaces the old one. Two objectives use a staircase (logarithmic updates), more use a
 * list. Not thread-safe: one owner.
 */
public final class ParetoFront {

    private final int dimension;
    private final Map<String, ParetoPoint> archive = new LinkedHashMap<>();
    private final Set<String> memberIds = new HashSet<>();
    private FrontStore store;

    /** An empty front for vectors of {@code dimension} objectives. */
    public ParetoFront(int dimension) {
        if (dimension < 1) {
            throw new IllegalArgumentException(
                    "dimension is " + dimension + ": a front needs at least one objective");
        }
        this.dimension = dimension;
        this.store = FrontStore.forDimension(dimension);
    }

    /** Offers a point and reports what changed. */
    public FrontChange add(ParetoPoint point) {
        if (point.dimension() != dimension) {
            throw new IllegalArgumentException(
                    "point "
                            + point.id()
                            + " has "
                            + point.dimension()
                            + " objectives but this front has "
                            + dimension);
        }
        ParetoPoint previous = archive.put(point.id(), point);
        if (previous != null && previous.sameValues(point)) {
            archive.put(point.id(), previous);
            return new FrontChange(
                    point, FrontChange.Kind.UNCHANGED, memberIds.contains(point.id()), List.of());
        }
        if (previous != null && memberIds.contains(point.id())) {
            return rebuildAfterReplacing(point, previous);
        }
        List<ParetoPoint> removed = store.offer(point);
        FrontChange.Kind kind =
                previous == null ? FrontChange.Kind.ADDED : FrontChange.Kind.REPLACED;
        if (removed == null) {
            return new FrontChange(point, kind, false, List.of());
        }
        for (ParetoPoint gone : removed) {
            memberIds.remove(gone.id());
        }
        memberIds.add(point.id());
        return new FrontChange(point, kind, true, removed);
    }

    /** A member's vector changed: points it used to dominate may come back, so rebuild exactly. */
    private FrontChange rebuildAfterReplacing(ParetoPoint point, ParetoPoint previous) {
        List<ParetoPoint> before = store.members();
        FrontStore rebuilt = FrontStore.forDimension(dimension);
        for (ParetoPoint p : NonDominatedSet.of(archive.values())) {
            rebuilt.offer(p);
        }
        store = rebuilt;
        memberIds.clear();
        for (ParetoPoint p : store.members()) {
            memberIds.add(p.id());
        }
        List<ParetoPoint> left = new ArrayList<>();
        for (ParetoPoint p : before) {
            boolean stillMember = memberIds.contains(p.id()) && archive.get(p.id()).sameValues(p);
            if (!stillMember) {
                left.add(p);
            }
        }
        return new FrontChange(
                point, FrontChange.Kind.REPLACED, memberIds.contains(point.id()), left);
    }

    /** Offers several points in order. */
    public void addAll(Collection<ParetoPoint> points) {
        for (ParetoPoint p : points) {
            add(p);
        }
    }

    /**
     * Current members (ordered by the first objective for two objectives, by arrival otherwise).
     */
    public List<ParetoPoint> members() {
        return store.members();
    }

    /** Whether the point with this id is currently a member. */
    public boolean isMember(String id) {
        return memberIds.contains(id);
    }

    /** Number of members. */
    public int size() {
        return store.size();
    }

    /** Every distinct id offered so far, latest vector each, in first-arrival order. */
    public List<ParetoPoint> observed() {
        return List.copyOf(archive.values());
    }

    /** Number of distinct ids offered so far. */
    public int observedCount() {
        return archive.size();
    }

    /** Number of objectives. */
    public int dimension() {
        return dimension;
    }
}
