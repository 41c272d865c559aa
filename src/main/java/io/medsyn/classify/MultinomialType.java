package io.medsyn.classify;

import io.medsyn.config.ClassifierConfig;
import io.medsyn.config.ConfigException;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code mllib_multinomial}: MLlib's multinomial LogisticRegression (L-BFGS on the dense features × classes
 * gradient). Slower on wide vocabularies; kept as the reference the one-vs-rest model is measured against.
 */
final class MultinomialType implements ClassifierModel {
  // For sparse input MLlib adds a dense features × codes matrix per block to the gradient, so many small blocks
  // (the default) cost more than the n-grams themselves.
  private static final double BLOCK_MB = 64;

  @Override
  public String name() {
    return "mllib_multinomial";
  }

  @Override
  public void check(ClassifierConfig config) {
    ConfigException.require(!config.adaptDomains(), "evaluate.classifier.adapt_domains",
        "false with model mllib_multinomial (its copies need a linear logistic model: one_vs_rest, softmax or"
        + " one_vs_rest_and_softmax)", true);
  }

  @Override
  public Fitted fit(Dataset<Row> rows, double regParam, ClassifierConfig config, long seed, Start from) {
    // TF-IDF vectors are already L2-normalised: standardising would let rare n-grams dominate.
    LogisticRegressionModel model = new LogisticRegression().setMaxBlockSizeInMB(BLOCK_MB).setFamily("multinomial")
        .setWeightCol("weight").setRegParam(regParam).setElasticNetParam(0).setStandardization(false)
        .setMaxIter(config.maxIter()).setTol(config.tol()).fit(rows);
    int iterations = model.summary().totalIterations();
    return new Fitted(model, iterations, config.maxIter(), iterations < config.maxIter(), null);
  }
}
