package io.medsyn.classify;

import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;

/**
 * One class against the rest: the rows are broadcast and the classes spread over Spark tasks, each solving its binary
 * problem with {@link DualLogistic} to the tolerance (the largest projected dual gradient). The passes reported are
 * the slowest class's.
 */
final class OneVsRest implements LogisticSolver {
  private static final long serialVersionUID = 1L;

  @Override
  public String description() {
    return "one-vs-rest logistic regression";
  }

  @Override
  public LinearLogisticModel.Link link() {
    return LinearLogisticModel.Link.NORMALISED_SIGMOID;
  }

  @Override
  public Solution solve(SparseRows rows, int classes, double[] cost, double tol, int maxIter, long seed, Dual from,
      JavaSparkContext spark) {
    Broadcast<SparseRows> shared = spark.broadcast(rows);
    Broadcast<double[]> costs = spark.broadcast(cost);
    Broadcast<Dual> start = from == null ? null : spark.broadcast(from);
    List<DualLogistic.Solution> solutions;
    try {
      solutions = spark.parallelize(IntStream.range(0, classes).boxed().toList(),
              Math.min(classes, spark.defaultParallelism()))
          .map(solver(shared, costs, start, tol, maxIter, seed)).collect();
    } finally {
      shared.destroy();
      costs.destroy();
      if (start != null) {
        start.destroy();
      }
    }
    int features = rows.columns + 1;
    float[] coefficients = new float[features * classes];
    // Class c's pairs (α_i, C_i − α_i) at c × 2l: the start of a later fit's class c.
    double[] alpha = new double[classes * 2 * rows.rows()];
    int iterations = 0;
    boolean converged = true;
    for (DualLogistic.Solution s : solutions) {
      System.arraycopy(s.alpha(), 0, alpha, s.positive() * 2 * rows.rows(), s.alpha().length);
      double[] w = DualLogistic.weights(rows, s);
      for (int j = 0; j < features; j++) {
        coefficients[j * classes + s.positive()] = (float) w[j];
      }
      iterations = Math.max(iterations, s.iterations());
      converged &= s.converged();
    }
    return new Solution(coefficients, iterations, converged,
        new Dual(alpha, cost.clone(), rows.label, rows.id, classes, classes));
  }

  /** The per-class task: a static factory so that the closure captures only what it names. */
  private static Function<Integer, DualLogistic.Solution> solver(Broadcast<SparseRows> rows,
      Broadcast<double[]> costs, Broadcast<Dual> start, double tol, int maxIter, long seed) {
    return c -> DualLogistic.solve(rows.value(), c, costs.value(), start == null ? null : start.value(), tol,
        maxIter, seed + c);
  }
}
