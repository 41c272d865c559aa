package io.medsyn.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.medsyn.config.AllocationConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AllocationTest {
  private static final List<String> CODES = List.of("A", "B", "C");
  private static final Map<String, Double> COUNTS = Map.of("A", 1000.0, "B", 100.0, "C", 10.0);

  private static Map<String, Long> allocate(String policy, int min, long n) {
    return Allocation.allocate(CODES, COUNTS, new AllocationConfig(policy, "corpus", min, 0.5), n);
  }

  @Test
  void uniformSplitsEvenlyAndGivesTheRemainderToTheFirstCodes() {
    assertThat(allocate("uniform", 0, 10)).containsExactly(Map.entry("A", 4L), Map.entry("B", 3L),
        Map.entry("C", 3L));
  }

  @Test
  void proportionalFollowsTheCountsAfterTheMinimum() {
    // 2 each first, then 1104 in the ratio 1000:100:10 = 994.6, 99.5, 9.95; the largest remainders (C, A) round up.
    assertThat(allocate("proportional", 2, 1110)).containsExactly(Map.entry("A", 997L), Map.entry("B", 101L),
        Map.entry("C", 12L));
  }

  @Test
  void medsynDampsFrequentCodes() {
    double a = Math.log1p(Math.log1p(Math.log1p(1000)));
    double c = Math.log1p(Math.log1p(Math.log1p(10)));
    assertThat(Allocation.weight(new AllocationConfig("medsyn", "corpus", 1, 0.5), 1000)).isEqualTo(a);
    Map<String, Long> counts = allocate("medsyn", 0, 41000);
    assertThat(counts.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(41000);
    // 100x more real notes buys only about 1.4x more synthetic ones.
    assertThat((double) counts.get("A") / counts.get("C")).isCloseTo(a / c, org.assertj.core.data.Offset.offset(0.01));
    assertThat(counts).containsExactly(Map.entry("A", 15726L), Map.entry("B", 14066L), Map.entry("C", 11208L));
  }

  @Test
  void inverseLiftsRareCodes() {
    assertThat(allocate("inverse", 1, 114)).containsExactly(Map.entry("A", 2L), Map.entry("B", 11L),
        Map.entry("C", 101L));
  }

  @Test
  void temperedFollowsThePriorWithItsSkewTakenToAlpha() {
    // sqrt(1000) : sqrt(100) : sqrt(10) = 706.1, 223.3, 70.6 of 1000; C has the largest remainder. 100x more real
    // notes buys 10x more synthetic ones, where proportional gives 100x and uniform 1x.
    assertThat(allocate("tempered", 0, 1000)).containsExactly(Map.entry("A", 706L), Map.entry("B", 223L),
        Map.entry("C", 71L));
    assertThat(Allocation.weight(new AllocationConfig("tempered", "corpus", 0, 1.0), 100)).isEqualTo(100.0);
    assertThat(Allocation.weight(new AllocationConfig("tempered", "corpus", 0, 0.0), 100)).isEqualTo(1.0);
  }

  @Test
  void tooFewTasksForTheMinimumIsAnErrorNamingTheNumbers() {
    assertThatThrownBy(() -> allocate("uniform", 5, 14))
        .hasMessage("sample.n=14 is less than sample.allocation.min_per_code (5) x 3 codes = 15; raise sample.n or"
            + " lower min_per_code");
  }
}
