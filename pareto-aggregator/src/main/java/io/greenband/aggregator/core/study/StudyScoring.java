package io.greenband.aggregator.core.study;

import io.greenband.aggregator.core.attribution.TrialEnergy;
import io.greenband.aggregator.core.attribution.TrialKey;
import io.greenband.aggregator.core.emissions.EnergyBreakdown;
import io.greenband.aggregator.core.emissions.StudyCarbon;
import io.greenband.aggregator.core.objective.EnergyFigures;
import io.greenband.aggregator.core.objective.ObjectiveAssembler;
import io.greenband.aggregator.core.objective.ObjectivePlan;
import io.greenband.aggregator.core.objective.ObjectiveSpec;
import io.greenband.aggregator.core.objective.ProducedValue;
import io.greenband.aggregator.core.objective.ScoredTrial;
import io.greenband.aggregator.core.objective.TrialOutcome;
import io.greenband.pareto.ParetoPoint;
import io.greenband.pareto.StudyFronts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Scores one study's trials and keeps its fronts. Energy arrives as attributed {@link TrialEnergy}
 * (from the shared ledger's finalization) and is turned into emissions with the study's fixed
 * intensity; complete vectors enter the front of their fidelity. One owner; explicit time.
 */
public final class StudyScoring {

    private final String studyId;
    private final ObjectivePlan plan;
    private final StudyCarbon carbon;
    private final ObjectiveAssembler assembler;
    private final StudyFronts fronts;
    private final ScoreLog log;

    /**
     * @param studyId the study
     * @param plan its objectives
     * @param carbon its carbon accounting
     * @param maxFidelity its maximum fidelity, or empty to use the highest observed
     * @param referencePoint a reference point in objective units (as reported, plan order), or
     *     empty to derive one per front (see {@link io.greenband.pareto.HypervolumeFrame})
     */
    public StudyScoring(
            String studyId,
            ObjectivePlan plan,
            StudyCarbon carbon,
            OptionalDouble maxFidelity,
            Optional<double[]> referencePoint) {
        this(studyId, plan, carbon, maxFidelity, referencePoint, ScoreLog.none());
    }

    /**
     * A scoring that adopts the scores {@code log} already holds instead of its own.
     *
     * @param log the scores already in the study's log
     */
    public StudyScoring(
            String studyId,
            ObjectivePlan plan,
            StudyCarbon carbon,
            OptionalDouble maxFidelity,
            Optional<double[]> referencePoint,
            ScoreLog log) {
        this.log = Objects.requireNonNull(log, "log of study " + studyId + " must not be null");
        this.studyId = Objects.requireNonNull(studyId, "studyId must not be null");
        this.plan = Objects.requireNonNull(plan, "plan of study " + studyId + " must not be null");
        this.carbon =
                Objects.requireNonNull(carbon, "carbon of study " + studyId + " must not be null");
        this.assembler = new ObjectiveAssembler(plan);
        this.fronts =
                new StudyFronts(
                        plan.dimension(),
                        maxFidelity,
                        referencePoint.map(this::minimized).orElse(null));
    }

    private double[] minimized(double[] reference) {
        if (reference.length != plan.dimension()) {
            throw new IllegalArgumentException(
                    "referencePoint of study "
                            + studyId
                            + " has "
                            + reference.length
                            + " values but the study has "
                            + plan.dimension()
                            + " objectives");
        }
        double[] out = new double[reference.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = plan.objectives().get(i).direction().toMinimized(reference[i]);
        }
        return out;
    }

    /** The trainer reported the trial's end. */
    public List<TrialResult> onFinished(TrialOutcome outcome) {
        return record(assembler.onFinished(outcome).stream().toList());
    }

    /**
     * The ledger finalized the trial's energy. {@code inference} is the energy of its inference
     * phase (from {@code EnergyLedger.energyOver}) and {@code inferenceInputs} the inputs it
     * processed, when known.
     */
    public List<TrialResult> onEnergy(
            TrialEnergy trial, Optional<TrialEnergy> inference, long inferenceInputs, Instant at) {
        EnergyFigures figures =
                EnergyFigures.of(
                        trial,
                        carbon.emissionsOf(EnergyBreakdown.of(trial)),
                        inference,
                        inferenceInputs);
        return record(assembler.onEnergy(trial.key(), figures, at).stream().toList());
    }

    /** A plug-in reported a value. */
    public List<TrialResult> onProduced(ProducedValue value) {
        return record(assembler.onProduced(value).stream().toList());
    }

    /** Scores trials whose waits ran out by {@code now}. */
    public List<TrialResult> poll(Instant now) {
        return record(assembler.poll(now));
    }

    private List<TrialResult> record(List<ScoredTrial> scored) {
        List<TrialResult> out = new ArrayList<>(scored.size());
        for (ScoredTrial computed : scored) {
            // A score already in the log stands: it is what consumers saw, and a re-computation may
            // differ slightly.
            Optional<ScoredTrial> logged =
                    log.logged(computed.key()).filter(l -> l.revision() >= computed.revision());
            ScoredTrial s = logged.orElse(computed);
            String id = pointId(s.key());
            Optional<StudyFronts.Update> update =
                    s.minimizedVector()
                            .map(
                                    v ->
                                            fronts.add(
                                                    s.fidelity(),
                                                    new ParetoPoint(id, v),
                                                    s.scoredAt()));
            boolean top = fronts.topFront().map(f -> f.isMember(id)).orElse(false);
            out.add(new TrialResult(s, id, update, top, logged.isPresent()));
        }
        return out;
    }

    /** The id a trial attempt has in the fronts. */
    public static String pointId(TrialKey key) {
        return key.toString();
    }

    /** The study's fronts. */
    public StudyFronts fronts() {
        return fronts;
    }

    /** The objective names in vector order. */
    public List<String> objectiveNames() {
        return plan.objectives().stream().map(ObjectiveSpec::name).toList();
    }

    /** The study's carbon accounting. */
    public StudyCarbon carbon() {
        return carbon;
    }

    /** The study id. */
    public String studyId() {
        return studyId;
    }
}
