package io.medsyn.config;

import java.util.Arrays;
import java.util.List;

/**
 * How cross-validation ranks candidate settings, by name ({@code evaluate.classifier.select_by}). A candidate's
 * figures are its cross-validated means of Hit@1, Hit@3, macro-F1 and rarest-third Hit@1, in that order; the highest
 * score wins.
 */
public enum SelectBy {
  /** Mean Hit@1. */
  HIT1("hit1", false) {
    @Override
    public double score(double[] candidate, List<double[]> controls) {
      return candidate[0];
    }
  },
  /**
   * The smallest margin, over every column, by which the candidate beats the stronger real-only control: positive
   * only for a candidate that beats both controls on every column at once, which is what augmentation must show.
   */
  ALL_COLUMNS("all_columns", true) {
    @Override
    public double score(double[] candidate, List<double[]> controls) {
      double worst = Double.POSITIVE_INFINITY;
      for (int column = 0; column < candidate.length; column++) {
        double stronger = Double.NEGATIVE_INFINITY;
        for (double[] control : controls) {
          stronger = Math.max(stronger, control[column]);
        }
        worst = Math.min(worst, candidate[column] - stronger);
      }
      return worst;
    }
  };

  private final String label;
  private final boolean needsControls;

  SelectBy(String label, boolean needsControls) {
    this.label = label;
    this.needsControls = needsControls;
  }

  public abstract double score(double[] candidate, List<double[]> controls);

  /** Whether {@link #score} reads the controls' cross-validated figures. */
  public boolean needsControls() {
    return needsControls;
  }

  /** The ranking named {@code label}; another name is a configuration error at {@code key}. */
  public static SelectBy named(String key, String label) {
    SelectBy found = Arrays.stream(values()).filter(s -> s.label.equals(label)).findFirst().orElse(null);
    ConfigException.require(found != null, key, "one of " + Arrays.stream(values()).map(s -> s.label).toList(),
        label);
    return found;
  }
}
