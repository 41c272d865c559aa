package io.medsyn.config;

import java.io.Serializable;
import java.math.BigDecimal;

/**
 * How much a note's code weighs in the fit: each note of code c is multiplied by (M/(k·M_c))^power, where M_c is
 * the code's weight mass (a real note counts 1, a synthetic note its synthetic weight), M the total and k the number
 * of codes. Written {@code none} (power 0), {@code balanced} (power 1: every code gets the same mass, as
 * scikit-learn's "balanced" on real notes alone), or {@code balanced^P} for a power P between 0 and 1, which lifts
 * rare codes part of the way and costs the frequent codes less.
 */
public record ClassWeight(String label, double power) implements Serializable {
  public static final ClassWeight NONE = new ClassWeight("none", 0);
  public static final ClassWeight BALANCED = new ClassWeight("balanced", 1);
  private static final String PARTIAL = "balanced^";
  private static final String FORMS = "none, balanced or balanced^P with 0 < P < 1 (e.g. balanced^0.5)";

  /** The weighting {@code label} writes; another form is a configuration error at {@code key}. */
  public static ClassWeight named(String key, String label) {
    if (NONE.label.equals(label)) {
      return NONE;
    }
    if (BALANCED.label.equals(label)) {
      return BALANCED;
    }
    double power = Double.NaN;
    if (label != null && label.startsWith(PARTIAL)) {
      try {
        power = Double.parseDouble(label.substring(PARTIAL.length()));
      } catch (NumberFormatException e) {
        // Reported below with the accepted forms.
      }
    }
    ConfigException.require(power > 0 && power < 1, key, FORMS, label);
    return new ClassWeight(PARTIAL + trim(power), power);
  }

  /** 0.50 → "0.5", so that balanced^0.50 and balanced^0.5 are one weighting with one label. */
  private static String trim(double power) {
    return BigDecimal.valueOf(power).stripTrailingZeros().toPlainString();
  }

  static String forms() {
    return FORMS;
  }
}
