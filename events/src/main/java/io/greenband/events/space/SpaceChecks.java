package io.greenband.events.space;

import java.util.Map;

/**
 * Checks that conditions and forbidden clauses refer to existing hyperparameters with legal values.
 */
final class SpaceChecks {

    private SpaceChecks() {}

    static void condition(Condition c, Map<String, Hyperparameter> hps) {
        if (!hps.containsKey(c.child())) {
            throw new IllegalArgumentException(
                    "condition "
                            + c.describe()
                            + " is on unknown child '"
                            + c.child()
                            + "'; known: "
                            + hps.keySet());
        }
        if (c instanceof Condition.Compare cmp) {
            Hyperparameter parent = parent(c.child(), cmp.parent(), hps);
            legal(parent, cmp.value(), "condition of '" + c.child() + "'");
            if ((cmp.op() == Condition.Op.LT || cmp.op() == Condition.Op.GT) && !parent.ordered()) {
                throw new IllegalArgumentException(
                        "condition of '"
                                + c.child()
                                + "': "
                                + cmp.op()
                                + " needs a numeric "
                                + "or ordinal parent, but '"
                                + parent.name()
                                + "' is "
                                + parent.type()
                                + "; use EQ, NEQ or IN");
            }
        } else if (c instanceof Condition.In in) {
            Hyperparameter parent = parent(c.child(), in.parent(), hps);
            in.values().forEach(v -> legal(parent, v, "condition of '" + c.child() + "'"));
        } else if (c instanceof Condition.Conjunction and) {
            and.parts().forEach(p -> condition(p, hps));
        }
    }

    static void forbidden(Forbidden f, Map<String, Hyperparameter> hps) {
        if (f instanceof Forbidden.Clause cl) {
            Hyperparameter h = known(cl.name(), hps, "forbidden clause " + cl.describe());
            legal(h, cl.value(), "forbidden clause " + cl.describe());
            if (cl.op() != Forbidden.Op.EQ && !h.ordered()) {
                throw new IllegalArgumentException(
                        "forbidden clause "
                                + cl.describe()
                                + ": "
                                + cl.type()
                                + " needs a numeric or ordinal hyperparameter, but '"
                                + h.name()
                                + "' is "
                                + h.type());
            }
        } else if (f instanceof Forbidden.In in) {
            Hyperparameter h = known(in.name(), hps, "forbidden clause " + in.describe());
            in.values().forEach(v -> legal(h, v, "forbidden clause " + in.describe()));
        } else if (f instanceof Forbidden.Conjunction and) {
            and.clauses().forEach(c -> forbidden(c, hps));
        } else if (f instanceof Forbidden.Relation rel) {
            known(rel.left(), hps, "forbidden relation " + rel.describe());
            known(rel.right(), hps, "forbidden relation " + rel.describe());
        }
    }

    private static Hyperparameter parent(
            String child, String parent, Map<String, Hyperparameter> hps) {
        if (child.equals(parent)) {
            throw new IllegalArgumentException(
                    "condition of '" + child + "' names itself as parent");
        }
        return known(parent, hps, "condition of '" + child + "'");
    }

    private static Hyperparameter known(
            String name, Map<String, Hyperparameter> hps, String where) {
        Hyperparameter h = hps.get(name);
        if (h == null) {
            throw new IllegalArgumentException(
                    where + " names unknown hyperparameter '" + name + "'; known: " + hps.keySet());
        }
        return h;
    }

    private static void legal(Hyperparameter h, Object value, String where) {
        String bad = h.illegality(value);
        if (bad != null) {
            throw new IllegalArgumentException(
                    where
                            + ": value "
                            + Values.describe(value)
                            + " is illegal for '"
                            + h.name()
                            + "' ("
                            + bad
                            + ")");
        }
    }
}
