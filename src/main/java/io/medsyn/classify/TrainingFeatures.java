package io.medsyn.classify;

import io.medsyn.config.ClassifierConfig;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.feature.StringIndexerModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One training set's TF-IDF rows, kept in memory with the label indexer and the vectors fitted on it, so that fits
 * with different {@link FitSettings} (cross-validation's candidates on one fold) pay for the features once: the
 * features are about half of a fit's time. Made by {@link IcdClassifier#features}; close it to release the rows.
 */
public final class TrainingFeatures implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TrainingFeatures.class);

  private final ClassifierConfig config;
  private final ClassifierModel model;
  private final long seed;
  private final StringIndexerModel indexer;
  private final PipelineModel vectors;
  private final Dataset<Row> rows;
  private final double seconds;

  /**
   * @param rows persisted, with columns code, {@link IcdClassifier#SYNTHETIC}, label and features
   * @param seconds how long computing them took
   */
  TrainingFeatures(ClassifierConfig config, ClassifierModel model, long seed, StringIndexerModel indexer,
      PipelineModel vectors, Dataset<Row> rows, double seconds) {
    this.config = config;
    this.model = model;
    this.seed = seed;
    this.indexer = indexer;
    this.vectors = vectors;
    this.rows = rows;
    this.seconds = seconds;
  }

  /**
   * Fits the model with {@code settings}. Its training time counts the features too, as if it had computed them
   * alone, so that a fit's time does not depend on how many fits shared them.
   */
  public TrainedClassifier fit(FitSettings settings) {
    long start = System.nanoTime();
    Dataset<Row> weighted = IcdClassifier.weigh(rows, settings)
        .select(IcdClassifier.LABEL, TextFeatures.FEATURES, IcdClassifier.WEIGHT);
    ClassifierModel.Fitted fitted = model.fit(weighted, settings.regParam(), config, seed);
    List<String> labels = List.of(indexer.labelsArray()[0]);
    double modelSeconds = (System.nanoTime() - start) / 1e9;
    LOG.info("fitted the {} classifier on {} codes in {} s, features {} s ({}): iterations {} of {} ({})",
        model.name(), labels.size(), String.format("%.1f", modelSeconds), String.format("%.1f", seconds), settings,
        fitted.iterations(), fitted.maxIter(), fitted.converged() ? "converged" : "not converged");
    List<Transformer> stages = new ArrayList<>(List.of(indexer, vectors, fitted.model()));
    return new TrainedClassifier(TextFeatures.termStages("text", config), stages, labels, settings,
        seconds + modelSeconds, fitted.iterations(), fitted.maxIter(), fitted.converged());
  }

  @Override
  public void close() {
    rows.unpersist();
  }
}
