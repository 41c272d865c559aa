package io.medsyn.classify;

import io.medsyn.config.ClassifierConfig;
import org.apache.spark.ml.Transformer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A model type the ICD-10 classifier can fit on its weighted TF-IDF rows ({@code evaluate.classifier.model}). To add
 * one, implement this and list it in {@link ClassifierModels}.
 */
public interface ClassifierModel {
  /** The name {@code evaluate.classifier.model} selects it by. */
  String name();

  /**
   * Fits on rows with columns {@code id} (the note's), {@code label} (class index), {@code features}
   * (L2-normalised TF-IDF), {@code weight} (instance weight > 0) and {@link IcdClassifier#SYNTHETIC} (whether the row
   * is a synthetic note). The fitted transformer adds {@code probability} (a vector over class indices) and
   * {@code prediction}.
   *
   * @param regParam the L2 strength λ on the weighted mean loss
   * @param from where an earlier fit of this type ended ({@link Fitted#start}), with other weights and on the same
   *     notes or some of them; the fit may start there on the notes the two share, and stops at the same
   *     tolerance. Null: start afresh.
   */
  Fitted fit(Dataset<Row> rows, double regParam, ClassifierConfig config, long seed, Start from);

  /** Refuses settings this model cannot fit, as a configuration error, before any data is read. */
  default void check(ClassifierConfig config) {}

  /**
   * A fitted model, whether its solver reached its tolerance ({@code iterations} of {@code maxIter}), and where a
   * later fit may start ({@code null} when the type has no such point).
   */
  record Fitted(Transformer model, int iterations, int maxIter, boolean converged, Start start) {}

  /** A solver's end point that a later fit of the same type can start from: what only that type reads. */
  interface Start {}
}
