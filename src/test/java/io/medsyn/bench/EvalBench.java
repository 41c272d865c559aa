package io.medsyn.bench;

import io.medsyn.classify.IcdClassifier;
import io.medsyn.classify.Scorer;
import io.medsyn.classify.TrainedClassifier;
import io.medsyn.config.ClassifierConfig;
import io.medsyn.config.ConfigLoader;
import io.medsyn.corpus.CorpusReader;
import io.medsyn.config.CorpusSpec;
import io.medsyn.evaluate.Stratified;
import io.medsyn.testing.SharedData;
import io.medsyn.testing.TestSpark;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The real-only classifier on RuMedTop3: training time and dev Hit@1, Hit@3, macro-F1 with the configured
 * classifier ({@code EvalBench [--set evaluate.classifier.KEY=VALUE ...]}); or, with {@code cv} first, k-fold
 * cross-validation on the training split only, which is where the defaults were chosen.
 */
public final class EvalBench {
  private EvalBench() {}

  public static void main(String[] args) {
    List<String> overrides = new ArrayList<>();
    boolean cv = args.length > 0 && args[0].equals("cv");
    int folds = 5;
    for (int i = cv ? 1 : 0; i < args.length; i++) {
      if (args[i].equals("--set") && i + 1 < args.length) {
        overrides.add(args[++i]);
      } else if (args[i].equals("--folds") && i + 1 < args.length) {
        folds = Integer.parseInt(args[++i]);
      }
    }
    ClassifierConfig config = ConfigLoader.load(null, overrides).evaluate().classifier();
    List<String> lines = cv ? crossValidate(TestSpark.session(), config, 5, folds) : devFigures(TestSpark.session(), config);
    lines.forEach(System.out::println);
  }

  /** Fits on RuMedTop3 train, scores dev; returns the printed lines. */
  public static List<String> devFigures(SparkSession spark, ClassifierConfig config) {
    Dataset<Row> train = rumed(spark, SharedData.rumedTrain());
    Dataset<Row> dev = rumed(spark, SharedData.rumedDev());
    TrainedClassifier model = new IcdClassifier(config, 1).fit(train);
    Scorer scorer = new Scorer(model.predict(dev));
    return List.of("classifier: " + config,
        String.format("real-only RuMedTop3 train (%d notes) -> dev (%d notes): training %.1f s", train.count(),
            scorer.size(), model.trainSeconds()),
        String.format("dev Hit@1 %.1f  Hit@3 %.1f  macro-F1 %.1f", 100 * scorer.hitAt(1), 100 * scorer.hitAt(3),
            100 * scorer.macroF1()));
  }

  /**
   * Stratified k-fold cross-validation on RuMedTop3 train only, running the first {@code run} folds (1 = a single
   * dev split carved from train, for quick iteration); returns the printed lines.
   */
  public static List<String> crossValidate(SparkSession spark, ClassifierConfig config, int k, int run) {
    Dataset<Row> folded = Stratified.folds(rumed(spark, SharedData.rumedTrain()), k, 7).cache();
    List<String> lines = new ArrayList<>(List.of("classifier: " + config));
    double[][] figures = new double[run][];
    for (int fold = 0; fold < run; fold++) {
      TrainedClassifier model = new IcdClassifier(config, fold).fit(folded.where("fold != " + fold));
      Scorer scorer = new Scorer(model.predict(folded.where("fold = " + fold)));
      figures[fold] = new double[] {100 * scorer.hitAt(1), 100 * scorer.hitAt(3), 100 * scorer.macroF1(),
          model.trainSeconds()};
      lines.add(String.format("fold %d: Hit@1 %.1f  Hit@3 %.1f  macro-F1 %.1f  (%.1f s)", fold, figures[fold][0],
          figures[fold][1], figures[fold][2], figures[fold][3]));
    }
    double[] mean = new double[4];
    Arrays.stream(figures).forEach(f -> Arrays.setAll(mean, i -> mean[i] + f[i] / run));
    lines.add(String.format("cv mean of %d folds: Hit@1 %.1f  Hit@3 %.1f  macro-F1 %.1f  (%.1f s per fit)", run, mean[0], mean[1],
        mean[2], mean[3]));
    folded.unpersist();
    return lines;
  }

  private static Dataset<Row> rumed(SparkSession spark, Path file) {
    return CorpusReader.read(spark, new CorpusSpec("bench", file.toString(), "jsonl", "idx", "symptoms", "code"));
  }
}
