package io.greenband.trainer.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Settings of the trainer service, under {@code greenband.trainer}. */
@ConfigMapping(prefix = "greenband.trainer")
public interface TrainerConfig {

    /**
     * This trainer instance in events; default: env {@code POD_NAME}, then {@code HOSTNAME}, then
     * the host.
     */
    Optional<String> worker();

    /**
     * The node in events, as the energy monitor names it; default: env {@code NODE_NAME}, then the
     * host name.
     */
    Optional<String> host();

    /** Devices to report instead of detecting them (GPU UUIDs, or {@code cpu}). */
    Optional<List<String>> devices();

    /** Time between heartbeat {@code trial-progress} events while an epoch runs. */
    @WithDefault("30s")
    Duration heartbeat();

    /** Whether trials also score the test set (final evaluations rather than search). */
    @WithDefault("false")
    boolean evaluateTest();

    /** Where trained models are saved (one folder per trial and attempt); unset: not saved. */
    Optional<Path> modelsDir();

    /** The {@code trial-suggested} consumer. */
    Consumer consumer();

    /** Data sets. */
    Data data();

    /** The command backend. */
    Command command();

    /**
     * Programs the command backend may run, by the name a study's {@code workload.program} gives,
     * e.g. {@code greenband.trainer.programs.train-py.argv[0]=python3}. Nothing else runs.
     */
    Map<String, ProgramEntry> programs();

    /**
     * A registry file (JSON or YAML, {@code programs: {name: {argv, workDir, environment,
     * timeout}}}) adding more.
     */
    Optional<Path> programsFile();

    /** One registered program. */
    interface ProgramEntry {
        /** The executable and its fixed arguments; no shell. */
        List<String> argv();

        /** Where it runs; unset: the trial's folder. */
        Optional<Path> workDir();

        /**
         * The trainer's environment variables it may see; unset: {@code
         * Program.DEFAULT_ENVIRONMENT}.
         */
        Optional<List<String>> environment();

        /** Wall-clock limit of one trial; unset: {@code command.timeout}. */
        Optional<Duration> timeout();
    }

    /** Consumer settings. */
    interface Consumer {
        /** Whether to consume at all (off: the service only answers health checks). */
        @WithDefault("true")
        boolean enabled();

        /** The consumer group every trainer joins. */
        @WithDefault("greenband-trainer")
        String groupId();

        /**
         * Kafka's {@code max.poll.interval.ms}; the loop keeps polling during trials, so minutes
         * suffice.
         */
        @WithDefault("5m")
        Duration maxPollInterval();

        /** Longest wait of one poll, also how often the loop polls while a trial runs. */
        @WithDefault("1s")
        Duration pollTimeout();

        /** How long shutdown waits for a cancelled trial before reporting it FAILED anyway. */
        @WithDefault("30s")
        Duration shutdownGrace();

        /** Longest wait to read the {@code studies} topic to its end before a trial. */
        @WithDefault("30s")
        Duration studiesCatchUp();
    }

    /** Data settings. */
    interface Data {
        /** Synthetic images before the 10% validation hold-out. */
        @WithDefault("5000")
        int syntheticTrainImages();

        /** Synthetic test images. */
        @WithDefault("1000")
        int syntheticTestImages();

        /** Side of the synthetic images, a multiple of 4. */
        @WithDefault("32")
        int syntheticImageSize();

        /**
         * Folder holding {@code cifar-10-batches-bin}; unset: the study's {@code
         * workload.datasetPath}.
         */
        Optional<Path> cifar10Dir();

        /**
         * Whether CIFAR-10 may be downloaded (SHA-256 checked) when missing; needs network access.
         */
        @WithDefault("false")
        boolean download();
    }

    /** Command backend settings. */
    interface Command {
        /** Working folder, one sub-folder per trial. */
        @WithDefault("${java.io.tmpdir}/greenband-trainer")
        Path workDir();

        /** Wall-clock limit of one program's trial unless its registration sets one. */
        @WithDefault("24h")
        Duration timeout();
    }
}
