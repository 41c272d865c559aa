package io.medsyn.config;

import java.util.Arrays;
import java.util.List;

/**
 * How much a note's code weighs in the fit, by name: each note of code c is multiplied by (M/(k·M_c))^power, where
 * M_c is the code's weight mass (a real note counts 1, a synthetic note its synthetic weight), M the total and k the
 * number of codes. {@code balanced} gives every code the same mass (scikit-learn's "balanced" on real notes alone);
 * {@code sqrt} lifts rare codes half as far on a log scale, trading less of the frequent codes' accuracy.
 */
public enum ClassWeight {
  NONE("none", 0),
  SQRT("sqrt", 0.5),
  BALANCED("balanced", 1);

  private final String label;
  private final double power;

  ClassWeight(String label, double power) {
    this.label = label;
    this.power = power;
  }

  public String label() {
    return label;
  }

  public double power() {
    return power;
  }

  public static List<String> labels() {
    return Arrays.stream(values()).map(ClassWeight::label).toList();
  }

  /** The weighting named {@code label}; another name is a configuration error at {@code key}. */
  public static ClassWeight named(String key, String label) {
    ClassWeight found = Arrays.stream(values()).filter(w -> w.label.equals(label)).findFirst().orElse(null);
    ConfigException.require(found != null, key, "one of " + labels(), label);
    return found;
  }
}
