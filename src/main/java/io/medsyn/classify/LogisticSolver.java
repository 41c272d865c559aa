package io.medsyn.classify;

import java.io.Serializable;
import java.util.Arrays;
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
   * @param from the end of this solver's fit on the same rows under other costs, to start from; null for none
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
   * Where a dual solver ended: its dual variables (in the solver's own layout), the row costs C_i they were bounded
   * by, and the rows' labels.
   *
   * <p>Why a later fit can start there: at the optimum each row's dual block is C_i times the model's probabilities
   * for the row, so the same block scaled by C'_i / C_i is feasible under new costs and gives the same probabilities.
   * Fits that differ a little in class or synthetic weight (cross-validation's candidates on one fold) then start
   * near their own optimum: on RuMedTop3 with offline notes, softmax's ten candidates took 94 passes, not 133. Each
   * still stops at the tolerance, so the model differs from a fresh start's only within it.
   */
  record Dual(double[] alpha, double[] cost, int[] label) implements ClassifierModel.Start, Serializable {
    /** Whether it is a point of these rows: the same rows, labelled alike. */
    boolean startsFor(SparseRows rows) {
      return cost.length == rows.rows() && Arrays.equals(label, rows.label);
    }

    /** Row i's dual variable at {@code at}, moved to the row's new cost. */
    double scaled(int at, int i, double newCost) {
      return alpha[at] * (newCost / cost[i]);
    }
  }
}
