package io.medsyn.sample;

import io.medsyn.Hashes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded random draws. Each task gets its own generator from (run seed, task id), never from partition state. */
public final class Draws {
  private Draws() {}

  /** The generator of one task: the same for the same seed and task id, on any executor and any partitioning. */
  public static SplittableRandom forTask(long seed, long taskId) {
    return new SplittableRandom(Hashes.splitMix(Hashes.splitMix(seed) ^ taskId));
  }

  /** One item with probability proportional to its weight. */
  public static int pickIndex(SplittableRandom rng, double[] weights) {
    double total = Arrays.stream(weights).sum();
    double u = rng.nextDouble() * total;
    for (int i = 0; i < weights.length; i++) {
      u -= weights[i];
      if (u < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  /**
   * {@code k} distinct facts, each draw with probability proportional to weight^(1/temperature) among those left
   * (Efraimidis-Spirakis keys), in the order drawn.
   */
  public static List<Fact> withoutReplacement(SplittableRandom rng, List<Fact> facts, int k, double temperature) {
    int take = Math.min(k, facts.size());
    double[] keys = new double[facts.size()];
    for (int i = 0; i < facts.size(); i++) {
      double w = Math.pow(facts.get(i).weight(), 1.0 / temperature);
      // log(u)/w ranks like u^(1/w) without underflow for small weights.
      keys[i] = Math.log(1.0 - rng.nextDouble()) / w;
    }
    Integer[] order = new Integer[facts.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -keys[i]));
    List<Fact> out = new ArrayList<>(take);
    for (int i = 0; i < take; i++) {
      out.add(facts.get(order[i]));
    }
    return out;
  }

  /** A whole number uniformly in {@code [min, max]}. */
  public static int between(SplittableRandom rng, int min, int max) {
    return max <= min ? min : min + rng.nextInt(max - min + 1);
  }
}
