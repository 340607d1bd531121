package io.greenband.datasets;

import java.util.List;

/** The names a study's {@code workload.dataset} may take. */
public final class DatasetNames {

    /** The generated set (default; no files needed). */
    public static final String SYNTHETIC = "synthetic";

    /** CIFAR-10 in its binary layout. */
    public static final String CIFAR10 = "cifar10";

    /**
     * Fashion-MNIST in the MNIST layout of IDX files (Debian's {@code dataset-fashion-mnist} by
     * default).
     */
    public static final String FASHION_MNIST = "fashion-mnist";

    /**
     * Any gray data set of 10 classes in the MNIST layout of IDX files, from {@code
     * workload.datasetPath}.
     */
    public static final String IDX = "idx";

    /** All of them. */
    public static final List<String> ALL = List.of(SYNTHETIC, CIFAR10, FASHION_MNIST, IDX);

    private DatasetNames() {}
}
