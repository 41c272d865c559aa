package io.medsyn.style;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/** Items drawn as often as their weights (counts of real notes) say; shared by the lexicon and the stock phrases. */
public final class Weighted {
  private final List<String> items = new ArrayList<>();
  private final List<Long> weights = new ArrayList<>();

  public void add(String item, long weight) {
    items.add(item);
    weights.add(weight);
  }

  /** Every item of {@code other}, with its weight. */
  public void addAll(Weighted other) {
    items.addAll(other.items);
    weights.addAll(other.weights);
  }

  /** The item added first. */
  public String first() {
    return items.get(0);
  }

  /** An item, each with odds of its weight; null when every weight is 0. */
  public String pick(SplittableRandom rng) {
    return pick(rng, item -> true);
  }

  /** An allowed item, each with odds of its weight; null when no allowed item weighs anything. */
  public String pick(SplittableRandom rng, Predicate<String> allowed) {
    long total = 0;
    for (int i = 0; i < items.size(); i++) {
      total += allowed.test(items.get(i)) ? weights.get(i) : 0;
    }
    if (total == 0) {
      return null;
    }
    long at = rng.nextLong(total);
    for (int i = 0; i < items.size(); i++) {
      if (allowed.test(items.get(i))) {
        at -= weights.get(i);
        if (at < 0) {
          return items.get(i);
        }
      }
    }
    return null;
  }
}
