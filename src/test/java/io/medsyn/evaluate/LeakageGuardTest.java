package io.medsyn.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.medsyn.testing.TestSpark;
import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeakageGuardTest {
  @TempDir
  Path dir;

  @Test
  void refusesSyntheticNotesWrittenFromEvaluationNotesAndNamesThem() {
    Dataset<Row> eval = Fixtures.real("dev", 2, 3);
    // Notes 1 and 4 took evaluation notes as their style example; the others a training note or none.
    Path notes = Fixtures.notes(dir, 2, 3, n -> n == 1 ? "dev-J06-2" : n == 4 ? "dev-M54-0" : n == 2 ? "train-1"
        : null);
    Dataset<Row> synthetic = Corpora.notes(TestSpark.session().read().parquet(notes.toString()), 3);
    assertThatThrownBy(() -> LeakageGuard.check(synthetic, eval))
        .isInstanceOf(LeakageException.class)
        .hasMessageStartingWith("2 evaluation note(s) served as style examples of synthetic notes: dev-J06-2, "
            + "dev-M54-0.")
        .hasMessageContaining("evaluate.eval.path");
  }

  @Test
  void passesWhenExamplesComeFromTraining() {
    Dataset<Row> eval = Fixtures.real("dev", 2, 3);
    Path notes = Fixtures.notes(dir, 2, 3, n -> "train-J06-" + n);
    Dataset<Row> synthetic = Corpora.notes(TestSpark.session().read().parquet(notes.toString()), 3);
    LeakageGuard.check(synthetic, eval);
    // Only generated notes that passed the quality check are synthetic data.
    assertThat(synthetic.count()).isEqualTo(6);
  }
}
