package io.medsyn.classify;

import io.medsyn.config.ClassWeight;
import io.medsyn.config.ClassifierConfig;
import java.io.Serializable;
import java.util.Locale;

/**
 * What model selection chooses for a fit: the L2 strength, the class weighting and the weight of a synthetic note
 * relative to a real one.
 */
public record FitSettings(double regParam, ClassWeight classWeight, double syntheticWeight) implements Serializable {
  /** The first candidate of each configured list. */
  public static FitSettings of(ClassifierConfig config) {
    return new FitSettings(config.regParams().get(0), config.classWeightings().get(0),
        config.syntheticWeights().get(0));
  }

  public FitSettings withClassWeight(ClassWeight value) {
    return new FitSettings(regParam, value, syntheticWeight);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "L2 %.2g, class weight %s, synthetic weight %.2f", regParam,
        classWeight.label(), syntheticWeight);
  }
}
