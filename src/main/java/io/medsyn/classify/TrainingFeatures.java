package io.medsyn.classify;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;

import io.medsyn.config.ClassifierConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.feature.StringIndexer;
import org.apache.spark.ml.feature.StringIndexerModel;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One training set's TF-IDF rows, in id order, kept in memory with the vectors fitted on it, so that fits with
 * different {@link FitSettings} (cross-validation's candidates on one fold) or on different subsets of synthetic notes
 * (the grid's cells that share a real part) pay for the features once (on RuMedTop3 with 10k offline notes, 5-8 s
 * against a fit's 20-30 s). Made by {@link IcdClassifier#features}; close it to release the rows.
 *
 * <p>A fit starts where the last one ended ({@link ClassifierModel.Start}), on the notes the two share: the
 * candidates of one cross-validation fold differ only in their weights, and the grid's cells that share a real part
 * share its notes, so each starts near its own optimum.
 */
public final class TrainingFeatures implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TrainingFeatures.class);

  private final ClassifierConfig config;
  private final ClassifierModel model;
  private final long seed;
  private final PipelineModel vectors;
  private final Dataset<Row> rows;
  private final double seconds;
  /** Where the last fit ended; null before one. */
  private ClassifierModel.Start lastStart;

  /**
   * @param rows persisted in id order, with columns id, code, {@link IcdClassifier#SYNTHETIC} and features
   * @param seconds how long computing them took
   */
  TrainingFeatures(ClassifierConfig config, ClassifierModel model, long seed, PipelineModel vectors,
      Dataset<Row> rows, double seconds) {
    this.config = config;
    this.model = model;
    this.seed = seed;
    this.vectors = vectors;
    this.rows = rows;
    this.seconds = seconds;
  }

  /** Fits on every row; see {@link #fit(FitSettings, Column)}. */
  public TrainedClassifier fit(FitSettings settings) {
    return fit(settings, lit(true));
  }

  /**
   * Fits with {@code settings} on the rows where {@code keep} holds (it may read id, code and synthetic), starting
   * where the last fit ended on the notes the two share. The model is the one those notes would give alone whenever
   * their vectors would be these: when every row is kept, or every real row with {@code features_from: real}. Its
   * training time counts the features too, as if computed alone, so that a fit's time does not depend on how many
   * fits shared them.
   */
  public TrainedClassifier fit(FitSettings settings, Column keep) {
    long start = System.nanoTime();
    Dataset<Row> kept = rows.where(keep);
    // "keep": an evaluation note's unseen code must not fail the transform (its rank is a miss, counted).
    StringIndexerModel indexer = new StringIndexer().setInputCol("code").setOutputCol(IcdClassifier.LABEL)
        .setHandleInvalid("keep").setStringOrderType("alphabetAsc").fit(kept);
    Dataset<Row> weighted = IcdClassifier.weigh(indexer.transform(kept), settings)
        .select(col("id"), col(IcdClassifier.LABEL), col(TextFeatures.FEATURES), col(IcdClassifier.WEIGHT),
            col(IcdClassifier.SYNTHETIC));
    ClassifierModel.Fitted fitted = model.fit(weighted, settings.regParam(), config, seed, lastStart);
    lastStart = fitted.start();
    List<String> labels = List.of(indexer.labelsArray()[0]);
    double[] logPrior = logPrior(kept, labels);
    double modelSeconds = (System.nanoTime() - start) / 1e9;
    LOG.info("fitted the {} classifier on {} codes in {} s, features {} s ({}): iterations {} of {} ({})",
        model.name(), labels.size(), String.format("%.1f", modelSeconds), String.format("%.1f", seconds), settings,
        fitted.iterations(), fitted.maxIter(), fitted.converged() ? "converged" : "not converged");
    List<Transformer> stages = new ArrayList<>(List.of(indexer, vectors, fitted.model()));
    return new TrainedClassifier(TextFeatures.termStages("text", config), stages, labels, logPrior, settings,
        seconds + modelSeconds, fitted.iterations(), fitted.maxIter(), fitted.converged());
  }

  /** Per label, ln of its add-one-smoothed share of the real rows (uniform when there are none). */
  private static double[] logPrior(Dataset<Row> kept, List<String> labels) {
    Map<String, Long> counts = new HashMap<>();
    kept.where(not(col(IcdClassifier.SYNTHETIC))).groupBy("code").count().collectAsList()
        .forEach(r -> counts.put(r.getString(0), r.getLong(1)));
    long total = counts.values().stream().mapToLong(Long::longValue).sum();
    double[] out = new double[labels.size()];
    for (int j = 0; j < out.length; j++) {
      out[j] = Math.log((counts.getOrDefault(labels.get(j), 0L) + 1.0) / (total + labels.size()));
    }
    return out;
  }

  @Override
  public void close() {
    rows.unpersist();
  }
}
