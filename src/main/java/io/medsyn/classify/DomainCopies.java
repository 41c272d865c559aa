package io.medsyn.classify;

import io.medsyn.Checks;

/**
 * Feature augmentation for two kinds of training note (Daumé III, "Frustratingly easy domain adaptation", 2007):
 * each of the d features gets a shared copy and one copy per kind, a real row filling the shared and the real copy
 * and a synthetic row the shared and the synthetic one. Under L2 the shared copy carries what both kinds agree on, and
 * what only synthetic notes write (their template's wording) can settle in the synthetic copy, which real notes are
 * never scored with.
 *
 * <p>The copies hold the values scaled by 1/√2, and the model collapses to one weight per feature,
 * (shared + real)/√2: then a real row's score and the penalty on the weights it is scored with are those of a plain
 * fit, so a fit of real rows alone is the plain fit, and the model a fit leaves predicts like any other.
 */
final class DomainCopies {
  private static final float SCALE = (float) Math.sqrt(0.5);

  private DomainCopies() {}

  /**
   * The rows with 3d columns: shared copy at j, real copy at d + j, synthetic copy at 2d + j ({@link
   * SparseRows#synthetic} tells the kinds).
   */
  static SparseRows augment(SparseRows rows) {
    int d = rows.columns;
    Checks.checkArgument(2L * rows.index.length < Integer.MAX_VALUE && 3L * d < Integer.MAX_VALUE, "training rows:"
        + " %s non-zero features in %s columns are too many to copy for evaluate.classifier.adapt_domains; set it"
        + " to false or lower evaluate.classifier.num_features", rows.index.length, d);
    boolean[] synthetic = rows.synthetic;
    int[] start = new int[rows.rows() + 1];
    int[] index = new int[2 * rows.index.length];
    float[] value = new float[index.length];
    int at = 0;
    for (int i = 0; i < rows.rows(); i++) {
      start[i] = at;
      int copy = synthetic != null && synthetic[i] ? 2 * d : d;
      for (int p = rows.start[i]; p < rows.start[i + 1]; p++) {
        float v = rows.value[p] * SCALE;
        index[at] = rows.index[p];
        value[at++] = v;
        index[at] = copy + rows.index[p];
        value[at++] = v;
      }
    }
    start[rows.rows()] = at;
    return new SparseRows(3 * d, start, index, value, rows.label, rows.weight, synthetic);
  }

  /**
   * The coefficients a real note is scored with, from those of the augmented rows (feature-major, the bias last, as
   * {@link LogisticSolver.Solution} holds them): feature j's are (shared + real)/√2, the bias as it is.
   *
   * @param features d, the features before augmentation
   */
  static float[] collapse(float[] coefficients, int features, int classes) {
    float[] out = new float[(features + 1) * classes];
    for (int j = 0; j < features; j++) {
      for (int c = 0; c < classes; c++) {
        out[j * classes + c] = (coefficients[j * classes + c] + coefficients[(features + j) * classes + c]) * SCALE;
      }
    }
    System.arraycopy(coefficients, 3 * features * classes, out, features * classes, classes);
    return out;
  }
}
