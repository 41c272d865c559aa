package io.medsyn.classify;

import io.medsyn.config.ClassifierConfig;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A {@link LinearLogistic} model type: its registry name, its solver ({@code max_iter} and {@code tol} its) and
 * whether it fits feature copies when {@code adapt_domains} asks for them.
 */
final class LinearLogisticType implements ClassifierModel {
  private final String name;
  private final LogisticSolver solver;
  private final boolean copiesDomains;

  LinearLogisticType(String name, LogisticSolver solver, boolean copiesDomains) {
    this.name = name;
    this.solver = solver;
    this.copiesDomains = copiesDomains;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Fitted fit(Dataset<Row> rows, double regParam, ClassifierConfig config, long seed, Start from) {
    LinearLogistic.Fit fit = new LinearLogistic(solver).setRegParam(regParam).setMaxIter(config.maxIter())
        .setTol(config.tol()).setSeed(seed)
        .setSyntheticCol(copiesDomains && config.adaptDomains() ? IcdClassifier.SYNTHETIC : "").setIdCol("id")
        .fitFrom(rows, from instanceof LogisticSolver.Dual dual ? dual : null);
    LinearLogisticModel model = fit.model();
    return new Fitted(model, model.iterations(), model.maxIter(), model.converged(), fit.dual());
  }
}
