package io.greenband.events.payload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.greenband.events.EventType;
import io.greenband.events.space.ConfigSpace;
import io.greenband.events.space.ConfigSpaceFormatException;
import io.greenband.events.space.ConfigSpaceJson;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A study definition (DESIGN §4), published on {@code studies} keyed by study id. The configuration
 * space is kept as ConfigSpace JSON exactly as given and checked on construction ({@link
 * #configSpace()} parses it); sections left out get their defaults.
 *
 * @param studyId unique id: letters, digits, '.', '_', '-'
 * @param name human-readable name; defaults to the id
 * @param description free text, optional
 * @param labels free key/value labels
 * @param space the configuration space, ConfigSpace JSON (an object with {@code hyperparameters})
 * @param objectives at least one objective, unique names, in the order of the objective vector;
 *     either every objective gives a {@link Objective#reference() reference} or none does
 * @param fidelity the multi-fidelity knob and range
 * @param scheduler scheduling and promotion settings
 * @param budget when to stop
 * @param carbon energy to emissions settings
 * @param seed the study seed every random choice derives from
 * @param workload what is trained
 * @param definedAt when the definition was published, optional (not part of the fingerprint)
 */
public record StudyDefined(
        String studyId,
        String name,
        String description,
        Map<String, String> labels,
        JsonNode space,
        List<Objective> objectives,
        Fidelity fidelity,
        Scheduler scheduler,
        Budget budget,
        Carbon carbon,
        long seed,
        Workload workload,
        Instant definedAt)
        implements GreenbandEvent, StudyScoped {

    /** Legal study ids: they appear in keys, ids and topic-derived names. */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    public StudyDefined {
        FieldChecks.text(studyId, "studyId");
        if (!ID.matcher(studyId).matches()) {
            throw new InvalidFieldException(
                    "studyId",
                    "studyId must be 1-128 letters, digits, '.', '_' or '-' "
                            + "starting with a letter or digit, got '"
                            + studyId
                            + "'");
        }
        name = name == null ? studyId : FieldChecks.text(name, "name");
        labels = FieldChecks.labels(labels, "labels");
        FieldChecks.present(space, "space");
        if (!space.isObject() || !space.path("hyperparameters").isArray()) {
            throw new InvalidFieldException(
                    "space",
                    "space must be a ConfigSpace JSON object with a 'hyperparameters' array");
        }
        space = space.deepCopy();
        try {
            ConfigSpaceJson.read(space, "");
        } catch (ConfigSpaceFormatException e) {
            throw new InvalidFieldException("space" + e.pointer(), "space" + e.getMessage());
        }
        objectives = FieldChecks.list(objectives, "objectives");
        if (objectives.isEmpty()) {
            throw new InvalidFieldException(
                    "objectives", "objectives must list at least one objective");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < objectives.size(); i++) {
            if (!names.add(objectives.get(i).name())) {
                throw new InvalidFieldException(
                        "objectives/" + i + "/name",
                        "objectives/"
                                + i
                                + "/name '"
                                + objectives.get(i).name()
                                + "' is used twice; names must be unique");
            }
        }
        checkReferences(objectives);
        FieldChecks.present(fidelity, "fidelity");
        scheduler = scheduler == null ? Scheduler.defaults() : scheduler;
        budget = budget == null ? Budget.defaults() : budget;
        carbon = carbon == null ? Carbon.defaults() : carbon;
        workload = workload == null ? Workload.defaults() : workload;
        if (scheduler.multiFidelity() && fidelity.min() <= 0) {
            throw new InvalidFieldException(
                    "fidelity/min",
                    "fidelity/min must be > 0 for scheduler "
                            + scheduler.kind().json()
                            + " (budgets are max·eta^-k), got "
                            + fidelity.min());
        }
    }

    /**
     * A partial reference point would leave the hypervolume undefined, so all objectives give one
     * or none do.
     */
    private static void checkReferences(List<Objective> objectives) {
        Objective given =
                objectives.stream().filter(o -> o.reference() != null).findFirst().orElse(null);
        if (given == null) {
            return;
        }
        for (int i = 0; i < objectives.size(); i++) {
            if (objectives.get(i).reference() == null) {
                throw new InvalidFieldException(
                        "objectives/" + i + "/reference",
                        "objectives/"
                                + i
                                + "/reference "
                                + "is missing, but objective '"
                                + given.name()
                                + "' gives one: the hypervolume reference point "
                                + "needs a value for every objective, so give a reference for each one or remove them all");
            }
        }
    }

    /**
     * The study's hypervolume reference point in objective units and directions, in vector order,
     * when its objectives give one; empty when the aggregator derives a frame per front.
     */
    public Optional<double[]> referencePoint() {
        if (objectives.get(0).reference() == null) {
            return Optional.empty();
        }
        return Optional.of(objectives.stream().mapToDouble(Objective::reference).toArray());
    }

    /** The configuration space, parsed (it was checked when this record was built). */
    public ConfigSpace configSpace() {
        return ConfigSpaceJson.read(space, "/space");
    }

    /** The space as an independent copy (the record keeps its own). */
    @Override
    public JsonNode space() {
        return space.deepCopy();
    }

    /**
     * A stable SHA-256 (hex) of what determines the study's results: space (in its canonical
     * ConfigSpace form), objectives, fidelity, scheduler, carbon, seed and workload, as canonical
     * JSON. Id, name, description, labels, budget and definedAt are left out, so a renamed study or
     * a raised budget keeps its fingerprint. Objective references count (they change every
     * hypervolume the study reports, and a definition that differs only there must not share the
     * ce_id of the first); absent optional fields are left out of the canonical form, so
     * definitions without references keep the fingerprint they had before references existed.
     */
    public String fingerprint() {
        ObjectNode core = JsonNodeFactory.instance.objectNode();
        // The space as written back by the reader: file order, omitted defaults and legacy
        // spellings do not count.
        core.set("space", ConfigSpaceJson.toJson(configSpace()));
        core.set("objectives", CanonicalJson.canonical(objectives));
        core.set("fidelity", CanonicalJson.canonical(fidelity));
        core.set("scheduler", CanonicalJson.canonical(scheduler));
        core.set("carbon", CanonicalJson.canonical(carbon));
        core.put("seed", seed);
        core.set("workload", CanonicalJson.canonical(workload));
        return CanonicalJson.sha256(core);
    }

    /** The objective names in vector order. */
    public List<String> objectiveNames() {
        return objectives.stream().map(Objective::name).toList();
    }

    @Override
    public EventType type() {
        return EventType.STUDY_DEFINED;
    }

    @Override
    public String key() {
        return studyId;
    }

    @Override
    public String subject() {
        return studyId;
    }

    /**
     * The study id and the fingerprint: re-publishing the same definition yields the same ce_id.
     */
    @Override
    public String naturalId() {
        return studyId + ":" + fingerprint().substring(0, 16);
    }

    @Override
    public Instant occurredAt() {
        return definedAt;
    }
}
