package io.greenband.benchmarks.attribution;

/**
 * A foreign load: {@code args[0]} busy threads until killed (like {@code yes > /dev/null} per
 * core).
 */
public final class BusyLoad {

    private BusyLoad() {}

    /** Starts the threads and never returns. */
    public static void main(String[] args) throws InterruptedException {
        int threads = Integer.parseInt(args[0]);
        for (int i = 0; i < threads; i++) {
            Thread t =
                    new Thread(
                            () -> {
                                long x = System.nanoTime();
                                while (x != 0) {
                                    x = FixedWork.spin(1_000_000) | 1;
                                }
                            },
                            "busy-" + i);
            t.start();
        }
        Thread.currentThread().join();
    }
}
