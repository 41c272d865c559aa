package io.medsyn.classify;

import io.medsyn.config.ClassifierConfig;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.Transformer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A model type that fits several registered types on the same rows and averages their probabilities: one-vs-rest and
 * softmax err on different notes (one-vs-rest ranks its top code better, softmax its top three in CV), so their mean
 * can beat both. Every member reads the same rows, which {@link TrainingFeatures} keeps in memory.
 */
final class MeanOfModels implements ClassifierModel {
  private final String name;
  private final List<ClassifierModel> members;

  MeanOfModels(String name, ClassifierModel... members) {
    this.name = name;
    this.members = List.of(members);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Fitted fit(Dataset<Row> rows, double regParam, ClassifierConfig config, long seed) {
    List<Transformer> fitted = new ArrayList<>();
    int iterations = 0;
    boolean converged = true;
    for (ClassifierModel member : members) {
      Fitted one = member.fit(rows, regParam, config, seed);
      fitted.add(one.model());
      iterations = Math.max(iterations, one.iterations());
      converged &= one.converged();
    }
    return new Fitted(new MeanProbability(fitted), iterations, config.maxIter(), converged);
  }
}
