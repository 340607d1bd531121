package io.greenband.cli.study;

import io.greenband.cli.CliException;
import io.greenband.datasets.DatasetNames;
import io.greenband.datasets.MnistLayout;
import io.greenband.events.payload.StudyDefined;
import io.greenband.events.payload.Workload;
import io.greenband.events.study.StudyDefinitionException;
import io.greenband.events.study.StudyReader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Loads study files, turning every problem into a message that names the file, line and field. */
public final class StudyFiles {

    /**
     * The workload option that lets a study fall back to the synthetic set when its files are
     * absent.
     */
    public static final String IF_MISSING = "ifMissing";

    private StudyFiles() {}

    /** Reads a YAML or JSON study file. */
    public static StudyDefined load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw CliException.notFound("study file '" + file + "' does not exist");
        }
        try {
            return StudyReader.read(file);
        } catch (StudyDefinitionException e) {
            throw CliException.invalidStudy(e.getMessage(), e);
        }
    }

    /** Checks what a study needs on this machine (its data set's files), without falling back. */
    public static void checkLocalData(StudyDefined study) {
        withLocalData(study, null);
    }

    /**
     * The study as it can run on this machine: its data set's files must be there, except that a
     * study whose {@code workload.options.ifMissing} is {@code synthetic} falls back to the
     * synthetic set, saying so in one line on {@code notices} (when not null).
     */
    public static StudyDefined withLocalData(StudyDefined study, PrintWriter notices) {
        Workload w = study.workload();
        String missing =
                switch (w.dataset()) {
                    case DatasetNames.CIFAR10 -> missingCifar(study, w);
                    case DatasetNames.FASHION_MNIST, DatasetNames.IDX -> missingIdx(study, w);
                    default -> null;
                };
        if (missing == null) {
            return study;
        }
        if (!DatasetNames.SYNTHETIC.equals(w.options().get(IF_MISSING))) {
            throw CliException.notFound(missing);
        }
        if (notices != null) {
            notices.println(
                    "notice: "
                            + missing.substring(0, missing.indexOf(';'))
                            + "; training on the synthetic "
                            + "set instead (workload.options."
                            + IF_MISSING
                            + ")");
            notices.flush();
        }
        Workload synthetic =
                new Workload(w.backend(), DatasetNames.SYNTHETIC, null, w.command(), w.options());
        return new StudyDefined(
                study.studyId(),
                study.name(),
                study.description(),
                study.labels(),
                study.space(),
                study.objectives(),
                study.fidelity(),
                study.scheduler(),
                study.budget(),
                study.carbon(),
                study.seed(),
                synthetic,
                study.definedAt());
    }

    private static String missingCifar(StudyDefined study, Workload w) {
        if (w.datasetPath() == null || w.datasetPath().isBlank()) {
            return "study '"
                    + study.studyId()
                    + "' trains on cifar10 but workload.datasetPath is not set; point it "
                    + "at the CIFAR-10 binary folder (data_batch_1.bin ...) or use dataset: synthetic";
        }
        Path dir = Path.of(w.datasetPath());
        if (!Files.isDirectory(dir)) {
            return "data set folder '"
                    + dir.toAbsolutePath()
                    + "' (workload.datasetPath) does not exist; download "
                    + "CIFAR-10 (binary version) there (greenband dataset download cifar10) or use dataset: synthetic";
        }
        return null;
    }

    private static String missingIdx(StudyDefined study, Workload w) {
        if (w.datasetPath() == null && DatasetNames.IDX.equals(w.dataset())) {
            return "study '"
                    + study.studyId()
                    + "' trains on idx but workload.datasetPath is not set; point it at a "
                    + "folder in the MNIST layout (train-images-idx3-ubyte ...)";
        }
        Path dir =
                w.datasetPath() == null
                        ? MnistLayout.FASHION_MNIST_DEBIAN
                        : Path.of(w.datasetPath());
        List<String> absent = MnistLayout.missing(dir);
        if (absent.isEmpty()) {
            return null;
        }
        return w.dataset()
                + " is not in "
                + dir.toAbsolutePath()
                + " (missing "
                + String.join(", ", absent)
                + "); "
                + (w.datasetPath() == null
                        ? "install it with 'apt-get install "
                                + MnistLayout.FASHION_MNIST_PACKAGE
                                + "'"
                        : "put the MNIST-layout files there, plain or .gz")
                + " or use dataset: synthetic";
    }
}
