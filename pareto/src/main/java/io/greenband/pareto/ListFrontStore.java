package io.greenband.pareto;

import java.util.ArrayList;
import java.util.List;

/** Front of any dimension as a plain list: an offer costs one pass over the members. */
final class ListFrontStore implements FrontStore {

    private final List<ParetoPoint> members = new ArrayList<>();

    @Override
    public List<ParetoPoint> offer(ParetoPoint point) {
        double[] v = point.raw();
        List<ParetoPoint> removed = new ArrayList<>();
        for (ParetoPoint member : members) {
            switch (Dominance.compare(member.raw(), v)) {
                case DOMINATES:
                    return null;
                case EQUAL:
                    // An equal member means no member dominates the point and the point dominates
                    // none.
                    members.add(point);
                    return List.of();
                case DOMINATED:
                    removed.add(member);
                    break;
                default:
                    break;
            }
        }
        if (!removed.isEmpty()) {
            members.removeAll(removed);
        }
        members.add(point);
        return removed;
    }

    @Override
    public List<ParetoPoint> members() {
        return List.copyOf(members);
    }

    @Override
    public int size() {
        return members.size();
    }
}
