package io.medsyn.classify;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.spark.api.java.JavaSparkContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Softmax (multinomial) L2-regularised logistic regression, solved in the dual by coordinate descent over rows (Yu,
 * Huang and Lin 2011, "Dual coordinate descent methods for logistic regression and maximum entropy models"). It
 * minimises {@code ½‖W‖² + Σ C_i (−log softmax(Wᵀx_i)_{y_i})} over a features × classes matrix W with the bias a
 * regularised weight on a constant feature, as {@link DualLogistic} does for one class.
 *
 * <p>The dual has one block α_i per row, on the simplex scaled to C_i, with {@code w_m = Σ_i x_i (C_i [m = y_i] −
 * α_im)}; at the optimum α_i = C_i p_i, the row's predicted probabilities. Each step solves a row's block exactly
 * (a one-dimensional search for the simplex constraint's multiplier, see {@link #solveRow}) and moves W by
 * {@code x_i ⊗ Δα_i}.
 *
 * <p>Why this solver: a pass costs two sweeps of the non-zeros times the classes (the row's scores, then its
 * update), the cost of one primal gradient, but needs tens of passes where L-BFGS needs hundreds of gradients on
 * ill-conditioned text problems; its extra memory is W in doubles (features × classes × 8 bytes, 160 MB for
 * 190k × 105; twice that with {@link SparseRows#withDomainCopies copies}) and the rows × classes dual, where L-BFGS
 * keeps a history of several W-sized vectors.
 *
 * <p>Tolerance: it stops after a pass in which every row's α_i / C_i was within {@code tol} (L1 distance) of its
 * predicted probabilities. That is the row's optimality gap: the primal gradient is
 * {@code Σ_i C_i x_i ⊗ (p_i − α_i / C_i)}, so it bounds the gradient by {@code tol} times {@code Σ_i C_i ‖x_i‖}.
 */
final class DualSoftmax implements LogisticSolver {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(DualSoftmax.class);
  /** The start's share of a row's cost on its wrong classes: near W = 0, inside the simplex (log α finite). */
  private static final double START = 1e-3;
  private static final int MAX_NEWTON = 100;
  /**
   * A row whose gap is below this share of the tolerance is left as it is for the pass. Its update would be tiny,
   * yet it costs two sweeps of W's rows for the note (both blocks with copies), where the gap costs one. The
   * stopping test still reads every row's gap. With offline notes, 0.3 and 0.5 cut a softmax fit's time by about 40 %
   * at the same passes; 1 (skipping every row within the tolerance) needed half as many passes again.
   */
  private static final double SKIP = 0.3;

  @Override
  public String description() {
    return "softmax logistic regression";
  }

  @Override
  public LinearLogisticModel.Link link() {
    return LinearLogisticModel.Link.SOFTMAX;
  }

  @Override
  public Solution solve(SparseRows x, int classes, double[] cost, double tol, int maxIter, long seed, Dual from,
      JavaSparkContext spark) {
    int l = x.rows();
    int k = classes;
    double[] w = new double[x.blocks() * (x.columns + 1) * k];
    double[] alpha = new double[l * k];
    double[] squaredNorm = new double[l];
    int[] order = new int[l];
    double[] step = new double[k];
    for (int i = 0; i < l; i++) {
      double c = cost[i];
      boolean started = from != null && from.holds(i);
      for (int m = 0; m < k; m++) {
        alpha[i * k + m] = started ? from.scaled(i * k + m, i, c)
            : k == 1 ? c : m == x.label[i] ? c * (1 - START) : c * START / (k - 1);
        step[m] = (m == x.label[i] ? c : 0) - alpha[i * k + m];
      }
      x.addTo(w, k, i, step);
      squaredNorm[i] = x.squaredNorm(i);
      order[i] = i;
    }
    SplittableRandom random = new SplittableRandom(seed);
    double[] score = new double[k];
    double[] p = new double[k];
    double[] z = new double[k];
    double[] u = new double[k];
    // Each row's simplex multiplier from its last solve: the next solve starts there (NaN: not solved yet).
    double[] multiplier = new double[l];
    Arrays.fill(multiplier, Double.NaN);
    int iter = 0;
    double worst = Double.POSITIVE_INFINITY;
    while (iter < maxIter) {
      DualLogistic.shuffle(order, random);
      worst = 0;
      for (int i : order) {
        double c = cost[i];
        int at = i * k;
        x.scores(w, k, i, score);
        System.arraycopy(score, 0, p, 0, k);
        LinearLogisticModel.Link.SOFTMAX.probabilities(p);
        double gap = 0;
        for (int m = 0; m < k; m++) {
          gap += Math.abs(alpha[at + m] / c - p[m]);
        }
        worst = Math.max(worst, gap);
        if (gap < SKIP * tol) {
          continue;
        }
        multiplier[i] = solveRow(squaredNorm[i], c, alpha, at, score, multiplier[i], z, u);
        for (int m = 0; m < k; m++) {
          step[m] = alpha[at + m] - z[m];
          alpha[at + m] = z[m];
        }
        x.addTo(w, k, i, step);
      }
      iter++;
      LOG.debug("softmax pass {}: largest row gap {}", iter, worst);
      if (worst < tol) {
        break;
      }
    }
    // The model is the first block (with copies, the one real notes are scored with).
    float[] coefficients = new float[(x.columns + 1) * k];
    for (int j = 0; j < coefficients.length; j++) {
      coefficients[j] = (float) w[j];
    }
    return new Solution(coefficients, iter, worst < tol, new Dual(alpha, cost.clone(), x.label, x.id, k, 1));
  }

  /**
   * Minimises row i's block: {@code Σ_m ½ a (z_m − α_m)² − s_m (z_m − α_m) + z_m log z_m} subject to
   * {@code Σ_m z_m = c}, with a = ‖x_i‖² and s the row's scores. Each z_m solves {@code a z + log z = r_m − ν} for
   * the multiplier ν with {@code r_m = a α_m + s_m}; Σ z(ν) is decreasing and convex in ν, so Newton's method on ν
   * converges from any start, monotonically once a step lands left of the root.
   *
   * <p>Why the starts: a row's multiplier moves little between passes, so ν starts from the row's last one
   * ({@code previous}, NaN for none) when that is left of the start exact for a = 0, which is right of the root
   * (from the right, a closer start lands closer). Each u_m = log z_m starts from its tangent at the last ν, which
   * is right of its root (u is concave in ν). Both only save Newton steps: the stopping tests are the same.
   *
   * @param z receives the block's solution
   * @param u scratch, one entry per class
   * @return the multiplier ν, the start of the row's next solve
   */
  static double solveRow(double a, double c, double[] alpha, int at, double[] s, double previous, double[] z,
      double[] u) {
    int k = z.length;
    double max = Double.NEGATIVE_INFINITY;
    for (int m = 0; m < k; m++) {
      max = Math.max(max, a * alpha[at + m] + s[m]);
    }
    double sum = 0;
    for (int m = 0; m < k; m++) {
      sum += Math.exp(a * alpha[at + m] + s[m] - max);
    }
    double nu = max + Math.log(sum) - Math.log(c);
    if (previous < nu) {
      nu = previous;
    }
    double moved = Double.NaN;
    for (int newton = 0; newton < MAX_NEWTON; newton++) {
      double total = 0;
      double slope = 0;
      for (int m = 0; m < k; m++) {
        double t = a * alpha[at + m] + s[m] - nu;
        double start = start(a, t);
        if (newton > 0) {
          start = Math.min(start, u[m] - moved / (a * z[m] + 1));
        }
        u[m] = logRoot(a, t, start);
        z[m] = Math.exp(u[m]);
        total += z[m];
        slope += z[m] / (a * z[m] + 1);
      }
      double next = nu + (total - c) / slope;
      if (Math.abs(total - c) <= 1e-12 * c || next == nu) {
        break;
      }
      moved = next - nu;
      nu = next;
    }
    return nu;
  }

  /** A start right of the root of {@code a e^u + u = t}, and close to it: exact when one term dominates. */
  private static double start(double a, double t) {
    return t > a ? Math.log(t / a) : t;
  }

  /** The u with {@code a e^u + u = t}, by Newton's method from {@code from}, right of the root (so monotone). */
  private static double logRoot(double a, double t, double from) {
    double u = from;
    for (int newton = 0; newton < MAX_NEWTON; newton++) {
      double e = a * Math.exp(u);
      double change = (e + u - t) / (e + 1);
      u -= change;
      if (change <= 1e-13 * (1 + Math.abs(u))) {
        break;
      }
    }
    return u;
  }
}
