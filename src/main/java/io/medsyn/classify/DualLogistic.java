package io.medsyn.classify;

import java.io.Serializable;
import java.util.SplittableRandom;

/**
 * One binary L2-regularised logistic regression, "this class against the rest", solved in the dual by coordinate
 * descent (Yu, Huang and Lin 2011; LIBLINEAR's {@code L2R_LR_DUAL}), with a cost per row so that class and synthetic
 * weights scale each note's loss. It minimises {@code ½‖w‖² + Σ C_i log(1 + exp(-y_i wᵀx_i))}; the bias is a
 * regularised weight on a constant feature, as in LIBLINEAR.
 *
 * <p>Why the dual: each pass costs one sweep over the non-zeros and needs no dense features × classes matrix, and
 * its stopping rule (largest projected gradient below {@code tol}) says when the fit has converged.
 */
final class DualLogistic {
  private static final int MAX_INNER = 100;

  private DualLogistic() {}

  /**
   * One class's dual solution: the pair (α_i, C_i − α_i) per row at {@code alpha[2i]} and {@code alpha[2i + 1]} (w
   * = Σ y_i α_i x_i), passes over the data used, and whether the largest projected gradient fell below the tolerance.
   */
  record Solution(int positive, double[] alpha, int iterations, boolean converged) implements Serializable {}

  /**
   * Fits class {@code positive} against the rest.
   *
   * @param cost C_i of every row
   * @param from where {@link OneVsRest} ended under other costs, laid out on these rows (this class's pairs at
   *     {@code positive × 2l}), to start from where it holds a row; null for none
   */
  static Solution solve(SparseRows x, int positive, double[] cost, LogisticSolver.Dual from, double tol,
      int maxIter, long seed) {
    int l = x.rows();
    double[] w = new double[x.blocks() * (x.columns + 1)];
    double[] alpha = new double[2 * l];
    double[] squaredNorm = new double[l];
    int[] order = new int[l];
    for (int i = 0; i < l; i++) {
      double c = cost[i];
      int at = positive * 2 * l + 2 * i;
      boolean started = from != null && from.holds(i);
      // Both members scaled, not one and its complement: C_i − α_i can round to 0 when α_i is near C_i.
      alpha[2 * i] = started ? from.scaled(at, i, c) : Math.min(0.001 * c, 1e-8);
      alpha[2 * i + 1] = started ? from.scaled(at + 1, i, c) : c - alpha[2 * i];
      squaredNorm[i] = x.squaredNorm(i);
      x.addTo(w, i, sign(x, i, positive) * alpha[2 * i]);
      order[i] = i;
    }
    SplittableRandom random = new SplittableRandom(seed);
    double innerTol = 1e-2;
    double innerTolMin = Math.min(1e-8, tol);
    int iter = 0;
    double maxGradient = Double.POSITIVE_INFINITY;
    while (iter < maxIter) {
      shuffle(order, random);
      int newtonSteps = 0;
      maxGradient = 0;
      for (int i : order) {
        int yi = sign(x, i, positive);
        double c = cost[i];
        double a = squaredNorm[i];
        double b = yi * x.dot(w, i);
        // Minimise over the pair (α_i, C_i − α_i) along whichever member the gradient favours.
        int first = 2 * i;
        int second = 2 * i + 1;
        int direction = 1;
        if (0.5 * a * (alpha[second] - alpha[first]) + b < 0) {
          first = 2 * i + 1;
          second = 2 * i;
          direction = -1;
        }
        double old = alpha[first];
        double z = c - old < 0.5 * c ? 0.1 * old : old;
        double gradient = a * (z - old) + direction * b + Math.log(z / (c - z));
        maxGradient = Math.max(maxGradient, Math.abs(gradient));
        int inner = 0;
        while (inner <= MAX_INNER && Math.abs(gradient) >= innerTol) {
          double next = z - gradient / (a + c / (c - z) / z);
          z = next <= 0 ? 0.1 * z : next;
          gradient = a * (z - old) + direction * b + Math.log(z / (c - z));
          newtonSteps++;
          inner++;
        }
        if (inner > 0) {
          alpha[first] = z;
          alpha[second] = c - z;
          x.addTo(w, i, direction * (z - old) * yi);
        }
      }
      iter++;
      if (maxGradient < tol) {
        break;
      }
      if (newtonSteps <= l / 10) {
        innerTol = Math.max(innerTolMin, 0.1 * innerTol);
      }
    }
    return new Solution(positive, alpha, iter, maxGradient < tol);
  }

  /** w = Σ y_i α_i x_i, with the bias last (then, with copies, the synthetic block). */
  static double[] weights(SparseRows x, Solution solution) {
    double[] w = new double[x.blocks() * (x.columns + 1)];
    for (int i = 0; i < x.rows(); i++) {
      x.addTo(w, i, sign(x, i, solution.positive()) * solution.alpha()[2 * i]);
    }
    return w;
  }

  private static int sign(SparseRows x, int i, int positive) {
    return x.label[i] == positive ? 1 : -1;
  }

  static void shuffle(int[] order, SplittableRandom random) {
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
  }
}
