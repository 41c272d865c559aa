package io.medsyn.classify;

import io.medsyn.config.ClassifierConfig;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** {@code one_vs_rest}: {@link OneVsRestLogistic}, per-class dual coordinate descent to the tolerance. */
final class OneVsRestType implements ClassifierModel {
  @Override
  public String name() {
    return "one_vs_rest";
  }

  @Override
  public Fitted fit(Dataset<Row> rows, double regParam, ClassifierConfig config, long seed) {
    OneVsRestLogisticModel model = new OneVsRestLogistic().setRegParam(regParam).setMaxIter(config.maxIter())
        .setTol(config.tol()).setSeed(seed).fit(rows);
    return new Fitted(model, model.iterations(), model.maxIter(), model.converged());
  }
}
