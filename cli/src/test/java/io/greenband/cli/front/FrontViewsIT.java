package io.greenband.cli.front;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.greenband.cli.Cli;
import io.greenband.embedded.EmbeddedStack;
import io.greenband.embedded.junit.EmbeddedStackTest;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * {@code front --mongodb} over the pareto-aggregator's views (documents shaped as the aggregator
 * stores them, see docs/pareto-aggregator.md): objectives named after the study, energy from each
 * member's trial, full-precision CSV.
 */
@EmbeddedStackTest
class FrontViewsIT {

    EmbeddedStack stack;

    @Test
    void aReplayedStudysFrontNamesItsObjectivesAndShowsJoules() {
        try (MongoClient client = MongoClients.create(stack.mongoConnectionString())) {
            MongoDatabase db = client.getDatabase("replayed");
            db.getCollection("studies")
                    .insertOne(
                            new Document("_id", "s")
                                    .append("name", "s")
                                    .append("objectives", List.of("val_error", "emissions"))
                                    .append("directions", List.of("MINIMIZE", "MINIMIZE")));
            db.getCollection("fronts")
                    .insertOne(
                            new Document("_id", "s/27.0")
                                    .append("studyId", "s")
                                    .append("fidelity", 27.0)
                                    .append("top", true)
                                    .append(
                                            "members",
                                            List.of(
                                                    new Document("id", "t1#1")
                                                            .append(
                                                                    "values",
                                                                    List.of(0.123456789, 2.5)),
                                                    new Document("id", "t2#2")
                                                            .append(
                                                                    "values",
                                                                    List.of(0.3, 1.25)))));
            db.getCollection("trials")
                    .insertOne(
                            new Document("_id", "s/t1#1")
                                    .append("studyId", "s")
                                    .append("trialId", "t1")
                                    .append("attempt", 1)
                                    .append(
                                            "energy",
                                            new Document("trainJoules", 1000.5)
                                                    .append("inferenceJoules", 20.25)
                                                    .append("estimated", false)
                                                    .append("partial", false)
                                                    .append(
                                                            "basis",
                                                            new Document(
                                                                    "GPU", "EXCLUSIVE_DEVICE"))));
            db.getCollection("trials")
                    .insertOne(
                            new Document("_id", "s/t2#2")
                                    .append("studyId", "s")
                                    .append("trialId", "t2")
                                    .append("attempt", 2));
        }
        Cli csv =
                Cli.run(
                        "front",
                        "s",
                        "--mongodb",
                        stack.mongoConnectionString(),
                        "--database",
                        "replayed",
                        "--csv");
        assertThat(csv.exitCode()).as(csv.err()).isZero();
        assertThat(csv.out().lines().toList())
                .containsExactly(
                        "trialId,fidelity,val_error,emissions,joules,energy",
                        "t1,27,0.123456789,2.5,1020.75,EXCLUSIVE_DEVICE measured complete",
                        "t2#2,27,0.3,1.25,,not attributed yet");

        Cli table =
                Cli.run(
                        "front",
                        "s",
                        "--mongodb",
                        stack.mongoConnectionString(),
                        "--database",
                        "replayed");
        assertThat(table.out())
                .contains("val_error")
                .contains("emissions")
                .contains("1020.75")
                .doesNotContain("objective_1")
                .doesNotContain("NaN");

        Cli unknown =
                Cli.run(
                        "front",
                        "nope",
                        "--mongodb",
                        stack.mongoConnectionString(),
                        "--database",
                        "replayed");
        assertThat(unknown.exitCode()).isEqualTo(io.greenband.cli.ExitCodes.NOT_FOUND);
        assertThat(unknown.err()).contains("no study 'nope'").contains("[s]");
    }
}
