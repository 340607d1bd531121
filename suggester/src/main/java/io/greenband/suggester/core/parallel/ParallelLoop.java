package io.greenband.suggester.core.parallel;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * A parallel for-loop that hands out one index at a time: the calling thread and up to the common
 * pool's parallelism helpers take the next unclaimed index until none is left. A parallel stream
 * splits a range into a few fixed blocks, so on two cores one long local search or a block of large
 * trees leaves the other core idle at the end; taking indices one by one keeps both busy until the
 * last one.
 */
public final class ParallelLoop {

    private ParallelLoop() {}

    /**
     * Runs {@code body} once for every index in {@code [0, n)}, in no particular order and possibly
     * concurrently; returns when all have finished. The first exception thrown by the body stops
     * the hand-out and is rethrown here.
     */
    public static void forEach(int n, IntConsumer body) {
        int helpers = Math.min(n - 1, ForkJoinPool.getCommonPoolParallelism());
        if (helpers <= 0) {
            for (int i = 0; i < n; i++) {
                body.accept(i);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable drain =
                () -> {
                    int i;
                    while ((i = next.getAndIncrement()) < n) {
                        try {
                            body.accept(i);
                        } catch (Throwable t) {
                            failure.compareAndSet(null, t);
                            next.set(n);
                        }
                    }
                };
        ForkJoinTask<?>[] tasks = new ForkJoinTask<?>[helpers];
        for (int k = 0; k < helpers; k++) {
            tasks[k] = ForkJoinTask.adapt(drain);
            if (ForkJoinTask.inForkJoinPool()) {
                tasks[k].fork();
            } else {
                ForkJoinPool.commonPool().execute(tasks[k]);
            }
        }
        drain.run();
        for (ForkJoinTask<?> t : tasks) {
            t.join();
        }
        Throwable t = failure.get();
        if (t instanceof RuntimeException e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        if (t != null) {
            throw new IllegalStateException(t);
        }
    }
}
