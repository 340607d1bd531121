package io.greenband.events.space;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Reads and writes ConfigSpace JSON (suggester.md §5). Reading accepts the 1.x format and legacy
 * 0.x files ({@code default}, {@code json_format_version}, {@code q}, {@code probabilities}, {@code
 * unparametrized}, {@code RELATION} with either lambda spelling); writing produces the 1.x format
 * with {@code format_version} {@value #FORMAT_VERSION}, hyperparameters in internal order.
 */
public final class ConfigSpaceJson {

    /** The format version written. */
    public static final double FORMAT_VERSION = 0.4;

    /** The ConfigSpace release whose writer this output matches. */
    public static final String PYTHON_MODULE_VERSION = "1.2.1";

    private static final ObjectMapper MAPPER =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ConfigSpaceJson() {}

    /** Reads a space from JSON text. */
    public static ConfigSpace read(String json) {
        try {
            return read(MAPPER.readTree(json), "");
        } catch (JsonProcessingException e) {
            throw new ConfigSpaceFormatException(
                    "", "not valid JSON: " + e.getOriginalMessage() + location(e), e);
        }
    }

    /** Reads a space from a JSON stream (not closed). */
    public static ConfigSpace read(InputStream in) {
        try {
            return read(MAPPER.readTree(in), "");
        } catch (JsonProcessingException e) {
            throw new ConfigSpaceFormatException(
                    "", "not valid JSON: " + e.getOriginalMessage() + location(e), e);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "cannot read the configuration space: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a space from a parsed tree; error pointers start with {@code pointerPrefix} (e.g.
     * {@code /space}).
     */
    public static ConfigSpace read(JsonNode root, String pointerPrefix) {
        return new ConfigSpaceReader(pointerPrefix).read(root);
    }

    /** The space as ConfigSpace 1.x JSON text. */
    public static String write(ConfigSpace space) {
        try {
            return MAPPER.writeValueAsString(toJson(space));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the configuration space", e);
        }
    }

    /** The space as a ConfigSpace 1.x JSON tree. */
    public static ObjectNode toJson(ConfigSpace space) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        if (space.name() == null) {
            root.putNull("name");
        } else {
            root.put("name", space.name());
        }
        ArrayNode hps = root.putArray("hyperparameters");
        space.hyperparameters().forEach(h -> hps.add(hyperparameter(h)));
        ArrayNode conditions = root.putArray("conditions");
        space.conditions().forEach(c -> conditions.add(condition(c)));
        ArrayNode forbiddens = root.putArray("forbiddens");
        space.forbiddens().forEach(x -> forbiddens.add(forbidden(x)));
        root.put("python_module_version", PYTHON_MODULE_VERSION);
        root.put("format_version", FORMAT_VERSION);
        return root;
    }

    private static ObjectNode hyperparameter(Hyperparameter h) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("type", h.type());
        o.put("name", h.name());
        if (h instanceof UniformFloat u) {
            o.put("lower", u.lower())
                    .put("upper", u.upper())
                    .put("default_value", u.defaultValue())
                    .put("log", u.log());
        } else if (h instanceof UniformInt u) {
            o.put("lower", u.lower())
                    .put("upper", u.upper())
                    .put("default_value", u.defaultValue())
                    .put("log", u.log());
        } else if (h instanceof NormalFloat n) {
            o.put("mu", n.mu())
                    .put("sigma", n.sigma())
                    .put("lower", n.lower())
                    .put("upper", n.upper())
                    .put("default_value", n.defaultValue())
                    .put("log", n.log());
        } else if (h instanceof NormalInt n) {
            o.put("mu", n.mu())
                    .put("sigma", n.sigma())
                    .put("lower", n.lower())
                    .put("upper", n.upper())
                    .put("default_value", n.defaultValue())
                    .put("log", n.log());
        } else if (h instanceof BetaFloat b) {
            o.put("alpha", b.alpha())
                    .put("beta", b.beta())
                    .put("lower", b.lower())
                    .put("upper", b.upper())
                    .put("default_value", b.defaultValue())
                    .put("log", b.log());
        } else if (h instanceof BetaInt b) {
            o.put("alpha", b.alpha())
                    .put("beta", b.beta())
                    .put("lower", b.lower())
                    .put("upper", b.upper())
                    .put("default_value", b.defaultValue())
                    .put("log", b.log());
        } else if (h instanceof Categorical c) {
            o.set("choices", values(c.choices()));
            if (c.weights() == null) {
                o.putNull("weights");
            } else {
                ArrayNode w = o.putArray("weights");
                c.weights().forEach(w::add);
            }
            o.set("default_value", Values.toJson(c.defaultValue()));
        } else if (h instanceof Ordinal s) {
            o.set("sequence", values(s.sequence()));
            o.set("default_value", Values.toJson(s.defaultValue()));
        } else if (h instanceof Constant c) {
            o.set("value", Values.toJson(c.value()));
        }
        o.set("meta", h.meta() == null ? JsonNodeFactory.instance.nullNode() : h.meta().deepCopy());
        return o;
    }

    private static ObjectNode condition(Condition c) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("type", c.type());
        o.put("child", c.child());
        if (c instanceof Condition.Compare cmp) {
            o.put("parent", cmp.parent());
            o.set("value", Values.toJson(cmp.value()));
        } else if (c instanceof Condition.In in) {
            o.put("parent", in.parent());
            o.set("values", values(in.values()));
        } else if (c instanceof Condition.Conjunction and) {
            ArrayNode parts = o.putArray("conditions");
            and.parts().forEach(p -> parts.add(condition(p)));
        }
        return o;
    }

    private static ObjectNode forbidden(Forbidden f) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("type", f.type());
        if (f instanceof Forbidden.Clause cl) {
            o.put("name", cl.name());
            o.set("value", Values.toJson(cl.value()));
        } else if (f instanceof Forbidden.In in) {
            o.put("name", in.name());
            o.set("values", values(in.values()));
        } else if (f instanceof Forbidden.Conjunction and) {
            ArrayNode clauses = o.putArray("clauses");
            and.clauses().forEach(c -> clauses.add(forbidden(c)));
        } else if (f instanceof Forbidden.Relation rel) {
            o.put("left", rel.left());
            o.put("right", rel.right());
        }
        return o;
    }

    private static ArrayNode values(List<Object> values) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        values.forEach(v -> a.add(Values.toJson(v)));
        return a;
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null
                ? ""
                : " (line "
                        + e.getLocation().getLineNr()
                        + ", column "
                        + e.getLocation().getColumnNr()
                        + ")";
    }
}
