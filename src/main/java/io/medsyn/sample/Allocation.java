package io.medsyn.sample;

import io.medsyn.Checks;
import io.medsyn.config.AllocationConfig;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * How many tasks each code gets: every code first gets {@code min_per_code}, the rest is split in proportion to the
 * policy's weights by the largest-remainder method, so the counts always add up to exactly N.
 */
public final class Allocation {
  private Allocation() {}

  /** The policy's weight for a code seen {@code count} times. */
  public static double weight(AllocationConfig config, double count) {
    return switch (config.policy()) {
      case "uniform" -> 1.0;
      case "proportional" -> count;
      // MedSyn's damping: frequent codes still get more notes, but only a little more.
      case "medsyn" -> Math.log1p(Math.log1p(Math.log1p(count)));
      case "inverse" -> 1.0 / Math.max(count, 1.0);
      // Follows the real prior with its skew tempered: rare codes get more than their share, frequent ones less.
      case "tempered" -> Math.pow(Math.max(count, 1.0), config.alpha());
      default -> throw new IllegalArgumentException("sample.allocation.policy: unknown policy " + config.policy());
    };
  }

  /** Counts per code, in the order of {@code codes}. */
  public static Map<String, Long> allocate(List<String> codes, Map<String, Double> counts, AllocationConfig config,
      long n) {
    Checks.checkArgument(!codes.isEmpty(), "no codes to allocate %d tasks to", n);
    long floor = (long) config.minPerCode() * codes.size();
    Checks.checkArgument(n >= floor, "sample.n=%d is less than sample.allocation.min_per_code (%d) x %d codes = %d;"
        + " raise sample.n or lower min_per_code", n, config.minPerCode(), codes.size(), floor);
    double[] weights = codes.stream().mapToDouble(c -> weight(config, counts.getOrDefault(c, 0.0))).toArray();
    double total = Arrays.stream(weights).sum();
    long rest = n - floor;
    long[] share = new long[codes.size()];
    double[] remainder = new double[codes.size()];
    long given = 0;
    for (int i = 0; i < codes.size(); i++) {
      double exact = total > 0 ? rest * weights[i] / total : (double) rest / codes.size();
      share[i] = (long) Math.floor(exact);
      remainder[i] = exact - share[i];
      given += share[i];
    }
    // Ties go to the earlier code, so the result depends on nothing but the inputs.
    Integer[] order = IntStream.range(0, codes.size()).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -remainder[i]).thenComparingInt(i -> i));
    for (int k = 0; given < rest; k = (k + 1) % order.length) {
      share[order[k]]++;
      given++;
    }
    Map<String, Long> result = new LinkedHashMap<>();
    for (int i = 0; i < codes.size(); i++) {
      result.put(codes.get(i), config.minPerCode() + share[i]);
    }
    return result;
  }
}
