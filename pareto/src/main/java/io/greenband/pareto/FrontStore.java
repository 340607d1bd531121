package io.greenband.pareto;

import java.util.List;

/** Storage of the current non-dominated members; one implementation per dimension regime. */
interface FrontStore {

    /**
     * Offers a point; returns the members it removed, or {@code null} when the point is dominated
     * and was not inserted. A point equal to a member is inserted beside it and removes nothing.
     */
    List<ParetoPoint> offer(ParetoPoint point);

    /** Current members in a stable order. */
    List<ParetoPoint> members();

    /** Number of members. */
    int size();

    /** Creates the store suited to a dimension. */
    static FrontStore forDimension(int dimension) {
        return dimension == 2 ? new StaircaseFrontStore() : new ListFrontStore();
    }
}
