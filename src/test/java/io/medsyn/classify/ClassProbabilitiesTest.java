package io.medsyn.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Predictions ranked from every code's probability, as they are and under a prior shift. */
class ClassProbabilitiesTest {
  // Three codes whose real training notes were 1, 7 and 0 (add-one: shares 2/11, 8/11, 1/11).
  private static final double[] LOG_PRIOR = {Math.log(2 / 11.0), Math.log(8 / 11.0), Math.log(1 / 11.0)};

  private static ClassProbabilities six() {
    double[][] p = {{.2, .5, .3}, {.2, .5, .3}, {.2, .5, .3}, {.4, .4, .2}, {.4, .4, .2}, {.4, .4, .2}};
    // n6's code D is one the model never saw: "keep" indexes it past the known codes.
    return new ClassProbabilities(List.of("n1", "n2", "n3", "n4", "n5", "n6"),
        new String[] {"A", "B", "C", "A", "B", "D"}, List.of("A", "B", "C"), p, LOG_PRIOR);
  }

  @Test
  void rankCountsMoreProbableCodesAndEarlierTiesAndAnUnseenCodeMissesEverywhere() {
    Predictions ranked = six().ranked(0);
    assertThat(ranked.rank()).containsExactly(2, 0, 1, 0, 1, Predictions.UNSEEN);
    assertThat(ranked.predicted()).containsExactly("B", "B", "B", "A", "A", "A");
    assertThat(ranked.topCodes()[3]).containsExactly("A", "B", "C");
    // Shift 0 keeps the model's probabilities bit for bit.
    assertThat(ranked.topProbabilities()[0]).containsExactly(.5, .3, .2);
  }

  @Test
  void aPositiveShiftFavoursFrequentCodesANegativeOneRareCodes() {
    // τ = 1 on n4 (.4, .4, .2): .4·2/11, .4·8/11, .2·1/11 renormalised is 8/42, 32/42, 2/42.
    Predictions frequent = six().ranked(1);
    assertThat(frequent.predicted()[3]).isEqualTo("B");
    assertThat(frequent.rank()[3]).isEqualTo(1);
    assertThat(frequent.topProbabilities()[3][0]).isCloseTo(32 / 42.0, within(1e-12));
    assertThat(frequent.topProbabilities()[3][1]).isCloseTo(8 / 42.0, within(1e-12));
    assertThat(frequent.topProbabilities()[3][2]).isCloseTo(2 / 42.0, within(1e-12));
    // τ = -1 on n1 (.2, .5, .3): .2·11/2, .5·11/8, .3·11 = 1.1, 0.6875, 3.3: C first, then A, then B.
    Predictions rare = six().ranked(-1);
    assertThat(rare.topCodes()[0]).containsExactly("C", "A", "B");
    assertThat(new int[] {rare.rank()[0], rare.rank()[1], rare.rank()[2], rare.rank()[5]})
        .containsExactly(1, 2, 0, Predictions.UNSEEN);
    assertThat(rare.topProbabilities()[0][0]).isCloseTo(3.3 / (1.1 + 0.6875 + 3.3), within(1e-12));
  }
}
