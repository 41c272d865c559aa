package io.medsyn.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration;
import org.junit.jupiter.api.Test;

/** Hit@k and macro-F1 against figures worked out by hand (and matching scikit-learn's f1_score(average="macro")). */
class ScorerTest {
  // Six notes; the model knows A, B, C; D is a code the training data never saw.
  private static final Predictions SIX = new Predictions(List.of("n1", "n2", "n3", "n4", "n5", "n6"),
      new String[] {"A", "A", "B", "C", "C", "D"},
      new String[] {"A", "B", "B", "A", "C", "A"},
      new int[] {0, 1, 0, 2, 0, Predictions.UNSEEN}, Set.of("A", "B", "C"),
      new String[][] {{"A", "B", "C"}, {"B", "A", "C"}, {"B", "A", "C"}, {"A", "B", "C"}, {"C", "A", "B"},
          {"A", "B", "C"}},
      new double[][] {{.5, .3, .2}, {.5, .3, .2}, {.6, .3, .1}, {.4, .35, .25}, {.7, .2, .1}, {.4, .3, .3}});

  @Test
  void hitAtKCountsTheTrueCodeAmongTheTopK() {
    Scorer scorer = new Scorer(SIX);
    assertThat(scorer.hitAt(1)).isEqualTo(3 / 6.0);
    assertThat(scorer.hitAt(2)).isEqualTo(4 / 6.0);
    assertThat(scorer.hitAt(3)).isEqualTo(5 / 6.0);
    assertThat(scorer.hitAt(10)).isEqualTo(5 / 6.0);
  }

  @Test
  void macroF1AveragesEveryTrueOrPredictedCode() {
    // A: P 1/3, R 1/2, F1 0.4; B: P 1/2, R 1, F1 2/3; C: P 1, R 1/2, F1 2/3; D: never predicted, F1 0.
    assertThat(new Scorer(SIX).macroF1()).isCloseTo((0.4 + 2 / 3.0 + 2 / 3.0 + 0) / 4, within(1e-12));
  }

  @Test
  void perCodeFiguresAndUnseenCodes() {
    Scorer scorer = new Scorer(SIX);
    Comparator<Double> close = (a, b) -> Math.abs(a - b) < 1e-12 ? 0 : Double.compare(a, b);
    assertThat(scorer.perCode()).usingRecursiveFieldByFieldElementComparator(
        RecursiveComparisonConfiguration.builder().withComparatorForType(close, Double.class).build())
        .containsExactly(
            new CodeScore("A", 2, 1 / 3.0, 0.5, 0.4, 0.5, 1.0),
            new CodeScore("B", 1, 0.5, 1.0, 2 / 3.0, 1.0, 1.0),
            new CodeScore("C", 2, 1.0, 0.5, 2 / 3.0, 0.5, 1.0),
            new CodeScore("D", 1, 0.0, 0.0, 0.0, 0.0, 0.0));
    assertThat(scorer.unseenCodes()).isEqualTo(Map.of("D", 1L));
  }

  @Test
  void groupsRestrictNotesAndCodes() {
    // Notes of A and D: n1 (rank 0), n2 (rank 1), n6 (unseen); macro-F1 over A (0.4) and D (0).
    Scores group = new Scorer(SIX).scores(null, Set.of("A", "D"));
    assertThat(group.notes()).isEqualTo(3);
    assertThat(group.hit1()).isEqualTo(1 / 3.0);
    assertThat(group.hit3()).isEqualTo(2 / 3.0);
    assertThat(group.macroF1()).isCloseTo(0.2, within(1e-12));
  }

  @Test
  void weightsCountNotesAsOftenAsAResampleDrawsThem() {
    // n1 twice, n3 and n6 once: A P 2/3 R 1 (F1 0.8), B F1 1, D F1 0; C has neither truth nor prediction.
    Scores resample = new Scorer(SIX).scores(new int[] {2, 0, 1, 0, 0, 1}, null);
    assertThat(resample.notes()).isEqualTo(4);
    assertThat(resample.hit1()).isEqualTo(0.75);
    assertThat(resample.hit3()).isEqualTo(0.75);
    assertThat(resample.macroF1()).isCloseTo(0.6, within(1e-12));
  }
}
