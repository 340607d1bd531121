package io.greenband.cli.study;

import io.greenband.cli.CliException;
import io.greenband.events.payload.StudyDefined;
import io.greenband.events.study.StudyDefinitionException;
import io.greenband.events.study.StudyReader;
import java.nio.file.Files;
import java.nio.file.Path;

/** Loads study files, turning every problem into a message that names the file, line and field. */
public final class StudyFiles {

    private StudyFiles() {
    }

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

    /** Checks what a study needs on this machine: a cifar10 data set must exist at its path. */
    public static void checkLocalData(StudyDefined study) {
        var w = study.workload();
        if ("cifar10".equals(w.dataset())) {
            if (w.datasetPath() == null || w.datasetPath().isBlank()) {
                throw CliException.notFound("study '" + study.studyId() + "' trains on cifar10 but workload.datasetPath "
                        + "is not set; point it at the CIFAR-10 binary folder (data_batch_1.bin ...) or use dataset: synthetic");
            }
            Path dir = Path.of(w.datasetPath());
            if (!Files.isDirectory(dir)) {
                throw CliException.notFound("data set folder '" + dir.toAbsolutePath() + "' (workload.datasetPath) does not "
                        + "exist; download CIFAR-10 (binary version) there or use dataset: synthetic");
            }
        }
    }
}
