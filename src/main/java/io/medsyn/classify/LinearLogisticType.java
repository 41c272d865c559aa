package io.medsyn.classify;

import io.medsyn.config.ClassifierConfig;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** A {@link LinearLogistic} model type: its registry name and its solver ({@code max_iter} and {@code tol} its). */
final class LinearLogisticType implements ClassifierModel {
  private final String name;
  private final LogisticSolver solver;

  LinearLogisticType(String name, LogisticSolver solver) {
    this.name = name;
    this.solver = solver;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Fitted fit(Dataset<Row> rows, double regParam, ClassifierConfig config, long seed) {
    LinearLogisticModel model = new LinearLogistic(solver).setRegParam(regParam).setMaxIter(config.maxIter())
        .setTol(config.tol()).setSeed(seed).setSyntheticCol(config.adaptDomains() ? IcdClassifier.SYNTHETIC : "")
        .fit(rows);
    return new Fitted(model, model.iterations(), model.maxIter(), model.converged());
  }
}
