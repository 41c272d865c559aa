package io.medsyn.classify;

import io.medsyn.config.ClassifierConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.evaluation.MulticlassClassificationEvaluator;
import org.apache.spark.ml.feature.StringIndexer;
import org.apache.spark.ml.feature.StringIndexerModel;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.tuning.CrossValidator;
import org.apache.spark.ml.tuning.CrossValidatorModel;
import org.apache.spark.ml.tuning.ParamGridBuilder;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ICD-10 classifier of notes with columns {@code id, text, code}: {@link TextFeatures} then multinomial
 * logistic regression with an L2 penalty. When several L2 strengths are configured, k-fold cross-validation on the
 * training data picks one by Hit@1; the evaluation split never takes part.
 */
public final class IcdClassifier {
  static final String LABEL = "label";
  static final String PREDICTION = "prediction";
  static final String PROBABILITY = "probability";
  private static final double BLOCK_MB = 64;
  private static final Logger LOG = LoggerFactory.getLogger(IcdClassifier.class);

  private final ClassifierConfig config;
  private final long seed;

  public IcdClassifier(ClassifierConfig config, long seed) {
    this.config = config;
    this.seed = seed;
  }

  public TrainedClassifier fit(Dataset<Row> train) {
    long start = System.nanoTime();
    List<Transformer> stages = new ArrayList<>(TextFeatures.termStages("text", config));
    // A small corpus file is read as one partition; spread it so that every core computes gradients.
    Dataset<Row> notes = train.select("code", "text");
    int cores = train.sparkSession().sparkContext().defaultParallelism();
    if (notes.rdd().getNumPartitions() < cores) {
      notes = notes.repartition(cores);
    }
    // The n-gram terms are the costly step: computed once here, then read by every fitting pass.
    Dataset<Row> terms = transform(notes, stages).select("code", TextFeatures.TERMS)
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      List<PipelineStage> vectorizer = new ArrayList<>();
      // Unseen codes get index = number of codes (never predicted), so evaluation notes are counted, not dropped.
      vectorizer.add(new StringIndexer().setInputCol("code").setOutputCol(LABEL).setHandleInvalid("keep")
          .setStringOrderType("alphabetAsc"));
      vectorizer.addAll(TextFeatures.vectorStages(config));
      PipelineModel vectors = new Pipeline().setStages(vectorizer.toArray(PipelineStage[]::new)).fit(terms);
      stages.add(vectors);
      // Logistic regression caches its own blocks of instances, so its input is not cached again.
      Dataset<Row> features = vectors.transform(terms).select(LABEL, TextFeatures.FEATURES);
      Map<Double, Double> cv = new LinkedHashMap<>();
      LogisticRegressionModel model = fitRegression(features, cv);
      stages.add(model);
      List<String> labels = List.of(((StringIndexerModel) vectors.stages()[0]).labelsArray()[0]);
      double seconds = (System.nanoTime() - start) / 1e9;
      LOG.info("fitted the classifier on {} codes and {} features in {} s ({} iterations, L2 {})", labels.size(),
          model.numFeatures(), String.format("%.1f", seconds), model.summary().totalIterations(),
          model.getRegParam());
      return new TrainedClassifier(stages, labels, model.getRegParam(), seconds, cv);
    } finally {
      terms.unpersist();
    }
  }

  private LogisticRegressionModel fitRegression(Dataset<Row> features, Map<Double, Double> cv) {
    LogisticRegression lr = logisticRegression(config.regParams().get(0));
    if (config.regParams().size() == 1) {
      return lr.fit(features);
    }
    ParamMap[] grid = new ParamGridBuilder().addGrid(lr.regParam(),
        config.regParams().stream().mapToDouble(Double::doubleValue).toArray()).build();
    CrossValidatorModel tuned = new CrossValidator().setEstimator(lr).setEstimatorParamMaps(grid)
        .setEvaluator(new MulticlassClassificationEvaluator().setLabelCol(LABEL).setMetricName("accuracy"))
        .setNumFolds(config.cvFolds()).setSeed(seed).fit(features);
    for (int i = 0; i < tuned.avgMetrics().length; i++) {
      cv.put(config.regParams().get(i), tuned.avgMetrics()[i]);
    }
    LOG.info("cross-validated Hit@1 on the training data by L2 strength: {}", cv);
    return (LogisticRegressionModel) tuned.bestModel();
  }

  private LogisticRegression logisticRegression(double regParam) {
    // TF-IDF vectors are already L2-normalised: standardising would let rare n-grams dominate. Large blocks: for
    // sparse input MLlib adds a dense features × codes matrix per block to the gradient, so many small blocks
    // (the default) cost more than the n-grams themselves.
    return new LogisticRegression().setMaxBlockSizeInMB(BLOCK_MB).setFamily("multinomial").setFeaturesCol(TextFeatures.FEATURES)
        .setLabelCol(LABEL).setPredictionCol(PREDICTION).setProbabilityCol(PROBABILITY).setRegParam(regParam)
        .setElasticNetParam(0).setStandardization(false).setMaxIter(config.maxIter()).setTol(config.tol());
  }

  static Dataset<Row> transform(Dataset<Row> data, List<Transformer> stages) {
    Dataset<Row> out = data;
    for (Transformer stage : stages) {
      out = stage.transform(out);
    }
    return out;
  }
}
