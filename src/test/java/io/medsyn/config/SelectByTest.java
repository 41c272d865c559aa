package io.medsyn.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How cross-validation ranks candidates: figures are Hit@1, Hit@3, macro-F1 and rarest-third Hit@1. */
class SelectByTest {
  private static final List<double[]> CONTROLS = List.of(new double[] {0.48, 0.72, 0.25, 0.10},
      new double[] {0.45, 0.69, 0.31, 0.30});

  @Test
  void hit1ReadsHit1Alone() {
    assertThat(SelectBy.HIT1.score(new double[] {0.5, 0.1, 0.1, 0.1}, CONTROLS)).isEqualTo(0.5);
    assertThat(SelectBy.HIT1.needsControls()).isFalse();
  }

  @Test
  void allColumnsIsTheWorstMarginOverTheStrongerControlPerColumn() {
    // Margins over the column's stronger control: +0.02, -0.02, -0.01, -0.10.
    assertThat(SelectBy.ALL_COLUMNS.score(new double[] {0.50, 0.70, 0.30, 0.20}, CONTROLS))
        .isCloseTo(-0.10, within(1e-12));
    // Beating both controls everywhere scores the smallest lead: +0.01 on macro-F1.
    assertThat(SelectBy.ALL_COLUMNS.score(new double[] {0.50, 0.74, 0.32, 0.33}, CONTROLS))
        .isCloseTo(0.01, within(1e-12));
    assertThat(SelectBy.ALL_COLUMNS.needsControls()).isTrue();
  }

  @Test
  void configurationRefusesAnUnknownRanking() {
    assertThatThrownBy(() -> ConfigLoader.load(null, List.of("evaluate.classifier.select_by=f1")))
        .hasMessageContaining("select_by: expected one of [hit1, all_columns], got f1");
  }
}
