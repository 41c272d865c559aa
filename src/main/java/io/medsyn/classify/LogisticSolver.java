package io.medsyn.classify;

import java.io.Serializable;
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
   * @param spark where a solver may spread independent work
   */
  Solution solve(SparseRows rows, int classes, double[] cost, double tol, int maxIter, long seed,
      JavaSparkContext spark);

  /**
   * Coefficients feature-major ({@code (features + 1) × classes}, the bias last, so that scoring a sparse note reads
   * each of its features' class weights contiguously; with {@link SparseRows#withDomainCopies copies}, the block real
   * notes are scored with), the passes used and whether the tolerance was reached.
   */
  record Solution(float[] coefficients, int iterations, boolean converged) {}
}
