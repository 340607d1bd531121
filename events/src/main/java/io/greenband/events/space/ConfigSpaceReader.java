package io.greenband.events.space;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one ConfigSpace JSON tree; every error carries the JSON pointer of the entry and the fix.
 */
final class ConfigSpaceReader {

    private static final List<String> TYPES =
            List.of(
                    "uniform_float",
                    "uniform_int",
                    "normal_float",
                    "normal_int",
                    "beta_float",
                    "beta_int",
                    "categorical",
                    "ordinal",
                    "constant",
                    "unparametrized");

    private final String prefix;

    ConfigSpaceReader(String prefix) {
        this.prefix = prefix;
    }

    ConfigSpace read(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw error(
                    "",
                    "a configuration space must be a JSON object with a 'hyperparameters' array",
                    null);
        }
        JsonNode name = root.get("name");
        if (name != null && !name.isNull() && !name.isTextual()) {
            throw error("/name", "name must be a string or null", null);
        }
        JsonNode hpsNode = root.get("hyperparameters");
        if (hpsNode == null || !hpsNode.isArray()) {
            throw error(
                    "/hyperparameters",
                    "'hyperparameters' must be an array of hyperparameter objects",
                    null);
        }
        Map<String, Hyperparameter> hps = new LinkedHashMap<>();
        for (int i = 0; i < hpsNode.size(); i++) {
            String at = "/hyperparameters/" + i;
            Hyperparameter h = hyperparameter(hpsNode.get(i), at);
            if (hps.put(h.name(), h) != null) {
                throw error(
                        at + "/name",
                        "hyperparameter '" + h.name() + "' is defined twice; rename one",
                        null);
            }
        }
        List<Condition> conditions = new ArrayList<>();
        Set<String> children = new HashSet<>();
        JsonNode cs = array(root, "conditions");
        for (int i = 0; i < cs.size(); i++) {
            String at = "/conditions/" + i;
            Condition c = condition(cs.get(i), at, null);
            try {
                SpaceChecks.condition(c, hps);
            } catch (IllegalArgumentException e) {
                throw error(at, e.getMessage(), e);
            }
            if (!children.add(c.child())) {
                throw error(
                        at,
                        "'"
                                + c.child()
                                + "' already has a condition; two separate conditions are ambiguous, "
                                + "combine them into one AND or OR condition",
                        null);
            }
            conditions.add(c);
        }
        List<Forbidden> forbiddens = new ArrayList<>();
        JsonNode fs = array(root, "forbiddens");
        for (int i = 0; i < fs.size(); i++) {
            String at = "/forbiddens/" + i;
            Forbidden f = forbidden(fs.get(i), at);
            try {
                SpaceChecks.forbidden(f, hps);
            } catch (IllegalArgumentException e) {
                throw error(at, e.getMessage(), e);
            }
            forbiddens.add(f);
        }
        try {
            return ConfigSpace.of(
                    name == null || name.isNull() ? null : name.textValue(),
                    hps.values(),
                    conditions,
                    forbiddens);
        } catch (IllegalArgumentException e) {
            throw error("", e.getMessage(), e);
        }
    }

    private Hyperparameter hyperparameter(JsonNode n, String at) {
        if (n == null || !n.isObject()) {
            throw error(at, "each hyperparameter must be an object with 'type' and 'name'", null);
        }
        String type = text(n, "type", at);
        String name = text(n, "name", at);
        String what = " (" + type + " '" + name + "')";
        JsonNode def = n.has("default_value") ? n.get("default_value") : n.get("default");
        if (def != null && def.isNull()) {
            def = null;
        }
        JsonNode meta = n.get("meta");
        meta = meta == null || meta.isNull() ? null : meta.deepCopy();
        boolean log = n.has("log") && bool(n, "log", at);
        try {
            return switch (type) {
                case "uniform_float" ->
                        new UniformFloat(
                                name,
                                number(n, "lower", at),
                                number(n, "upper", at),
                                def == null ? null : number(def, at + "/default_value"),
                                log,
                                meta);
                case "uniform_int" ->
                        new UniformInt(
                                name,
                                integer(n, "lower", at),
                                integer(n, "upper", at),
                                def == null ? null : integer(def, at + "/default_value"),
                                log,
                                meta);
                case "normal_float" ->
                        new NormalFloat(
                                name,
                                number(n, "mu", at),
                                number(n, "sigma", at),
                                bound(n, "lower", at),
                                bound(n, "upper", at),
                                def == null ? null : number(def, at + "/default_value"),
                                log,
                                meta);
                case "normal_int" ->
                        new NormalInt(
                                name,
                                number(n, "mu", at),
                                number(n, "sigma", at),
                                (long) bound(n, "lower", at),
                                (long) bound(n, "upper", at),
                                def == null ? null : integer(def, at + "/default_value"),
                                log,
                                meta);
                case "beta_float" ->
                        new BetaFloat(
                                name,
                                number(n, "alpha", at),
                                number(n, "beta", at),
                                bound(n, "lower", at),
                                bound(n, "upper", at),
                                def == null ? null : number(def, at + "/default_value"),
                                log,
                                meta);
                case "beta_int" ->
                        new BetaInt(
                                name,
                                number(n, "alpha", at),
                                number(n, "beta", at),
                                (long) bound(n, "lower", at),
                                (long) bound(n, "upper", at),
                                def == null ? null : integer(def, at + "/default_value"),
                                log,
                                meta);
                case "categorical" ->
                        new Categorical(
                                name,
                                scalars(n, "choices", at),
                                weights(n, at),
                                def == null ? null : scalar(def, at + "/default_value"),
                                meta);
                case "ordinal" ->
                        new Ordinal(
                                name,
                                scalars(n, "sequence", at),
                                def == null ? null : scalar(def, at + "/default_value"),
                                meta);
                case "constant", "unparametrized" ->
                        new Constant(name, scalar(n.get("value"), at + "/value"), meta);
                default ->
                        throw error(
                                at + "/type",
                                "unknown hyperparameter type '"
                                        + type
                                        + "'; expected one of "
                                        + TYPES,
                                null);
            };
        } catch (ConfigSpaceFormatException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw error(at, e.getMessage() + what, e);
        }
    }

    private double bound(JsonNode n, String field, String at) {
        if (!n.has(field) || n.get(field).isNull()) {
            throw error(
                    at + "/" + field,
                    "'"
                            + field
                            + "' is required for "
                            + n.path("type").asText()
                            + " (truncation bound); add it, e.g. mu -/+ 3 sigma",
                    null);
        }
        return number(n, field, at);
    }

    private Condition condition(JsonNode n, String at, String outerChild) {
        if (n == null || !n.isObject()) {
            throw error(at, "each condition must be an object with 'type'", null);
        }
        String type = text(n, "type", at);
        switch (type) {
            case "AND", "OR" -> {
                JsonNode parts = n.get("conditions");
                if (parts == null || !parts.isArray() || parts.isEmpty()) {
                    throw error(
                            at + "/conditions",
                            type + " needs a non-empty 'conditions' array",
                            null);
                }
                String child = n.hasNonNull("child") ? text(n, "child", at) : outerChild;
                List<Condition> list = new ArrayList<>();
                for (int i = 0; i < parts.size(); i++) {
                    list.add(condition(parts.get(i), at + "/conditions/" + i, child));
                }
                String shared = child != null ? child : list.get(0).child();
                try {
                    return new Condition.Conjunction(shared, type.equals("AND"), list);
                } catch (IllegalArgumentException e) {
                    throw error(at, e.getMessage(), e);
                }
            }
            case "EQ", "NEQ", "LT", "GT" -> {
                return new Condition.Compare(
                        text(n, "child", at),
                        text(n, "parent", at),
                        Condition.Op.valueOf(type),
                        scalar(n.get("value"), at + "/value"));
            }
            case "IN" -> {
                try {
                    return new Condition.In(
                            text(n, "child", at), text(n, "parent", at), scalars(n, "values", at));
                } catch (ConfigSpaceFormatException e) {
                    throw e;
                } catch (IllegalArgumentException e) {
                    throw error(at + "/values", e.getMessage(), e);
                }
            }
            default ->
                    throw error(
                            at + "/type",
                            "unknown condition type '"
                                    + type
                                    + "'; expected EQ, NEQ, LT, GT, IN, AND or OR",
                            null);
        }
    }

    private Forbidden forbidden(JsonNode n, String at) {
        if (n == null || !n.isObject()) {
            throw error(at, "each forbidden clause must be an object with 'type'", null);
        }
        String type = text(n, "type", at);
        switch (type) {
            case "EQUALS" -> {
                return new Forbidden.Clause(
                        text(n, "name", at),
                        Forbidden.Op.EQ,
                        scalar(n.get("value"), at + "/value"));
            }
            case "CLAUSE_LT", "CLAUSE_LE", "CLAUSE_GT", "CLAUSE_GE" -> {
                return new Forbidden.Clause(
                        text(n, "name", at),
                        Forbidden.Op.valueOf(type.substring(7)),
                        scalar(n.get("value"), at + "/value"));
            }
            case "IN" -> {
                try {
                    return new Forbidden.In(text(n, "name", at), scalars(n, "values", at));
                } catch (ConfigSpaceFormatException e) {
                    throw e;
                } catch (IllegalArgumentException e) {
                    throw error(at + "/values", e.getMessage(), e);
                }
            }
            case "AND", "OR" -> {
                JsonNode clauses = n.get("clauses");
                if (clauses == null || !clauses.isArray() || clauses.isEmpty()) {
                    throw error(at + "/clauses", type + " needs a non-empty 'clauses' array", null);
                }
                List<Forbidden> list = new ArrayList<>();
                for (int i = 0; i < clauses.size(); i++) {
                    list.add(forbidden(clauses.get(i), at + "/clauses/" + i));
                }
                return new Forbidden.Conjunction(type.equals("AND"), list);
            }
            case "RELATION_LT", "RELATION_LE", "RELATION_EQ", "RELATION_GT", "RELATION_GE" -> {
                return new Forbidden.Relation(
                        text(n, "left", at),
                        text(n, "right", at),
                        Forbidden.Op.valueOf(type.substring(9)));
            }
            case "RELATION" -> {
                String lambda = text(n, "lambda", at);
                Forbidden.Op op =
                        switch (lambda) {
                            case "LT", "LESS" -> Forbidden.Op.LT;
                            case "LE" -> Forbidden.Op.LE;
                            case "EQ", "EQUALS" -> Forbidden.Op.EQ;
                            case "GT", "GREATER" -> Forbidden.Op.GT;
                            case "GE" -> Forbidden.Op.GE;
                            default ->
                                    throw error(
                                            at + "/lambda",
                                            "unknown relation lambda '"
                                                    + lambda
                                                    + "'; expected LT/LESS, EQ/EQUALS or GT/GREATER",
                                            null);
                        };
                return new Forbidden.Relation(text(n, "left", at), text(n, "right", at), op);
            }
            default ->
                    throw error(
                            at + "/type",
                            "unknown forbidden clause type '"
                                    + type
                                    + "'; expected EQUALS, IN, AND, "
                                    + "OR, CLAUSE_LT/LE/GT/GE, RELATION_LT/LE/EQ/GT/GE or RELATION",
                            null);
        }
    }

    private JsonNode array(JsonNode root, String field) {
        JsonNode a = root.get(field);
        if (a == null || a.isNull()) {
            return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        }
        if (!a.isArray()) {
            throw error("/" + field, "'" + field + "' must be an array (or left out)", null);
        }
        return a;
    }

    private String text(JsonNode n, String field, String at) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual() || v.textValue().isBlank()) {
            throw error(
                    at + "/" + field,
                    "'" + field + "' is required and must be a non-blank string",
                    null);
        }
        return v.textValue();
    }

    private boolean bool(JsonNode n, String field, String at) {
        JsonNode v = n.get(field);
        if (!v.isBoolean()) {
            throw error(at + "/" + field, "'" + field + "' must be true or false, got " + v, null);
        }
        return v.booleanValue();
    }

    private double number(JsonNode n, String field, String at) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw error(at + "/" + field, "'" + field + "' is required and must be a number", null);
        }
        return number(v, at + "/" + field);
    }

    private double number(JsonNode v, String at) {
        if (!v.isNumber()) {
            throw error(at, "must be a number, got " + v, null);
        }
        return v.doubleValue();
    }

    private long integer(JsonNode n, String field, String at) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw error(
                    at + "/" + field, "'" + field + "' is required and must be an integer", null);
        }
        return integer(v, at + "/" + field);
    }

    private long integer(JsonNode v, String at) {
        if (!v.isNumber()
                || v.doubleValue() != Math.rint(v.doubleValue())
                || !v.canConvertToLong()) {
            throw error(at, "must be an integer, got " + v, null);
        }
        return v.longValue();
    }

    private Object scalar(JsonNode v, String at) {
        Object value = Values.fromJson(v);
        if (value == null) {
            throw error(
                    at,
                    "must be a string, number or boolean, got "
                            + (v == null ? "nothing" : v.toString()),
                    null);
        }
        return value;
    }

    private List<Object> scalars(JsonNode n, String field, String at) {
        JsonNode a = n.get(field);
        if (a == null || !a.isArray() || a.isEmpty()) {
            throw error(at + "/" + field, "'" + field + "' must be a non-empty array", null);
        }
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            out.add(scalar(a.get(i), at + "/" + field + "/" + i));
        }
        return out;
    }

    private List<Double> weights(JsonNode n, String at) {
        JsonNode w = n.get("weights");
        if (w == null || w.isNull()) {
            return null;
        }
        if (!w.isArray()) {
            throw error(at + "/weights", "'weights' must be null or an array of numbers", null);
        }
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < w.size(); i++) {
            out.add(number(w.get(i), at + "/weights/" + i));
        }
        return out;
    }

    private ConfigSpaceFormatException error(String at, String message, Throwable cause) {
        return new ConfigSpaceFormatException(prefix + at, message, cause);
    }
}
