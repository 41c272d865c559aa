package io.medsyn.quality;

import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How far the synthetic notes' lengths (in characters) are from the real ones: the ratio of the medians and the
 * two-sample Kolmogorov–Smirnov statistic, the largest gap between the two cumulative distributions (0 when they
 * are the same, 1 when every synthetic note is longer than every real one).
 */
record LengthDistance(double realMedian, double syntheticMedian, double ks) {
  /** Synthetic median over real median: 1.0 is the same typical length. */
  double medianRatio() {
    return syntheticMedian / realMedian;
  }

  /** From the count of notes per length on each side; neither side may be empty. */
  static LengthDistance of(Map<Integer, Long> real, Map<Integer, Long> synthetic) {
    return new LengthDistance(median(real), median(synthetic), ks(real, synthetic));
  }

  private static double median(Map<Integer, Long> counts) {
    TreeMap<Integer, Long> sorted = new TreeMap<>(counts);
    long total = sorted.values().stream().mapToLong(Long::longValue).sum();
    // The mean of the two middle values for an even count: the (total-1)/2-th and total/2-th, 0-based.
    return (at(sorted, (total - 1) / 2) + at(sorted, total / 2)) / 2.0;
  }

  /** The value of rank {@code rank} (0-based) in the sorted sample. */
  private static int at(TreeMap<Integer, Long> sorted, long rank) {
    long seen = 0;
    for (Map.Entry<Integer, Long> e : sorted.entrySet()) {
      seen += e.getValue();
      if (rank < seen) {
        return e.getKey();
      }
    }
    throw new IllegalArgumentException("rank " + rank + " beyond " + seen + " values");
  }

  private static double ks(Map<Integer, Long> a, Map<Integer, Long> b) {
    double totalA = a.values().stream().mapToLong(Long::longValue).sum();
    double totalB = b.values().stream().mapToLong(Long::longValue).sum();
    TreeSet<Integer> lengths = new TreeSet<>(a.keySet());
    lengths.addAll(b.keySet());
    // Counts are summed, not shares, so that a distribution's last step is exactly 1.
    long seenA = 0;
    long seenB = 0;
    double gap = 0;
    for (int length : lengths) {
      seenA += a.getOrDefault(length, 0L);
      seenB += b.getOrDefault(length, 0L);
      gap = Math.max(gap, Math.abs(seenA / totalA - seenB / totalB));
    }
    return gap;
  }
}
