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

  @Test
  void refusesAnEvaluationSplitThatSharesNotesWithTraining() {
    Dataset<Row> train = Fixtures.real("n", 2, 4);
    Dataset<Row> eval = Fixtures.real("n", 3, 1).union(Fixtures.real("dev", 1, 2));
    // n-J06-0 and n-M54-0 are in both splits; n-G43-0 and the dev notes are not.
    assertThatThrownBy(() -> LeakageGuard.checkDisjoint(train, eval))
        .isInstanceOf(LeakageException.class)
        .hasMessage("2 evaluation note(s) are also training notes (same id): n-J06-0, n-M54-0. Remove them from"
            + " one of evaluate.train.path and evaluate.eval.path.");
    LeakageGuard.checkDisjoint(train, Fixtures.real("dev", 3, 2));
  }
}
