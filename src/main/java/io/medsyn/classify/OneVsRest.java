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
  public Solution solve(SparseRows rows, int classes, double[] cost, double tol, int maxIter, long seed,
      JavaSparkContext spark) {
    Broadcast<SparseRows> shared = spark.broadcast(rows);
    Broadcast<double[]> costs = spark.broadcast(cost);
    List<DualLogistic.Solution> solutions;
    try {
      solutions = spark.parallelize(IntStream.range(0, classes).boxed().toList(),
              Math.min(classes, spark.defaultParallelism()))
          .map(solver(shared, costs, tol, maxIter, seed)).collect();
    } finally {
      shared.destroy();
      costs.destroy();
    }
    int features = rows.columns + 1;
    float[] coefficients = new float[features * classes];
    int iterations = 0;
    boolean converged = true;
    for (DualLogistic.Solution s : solutions) {
      double[] w = DualLogistic.weights(rows, s);
      for (int j = 0; j < features; j++) {
        coefficients[j * classes + s.positive()] = (float) w[j];
      }
      iterations = Math.max(iterations, s.iterations());
      converged &= s.converged();
    }
    return new Solution(coefficients, iterations, converged);
  }

  /** The per-class task: a static factory so that the closure captures only what it names. */
  private static Function<Integer, DualLogistic.Solution> solver(Broadcast<SparseRows> rows,
      Broadcast<double[]> costs, double tol, int maxIter, long seed) {
    return c -> DualLogistic.solve(rows.value(), c, costs.value(), tol, maxIter, seed + c);
  }
}
