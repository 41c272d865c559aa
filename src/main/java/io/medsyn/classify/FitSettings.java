package io.medsyn.classify;

import io.medsyn.config.ClassWeight;
import io.medsyn.config.ClassifierConfig;
import java.io.Serializable;
import java.util.Locale;

/**
 * What model selection chooses for a fit: the L2 strength, the class weighting, the weight of a synthetic note
 * relative to a real one, and the prior shift its predictions rank codes by ({@link ClassProbabilities#ranked}).
 */
public record FitSettings(double regParam, ClassWeight classWeight, double syntheticWeight, double priorShift)
    implements Serializable {
  /** The first candidate of each configured list. */
  public static FitSettings of(ClassifierConfig config) {
    return new FitSettings(config.regParams().get(0), config.classWeightings().get(0),
        config.syntheticWeights().get(0), config.priorShifts().get(0));
  }

  public FitSettings withClassWeight(ClassWeight value) {
    return new FitSettings(regParam, value, syntheticWeight, priorShift);
  }

  public FitSettings withPriorShift(double value) {
    return new FitSettings(regParam, classWeight, syntheticWeight, value);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "L2 %.2g, class weight %s, synthetic weight %.2f, prior shift %.2f", regParam,
        classWeight.label(), syntheticWeight, priorShift);
  }
}
