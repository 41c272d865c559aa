package io.medsyn.config;

import java.io.Serializable;

/**
 * The quality stage's realism figures against the real training notes.
 *
 * @param discriminatorNotes real and as many synthetic notes the real-vs-synthetic discriminator is cross-validated
 *     on (fewer when a side has fewer)
 * @param folds cross-validation folds of the discriminator
 */
public record RealismConfig(int discriminatorNotes, int folds) implements Serializable {
  public RealismConfig {
    ConfigException.require(folds >= 2 && folds <= 20, "folds", "an integer in [2, 20]", folds);
    ConfigException.require(discriminatorNotes >= 2 * folds, "discriminator_notes",
        "an integer >= 2 x quality.realism.folds (" + 2 * folds + ")", discriminatorNotes);
  }
}
