package io.medsyn.config;

import java.io.Serializable;
import java.util.List;

/**
 * MedSyn's mixture grid: every real share crossed with every synthetic share (each a stratified subsample of its
 * corpus), plus optionally a synthetic-only cell. The real-only cell (real 1.0, synthetic 0.0) is the baseline that
 * every change is measured against, so both shares must be present.
 */
public record GridConfig(List<Double> realShares, List<Double> syntheticShares, boolean syntheticOnly)
    implements Serializable {
  public GridConfig {
    realShares = realShares == null ? List.of() : List.copyOf(realShares);
    syntheticShares = syntheticShares == null ? List.of() : List.copyOf(syntheticShares);
    ConfigException.require(realShares.stream().allMatch(s -> s != null && s > 0 && s <= 1)
        && realShares.contains(1.0), "real_shares",
        "numbers in (0, 1] including 1.0 (the real-only baseline)", realShares);
    ConfigException.require(syntheticShares.stream().allMatch(s -> s != null && s >= 0 && s <= 1)
        && syntheticShares.contains(0.0), "synthetic_shares",
        "numbers in [0, 1] including 0.0 (the real-only baseline)", syntheticShares);
  }
}
