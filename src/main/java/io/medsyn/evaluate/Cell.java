package io.medsyn.evaluate;

import io.medsyn.config.ClassWeight;
import java.util.Locale;

/**
 * One cell of the mixture grid: which share of the real training notes and which share of the synthetic corpus a
 * model is trained on (each a stratified, seeded subsample), and its class weighting. Only the class-weighted
 * control's name says its weighting, so that a mixture keeps its name whichever weighting cross-validation picks.
 */
public record Cell(String name, double realShare, double syntheticShare, ClassWeight classWeight) {
  public static Cell of(double realShare, double syntheticShare, ClassWeight classWeight) {
    String name = realShare == 0 ? "synthetic only"
        : String.format(Locale.ROOT, "real %.0f%% + synthetic %.0f%%", 100 * realShare, 100 * syntheticShare);
    boolean control = realShare == 1 && syntheticShare == 0;
    return new Cell(control && !classWeight.equals(ClassWeight.NONE) ? name + ", class-weighted" : name, realShare,
        syntheticShare, classWeight);
  }

  /** A real-only control: every real note, no synthetic one. */
  public boolean control() {
    return realShare == 1 && syntheticShare == 0;
  }

  /** Whether the training data depends on the seed; if not, one fit stands for every seed. */
  public boolean seeded() {
    return (realShare > 0 && realShare < 1) || (syntheticShare > 0 && syntheticShare < 1);
  }
}
