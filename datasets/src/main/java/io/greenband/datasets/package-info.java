/**
 * Data set files, plain Java: the CIFAR-10 binary format (reader, checksum-verified download), the
 * IDX files of (Fashion-)MNIST and their folder layout, the data set names a workload may give, and
 * the decoded {@link io.greenband.datasets.ImageSet}. The trainer trains on them; the CLI lists,
 * checks and downloads them.
 */
package io.greenband.datasets;
