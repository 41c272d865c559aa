package io.medsyn.classify;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * How {@link LinearLogistic} finds its coefficients from the collected training rows: a strategy, so that one
 * estimator and one model class serve every linear logistic model type ({@link OneVsRest}, {@link DualSoftmax}).
 */
interface LogisticSolver extends Serializable {
  /** What the log calls the model, e.g. "one-vs-rest logistic regression". */
  String description();

  /** How the fitted model turns a note's class scores into probabilities. */
  LinearLogisticModel.Link link();

  /**
   * Minimises {@code ½‖W‖² + Σ_i cost_i · loss_i(W)} to the tolerance.
   *
   * @param classes the number of classes (label indices 0 … classes − 1)
   * @param cost C_i of every row
   * @param from the end of this solver's fit on other costs, laid out on these rows ({@link Dual#on}), to start from
   *     where it holds a row; null for none
   * @param spark where a solver may spread independent work
   */
  Solution solve(SparseRows rows, int classes, double[] cost, double tol, int maxIter, long seed, Dual from,
      JavaSparkContext spark);

  /**
   * Coefficients feature-major ({@code (features + 1) × classes}, the bias last, so that scoring a sparse note reads
   * each of its features' class weights contiguously; with {@link SparseRows#withDomainCopies copies}, the block real
   * notes are scored with), the passes used, whether the tolerance was reached, and the dual point it ended at (null
   * for a solver without one).
   */
  record Solution(float[] coefficients, int iterations, boolean converged, Dual dual) {}

  /**
   * Where a dual solver ended: its dual variables, the row costs C_i they were bounded by, the rows' labels and note
   * ids, and the classes. The variables lie in {@code blocks} blocks (one-vs-rest: one per class; softmax: one), each
   * holding every row's values in row order; a row with a NaN cost has none (it starts afresh).
   *
   * <p>Why a later fit can start there: at the optimum each row's dual values are C_i times the model's probabilities
   * for the row, so the same values scaled by C'_i / C_i are feasible under new costs and give the same probabilities.
   * Fits that differ a little in class or synthetic weight (cross-validation's candidates on one fold) then start
   * near their own optimum: on RuMedTop3 with offline notes, softmax's ten candidates took 94 passes, not 133. A fit
   * on other rows (the grid's cells that share a real part) starts there on the notes the two share, each row's
   * values being feasible on their own. Each still stops at the tolerance, so the model differs from a fresh start's
   * only within it.
   */
  record Dual(double[] alpha, double[] cost, int[] label, String[] id, int classes, int blocks)
      implements ClassifierModel.Start, Serializable {
    int rows() {
      return cost.length;
    }

    /** Whether row i has a start. */
    boolean holds(int i) {
      return !Double.isNaN(cost[i]);
    }

    /** The value at {@code at} (of row i), moved to the row's new cost. */
    double scaled(int at, int i, double newCost) {
      return alpha[at] * (newCost / cost[i]);
    }

    /**
     * This point laid out on {@code rows}: each row that this point holds under the same note id and label takes its
     * values, the others none. Null when the classes differ, either side has no ids, or no row matches.
     */
    Dual on(SparseRows rows, int classes) {
      if (classes != this.classes || id == null || rows.id == null) {
        return null;
      }
      Map<String, Integer> at = new HashMap<>();
      for (int j = 0; j < id.length; j++) {
        if (holds(j)) {
          at.put(id[j], j);
        }
      }
      int n = rows.rows();
      int stride = alpha.length / (blocks * rows());
      double[] moved = new double[blocks * n * stride];
      double[] movedCost = new double[n];
      boolean any = false;
      for (int i = 0; i < n; i++) {
        Integer j = at.get(rows.id[i]);
        if (j == null || label[j] != rows.label[i]) {
          movedCost[i] = Double.NaN;
          continue;
        }
        any = true;
        movedCost[i] = cost[j];
        for (int b = 0; b < blocks; b++) {
          System.arraycopy(alpha, (b * rows() + j) * stride, moved, (b * n + i) * stride, stride);
        }
      }
      return any ? new Dual(moved, movedCost, rows.label, rows.id, classes, blocks) : null;
    }

    /** How many rows have a start. */
    int held() {
      int held = 0;
      for (int i = 0; i < rows(); i++) {
        held += holds(i) ? 1 : 0;
      }
      return held;
    }
  }
}
