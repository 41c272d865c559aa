package io.medsyn.classify;

import org.apache.spark.api.java.JavaSparkContext;

/**
 * Complement naive Bayes (Rennie et al. 2003) on the TF-IDF rows: a code's weight for feature j is minus the log of
 * j's smoothed share of the feature mass of every <em>other</em> code's notes, so a code is scored by how little its
 * rivals write a note's terms. Estimating from the rivals' many notes keeps rare codes' weights steady, and it errs
 * on other notes than the logistic models do, which is what a member of their mean needs. It has a closed form: one
 * pass, always converged; the L2 strength and tolerance do not apply.
 *
 * <p>A row counts by its weight (class and synthetic weighting), rescaled to a mean of 1, so that the smoothing
 * {@code alpha} means the same mass whatever the L2 strength that set the costs. Scores go through the softmax, as
 * scikit-learn's ComplementNB (without its optional weight normalisation) turns them into probabilities.
 */
final class ComplementNaiveBayes implements LogisticSolver {
  private static final long serialVersionUID = 1L;

  private final double alpha;

  /** @param alpha the additive smoothing of every feature's count per code (> 0) */
  ComplementNaiveBayes(double alpha) {
    this.alpha = alpha;
  }

  @Override
  public String description() {
    return "complement naive Bayes (alpha " + alpha + ")";
  }

  @Override
  public LinearLogisticModel.Link link() {
    return LinearLogisticModel.Link.SOFTMAX;
  }

  @Override
  public Solution solve(SparseRows rows, int classes, double[] cost, double tol, int maxIter, long seed, Dual from,
      JavaSparkContext spark) {
    int d = rows.columns;
    double costs = 0;
    for (double c : cost) {
      costs += c;
    }
    // First the per-code feature mass, accumulated where the weights will go (the bias row stays 0: no prior).
    float[] w = new float[(d + 1) * classes];
    for (int i = 0; i < rows.rows(); i++) {
      float scale = (float) (cost[i] * rows.rows() / costs);
      int code = rows.label[i];
      for (int p = rows.start[i]; p < rows.start[i + 1]; p++) {
        w[rows.index[p] * classes + code] += rows.value[p] * scale;
      }
    }
    // Totals from the same float counts, so that a feature only one code has leaves exactly alpha to its rivals.
    double[] feature = new double[d];
    double[] code = new double[classes];
    double all = 0;
    for (int j = 0; j < d; j++) {
      for (int c = 0; c < classes; c++) {
        feature[j] += w[j * classes + c];
        code[c] += w[j * classes + c];
      }
      all += feature[j];
    }
    double[] logRivals = new double[classes];
    for (int c = 0; c < classes; c++) {
      logRivals[c] = Math.log(all - code[c] + alpha * d);
    }
    for (int j = 0; j < d; j++) {
      for (int c = 0; c < classes; c++) {
        w[j * classes + c] = (float) (logRivals[c] - Math.log(feature[j] - w[j * classes + c] + alpha));
      }
    }
    return new Solution(w, 1, true, null);
  }
}
