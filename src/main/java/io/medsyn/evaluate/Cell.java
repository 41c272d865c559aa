package io.medsyn.evaluate;

import java.util.Locale;

/**
 * One cell of the mixture grid: which share of the real training notes and which share of the synthetic corpus a
 * model is trained on (each a stratified, seeded subsample).
 */
public record Cell(String name, double realShare, double syntheticShare) {
  public static Cell of(double realShare, double syntheticShare) {
    String name = realShare == 0 ? "synthetic only"
        : String.format(Locale.ROOT, "real %.0f%% + synthetic %.0f%%", 100 * realShare, 100 * syntheticShare);
    return new Cell(name, realShare, syntheticShare);
  }

  /** The real-only model every change is measured against. */
  public boolean baseline() {
    return realShare == 1 && syntheticShare == 0;
  }

  /** Whether the training data depends on the seed; if not, one fit stands for every seed. */
  public boolean seeded() {
    return (realShare > 0 && realShare < 1) || (syntheticShare > 0 && syntheticShare < 1);
  }
}
