package io.medsyn.evaluate;

import io.medsyn.Checks;
import io.medsyn.classify.Scorer;
import io.medsyn.classify.Scores;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * Paired bootstrap of the change of a metric between two models scored on the same evaluation notes: each resample
 * draws notes with replacement and scores both models on it, so the interval reflects which notes happened to be in
 * the evaluation set. With several seeds per model, each side is the mean over its seeds.
 */
public final class Bootstrap {
  private final int resamples;
  private final long seed;

  public Bootstrap(int resamples, long seed) {
    Checks.checkArgument(resamples >= 1, "bootstrap resamples: expected >= 1, got %s", resamples);
    this.resamples = resamples;
    this.seed = seed;
  }

  /** A change and its 95 % percentile interval. */
  public record Interval(double change, double low, double high) {}

  /**
   * The change of {@code metric} from {@code baseline} to {@code model} (runs of each on the same notes, in the
   * same order) on the notes of {@code group} (null: all notes).
   */
  public Interval change(List<Scorer> model, List<Scorer> baseline, Set<String> group,
      ToDoubleFunction<Scores> metric) {
    int n = baseline.get(0).size();
    for (Scorer s : model) {
      Checks.checkArgument(s.size() == n, "bootstrap: runs scored %s and %s notes; they must share one set",
          s.size(), n);
    }
    double point = mean(model, null, group, metric) - mean(baseline, null, group, metric);
    // The same seed for every comparison: all cells are judged on the same resamples.
    SplittableRandom random = new SplittableRandom(seed);
    double[] changes = new double[resamples];
    int[] weights = new int[n];
    for (int b = 0; b < resamples; b++) {
      Arrays.fill(weights, 0);
      for (int i = 0; i < n; i++) {
        weights[random.nextInt(n)]++;
      }
      changes[b] = mean(model, weights, group, metric) - mean(baseline, weights, group, metric);
    }
    Arrays.sort(changes);
    return new Interval(point, percentile(changes, 0.025), percentile(changes, 0.975));
  }

  private static double mean(List<Scorer> runs, int[] weights, Set<String> group, ToDoubleFunction<Scores> metric) {
    return runs.stream().mapToDouble(s -> metric.applyAsDouble(s.scores(weights, group))).average().orElseThrow();
  }

  /** Linear interpolation between order statistics (numpy's default). */
  static double percentile(double[] sorted, double q) {
    double position = q * (sorted.length - 1);
    int below = (int) Math.floor(position);
    int above = Math.min(below + 1, sorted.length - 1);
    return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
  }
}
