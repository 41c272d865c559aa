package io.medsyn.config;

import java.io.Serializable;
import java.util.List;

/**
 * How N notes are spread over the selected codes.
 *
 * @param policy uniform, proportional to the counts, MedSyn's log1p(log1p(log1p(count))), or inverse (lifts rare codes)
 * @param counts where the counts come from: the graph's frequency prior, or the example corpus's code counts
 * @param alpha the exponent of the tempered policy: 1 follows the real prior, 0 is uniform, in between lifts rare
 *     codes while keeping the prior's order
 */
public record AllocationConfig(String policy, String counts, int minPerCode, double alpha) implements Serializable {
  public static final List<String> POLICIES = List.of("uniform", "proportional", "medsyn", "inverse", "tempered");
  public static final List<String> COUNTS = List.of("frequency", "corpus");

  public AllocationConfig {
    ConfigException.require(POLICIES.contains(policy), "policy", "one of " + POLICIES, policy);
    ConfigException.require(COUNTS.contains(counts), "counts", "one of " + COUNTS, counts);
    ConfigException.require(alpha >= 0 && alpha <= 1, "alpha", "a number in [0, 1]", alpha);
    ConfigException.require(minPerCode >= 0, "min_per_code", "an integer >= 0", minPerCode);
  }
}
