package io.medsyn.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.medsyn.config.ConfigLoader;
import io.medsyn.config.SelectBy;
import io.medsyn.evaluate.EvaluationResult.CellRow;
import io.medsyn.evaluate.EvaluationResult.SelectionRow;
import io.medsyn.testing.TestSpark;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cross-validation choosing the mixtures' class weighting by {@code select_by: all_columns}: the controls are
 * cross-validated on the same folds, and the chosen mixture is the one whose worst margin over them is largest.
 */
class ModelSelectionTest {
  @TempDir
  static Path dir;
  static EvaluationResult result;
  /** The same experiment with prior shifts 0 and 1 to choose from. */
  static EvaluationResult shifted;

  @BeforeAll
  static void runTheExperiment() {
    Path notes = Fixtures.notes(dir, 4, 4, n -> "train-J06-" + (n % 8));
    result = run(notes, "[0]");
    shifted = run(notes, "[0, 1]");
  }

  private static EvaluationResult run(Path notes, String priorShifts) {
    var config = ConfigLoader.load(null, List.of("evaluate.grid.real_shares=[1.0]",
        "evaluate.grid.synthetic_shares=[0.0, 1.0]", "evaluate.grid.synthetic_only=false", "evaluate.bootstrap=100",
        "evaluate.classifier.num_features=3000", "evaluate.classifier.char_ngrams.max=5",
        "evaluate.classifier.cv_folds=2", "evaluate.classifier.reg_params=[0.001]",
        "evaluate.classifier.synthetic_weights=[1.0]", "evaluate.classifier.class_weights=[none, balanced]",
        "evaluate.classifier.prior_shifts=" + priorShifts, "evaluate.classifier.select_by=all_columns")).evaluate();
    return new Experiment(config, 11).run(Corpora.labelled(Fixtures.real("train", 3, 8), 3),
        Corpora.labelled(Fixtures.real("dev", 4, 3), 3),
        Corpora.notes(TestSpark.session().read().parquet(notes.toString()), 3), "dev", "notes");
  }

  @Test
  void priorShiftsAreCandidatesOfThePlainControlAndTheMixturesNotOfTheClassWeightedControl() {
    assertThat(shifted.selection()).extracting(SelectionRow::fitted, SelectionRow::classWeight,
        SelectionRow::priorShift).containsExactly(
        Tuple.tuple("real only", "none", 0.0), Tuple.tuple("real only", "none", 1.0),
        Tuple.tuple("real only", "balanced", 0.0),
        Tuple.tuple("real + synthetic", "balanced", 0.0), Tuple.tuple("real + synthetic", "balanced", 1.0),
        Tuple.tuple("real + synthetic", "none", 0.0), Tuple.tuple("real + synthetic", "none", 1.0));
    // Shift 0 shares its fit with shift 1 and scores as it does alone.
    for (SelectionRow alone : result.selection()) {
      SelectionRow same = shifted.selection().stream().filter(r -> r.fitted().equals(alone.fitted())
          && r.classWeight().equals(alone.classWeight()) && r.priorShift() == 0).findFirst().orElseThrow();
      assertThat(figures(same)).as(alone.fitted() + " " + alone.classWeight()).containsExactly(figures(alone));
    }
    // Each run, and its cell, is ranked with the shift chosen for it.
    SelectionRow plain = shifted.selection().stream().filter(r -> r.fitted().equals("real only")
        && r.classWeight().equals("none") && r.chosen()).findFirst().orElseThrow();
    SelectionRow mixture = shifted.selection().stream().filter(r -> r.fitted().equals("real + synthetic")
        && r.chosen()).findFirst().orElseThrow();
    assertThat(shifted.runs()).allSatisfy(r -> assertThat(r.priorShift()).isEqualTo(r.syntheticShare() == 1
        ? mixture.priorShift() : r.classWeight().equals("balanced") ? 0.0 : plain.priorShift()));
    assertThat(shifted.cells()).allSatisfy(c -> assertThat(c.priorShift()).isEqualTo(c.syntheticShare() == 1
        ? mixture.priorShift() : c.classWeight().equals("balanced") ? 0.0 : plain.priorShift()));
  }

  @Test
  void theControlsAreCrossValidatedBesideTheMixtureCandidates() {
    assertThat(result.selection()).extracting(SelectionRow::fitted, SelectionRow::classWeight).containsExactly(
        Tuple.tuple("real only", "none"), Tuple.tuple("real only", "balanced"),
        Tuple.tuple("real + synthetic", "balanced"), Tuple.tuple("real + synthetic", "none"));
    assertThat(result.selection()).allSatisfy(r -> assertThat(r.folds()).isEqualTo(2));
    assertThat(result.selection()).filteredOn(r -> r.fitted().equals("real only")).allMatch(SelectionRow::chosen);
    assertThat(result.selection()).filteredOn(r -> r.fitted().equals("real + synthetic")).filteredOn(
        SelectionRow::chosen).hasSize(1);
  }

  @Test
  void theChosenMixtureHasTheLargestWorstMarginOverTheStrongerControl() {
    List<double[]> controls = result.selection().stream().filter(r -> r.fitted().equals("real only"))
        .map(ModelSelectionTest::figures).toList();
    List<SelectionRow> mixtures = result.selection().stream().filter(r -> r.fitted().equals("real + synthetic"))
        .toList();
    for (SelectionRow mixture : mixtures) {
      double worst = Double.POSITIVE_INFINITY;
      double[] own = figures(mixture);
      for (int column = 0; column < own.length; column++) {
        worst = Math.min(worst, own[column] - Math.max(controls.get(0)[column], controls.get(1)[column]));
      }
      assertThat(mixture.score()).as(mixture.classWeight()).isCloseTo(worst, within(1e-12))
          .isCloseTo(SelectBy.ALL_COLUMNS.score(own, controls), within(1e-12));
    }
    SelectionRow chosen = mixtures.stream().filter(SelectionRow::chosen).findFirst().orElseThrow();
    assertThat(mixtures).allSatisfy(m -> assertThat(m.score()).isLessThanOrEqualTo(chosen.score()));
    // The mixture cell is fitted with the chosen weighting and keeps its name.
    CellRow mixed = result.cells().stream().filter(c -> c.syntheticShare() == 1).findFirst().orElseThrow();
    assertThat(mixed.cell()).isEqualTo("real 100% + synthetic 100%");
    assertThat(mixed.classWeight()).isEqualTo(chosen.classWeight());
    assertThat(result.runs()).filteredOn(r -> r.syntheticShare() == 1)
        .allSatisfy(r -> assertThat(r.classWeight()).isEqualTo(chosen.classWeight()));
  }

  private static double[] figures(SelectionRow row) {
    return new double[] {row.hit1Mean(), row.hit3Mean(), row.macroF1Mean(), row.rareHit1Mean()};
  }
}
