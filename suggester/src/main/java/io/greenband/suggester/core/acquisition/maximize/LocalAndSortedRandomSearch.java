package io.greenband.suggester.core.acquisition.maximize;

import io.greenband.suggester.core.acquisition.AcquisitionFunction;
import io.greenband.suggester.core.parallel.ParallelLoop;
import io.greenband.suggester.core.space.SearchSpace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * SMAC's acquisition maximizer: score many random configurations and sort them; start local
 * searches from the best random ones and from the previously evaluated configurations with the
 * lowest predicted cost; return the local optima and the best random configurations together, best
 * first. Local searches run on the common fork-join pool, each with its own generator split.
 */
public final class LocalAndSortedRandomSearch {

    /** Random configurations scored per maximization (SMAC's challengers). */
    public static final int DEFAULT_RANDOM = 10_000;

    /** Local searches started from the best random configurations. */
    public static final int DEFAULT_RANDOM_STARTS = 10;

    /** Local searches started from previously evaluated configurations. */
    public static final int DEFAULT_PREVIOUS_STARTS = 10;

    /** Random configurations drawn and scored together on one thread. */
    private static final int RANDOM_CHUNK = 500;

    /** Random configurations kept in the result besides the local optima. */
    private static final int RANDOM_KEPT = 256;

    private final SearchSpace space;
    private final int randomCount;
    private final LocalSearch localSearch;

    /** A maximizer scoring {@code randomCount} random configurations per call. */
    public LocalAndSortedRandomSearch(SearchSpace space, int randomCount) {
        if (randomCount < 1) {
            throw new IllegalArgumentException("randomCount must be >= 1, was " + randomCount);
        }
        this.space = space;
        this.randomCount = randomCount;
        this.localSearch = new LocalSearch(space);
    }

    /**
     * Candidates best first.
     *
     * @param previous evaluated configurations, lowest predicted cost first; up to {@link
     *     #DEFAULT_PREVIOUS_STARTS} seed local searches (missing ones are replaced by random
     *     samples)
     */
    public List<Candidate> maximize(
            AcquisitionFunction acq, List<double[]> previous, SplittableRandom rng) {
        double[][] random = new double[randomCount][];
        double[] scores = new double[randomCount];
        // Chunks are drawn and scored in parallel, each from its own split, so the result does not
        // depend on
        // the threads; a chunk stays below the forest's own parallel batch size.
        int chunks = (randomCount + RANDOM_CHUNK - 1) / RANDOM_CHUNK;
        SplittableRandom[] chunkRngs = new SplittableRandom[chunks];
        for (int c = 0; c < chunks; c++) {
            chunkRngs[c] = rng.split();
        }
        ParallelLoop.forEach(
                chunks,
                c -> {
                    int from = c * RANDOM_CHUNK;
                    int to = Math.min(randomCount, from + RANDOM_CHUNK);
                    double[][] drawn = new double[to - from][];
                    for (int i = 0; i < drawn.length; i++) {
                        drawn[i] = space.sample(chunkRngs[c]);
                    }
                    double[] chunkScores = new double[drawn.length];
                    acq.evaluate(drawn, chunkScores);
                    System.arraycopy(drawn, 0, random, from, drawn.length);
                    System.arraycopy(chunkScores, 0, scores, from, drawn.length);
                });
        // Equal scores are ordered at random, as SMAC does.
        int[] idx = ScoreOrder.top(scores, Math.max(RANDOM_KEPT, DEFAULT_RANDOM_STARTS), rng);

        List<double[]> starts = new ArrayList<>();
        for (int i = 0; i < Math.min(DEFAULT_RANDOM_STARTS, idx.length); i++) {
            starts.add(random[idx[i]]);
        }
        int fromPrevious = 0;
        for (double[] p : previous) {
            if (fromPrevious == DEFAULT_PREVIOUS_STARTS) {
                break;
            }
            fromPrevious++;
            addDistinct(starts, p);
        }
        for (int i = fromPrevious; i < DEFAULT_PREVIOUS_STARTS; i++) {
            addDistinct(starts, space.sample(rng));
        }
        double[][] startArray = starts.toArray(new double[0][]);
        double[] startScores = new double[startArray.length];
        acq.evaluate(startArray, startScores);

        // Each search gets its own split, so running them in parallel gives the same result as in
        // sequence.
        SplittableRandom[] searchRngs = new SplittableRandom[startArray.length];
        for (int i = 0; i < searchRngs.length; i++) {
            searchRngs[i] = rng.split();
        }
        Candidate[] optima = new Candidate[startArray.length];
        ParallelLoop.forEach(
                optima.length,
                i ->
                        optima[i] =
                                localSearch.climb(
                                        startArray[i], startScores[i], acq, searchRngs[i]));
        List<Candidate> out = new ArrayList<>(Arrays.asList(optima));
        for (int i = 0; i < Math.min(RANDOM_KEPT, idx.length); i++) {
            out.add(new Candidate(random[idx[i]], scores[idx[i]]));
        }
        // Stable sort: local optima precede random configurations of equal value.
        out.sort(Comparator.comparingDouble(c -> -c.value()));
        return out;
    }

    private static void addDistinct(List<double[]> list, double[] v) {
        for (double[] o : list) {
            if (Arrays.equals(o, v)) {
                return;
            }
        }
        list.add(v);
    }
}
