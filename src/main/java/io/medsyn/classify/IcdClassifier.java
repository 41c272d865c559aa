package io.medsyn.classify;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.medsyn.config.ClassifierConfig;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.Transformer;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ICD-10 classifier of notes with columns {@code id, text, code} (and optionally {@link #SYNTHETIC}):
 * {@link TextFeatures} then a model from {@link ClassifierModels}, with instance weights for class balance and for
 * synthetic notes. The n-gram terms, the costly step, can be computed once by {@link #terms} and reused by every fit
 * ({@link #fitTerms}) and prediction; a training set's TF-IDF rows, once by {@link #features} and reused by fits
 * with different settings.
 */
public final class IcdClassifier {
  /** Boolean column of training notes: true for a synthetic note (absent: every note is real). */
  public static final String SYNTHETIC = "synthetic";
  static final String LABEL = "label";
  static final String PREDICTION = "prediction";
  static final String PROBABILITY = "probability";
  static final String WEIGHT = "weight";
  private static final String MASS = "code_mass";
  private static final Logger LOG = LoggerFactory.getLogger(IcdClassifier.class);

  private final ClassifierConfig config;
  private final ClassifierModel model;
  private final long seed;

  public IcdClassifier(ClassifierConfig config, long seed) {
    this.config = config;
    this.model = ClassifierModels.checked(config);
    this.seed = seed;
  }

  /** The notes with their {@link TextFeatures#TERMS} added; persist the result to reuse it across fits. */
  public Dataset<Row> terms(Dataset<Row> notes) {
    return transform(notes, TextFeatures.termStages("text", config)).drop(TextFeatures.TOKENS);
  }

  /** Fits on notes with text, with the first configured candidate of every setting. */
  public TrainedClassifier fit(Dataset<Row> notes) {
    Dataset<Row> terms = terms(notes).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      return fitTerms(terms, FitSettings.of(config));
    } finally {
      terms.unpersist();
    }
  }

  /** Fits on notes whose terms {@link #terms} computed (columns id, code, terms, optionally synthetic). */
  public TrainedClassifier fitTerms(Dataset<Row> terms, FitSettings settings) {
    try (TrainingFeatures features = features(terms)) {
      return features.fit(settings);
    }
  }

  /**
   * The TF-IDF rows of notes whose terms {@link #terms} computed (columns id, code, terms, optionally synthetic), to
   * fit with several settings or on several subsets; close the result when done.
   */
  public TrainingFeatures features(Dataset<Row> terms) {
    long start = System.nanoTime();
    Column synthetic = Arrays.asList(terms.columns()).contains(SYNTHETIC) ? col(SYNTHETIC) : lit(false);
    Dataset<Row> rows = terms.select(col("id"), col("code"), col(TextFeatures.TERMS), synthetic.as(SYNTHETIC));
    Dataset<Row> vocabularyNotes = rows;
    if (config.featuresFrom().equals("real") && !rows.where(not(col(SYNTHETIC))).isEmpty()) {
      vocabularyNotes = rows.where(not(col(SYNTHETIC)));
    }
    PipelineModel vectors = TextFeatures.fitVectors(vocabularyNotes, config);
    // In id order, so that a fit depends on its notes and seed, not on how Spark partitioned them, and a subset of
    // the rows keeps the order it would have alone; range partitions keep every core working.
    int cores = terms.sparkSession().sparkContext().defaultParallelism();
    Dataset<Row> ordered = rows.repartitionByRange(cores, col("id"), col(SYNTHETIC))
        .sortWithinPartitions("id", SYNTHETIC);
    Dataset<Row> features = vectors.transform(ordered)
        .select(col("id"), col("code"), col(SYNTHETIC), col(TextFeatures.FEATURES))
        .persist(StorageLevel.MEMORY_AND_DISK());
    long notes = features.count();
    double seconds = (System.nanoTime() - start) / 1e9;
    LOG.info("computed the features of {} training notes in {} s", notes, String.format("%.1f", seconds));
    return new TrainingFeatures(config, model, seed, vectors, features, seconds);
  }

  /**
   * Adds the instance weight: the synthetic weight for a synthetic note (1 for a real one), times the class weight
   * (M/(k·M_c))^p of its code c, where M_c is the code's mass of those weights, M the total and k the codes; so
   * {@code balanced} (p = 1) gives every code one mass, counting a synthetic note as much as it weighs.
   */
  static Dataset<Row> weigh(Dataset<Row> rows, FitSettings settings) {
    Dataset<Row> weighted = rows.withColumn(WEIGHT,
        when(col(SYNTHETIC), lit(settings.syntheticWeight())).otherwise(lit(1.0)));
    double power = settings.classWeight().power();
    if (power == 0) {
      return weighted;
    }
    Dataset<Row> mass = weighted.groupBy("code").agg(sum(WEIGHT).as(MASS));
    Row totals = mass.selectExpr("sum(" + MASS + ")", "count(*)").first();
    double perCode = totals.getDouble(0) / totals.getLong(1);
    return weighted.join(broadcast(mass), "code")
        .withColumn(WEIGHT, col(WEIGHT).multiply(pow(lit(perCode).divide(col(MASS)), power))).drop(MASS);
  }

  static Dataset<Row> transform(Dataset<Row> data, List<Transformer> stages) {
    Dataset<Row> out = data;
    for (Transformer stage : stages) {
      out = stage.transform(out);
    }
    return out;
  }
}
