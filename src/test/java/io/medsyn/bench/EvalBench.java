package io.medsyn.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.medsyn.classify.ClassProbabilities;
import io.medsyn.classify.IcdClassifier;
import io.medsyn.classify.Scorer;
import io.medsyn.classify.TrainedClassifier;
import io.medsyn.config.ClassifierConfig;
import io.medsyn.config.ConfigLoader;
import io.medsyn.corpus.CorpusReader;
import io.medsyn.config.CorpusSpec;
import io.medsyn.evaluate.Corpora;
import io.medsyn.evaluate.Experiment;
import io.medsyn.evaluate.Stratified;
import io.medsyn.testing.SharedData;
import io.medsyn.testing.TestSpark;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The classifier on RuMedTop3: training time, solver iterations and dev Hit@1, Hit@3, macro-F1 and rare-third Hit@1
 * with the configured classifier ({@code EvalBench [--set evaluate.classifier.KEY=VALUE ...] [--synthetic NOTES]}),
 * where NOTES is a notes table (the generate or quality stage's Parquet) whose notes are added to the real ones;
 * or, with {@code cv} first, k-fold cross-validation on the training split only, where the defaults were chosen (one
 * fit per fold, scored under each of {@code --set evaluate.classifier.prior_shifts=[...]}).
 */
public final class EvalBench {
  private EvalBench() {}

  public static void main(String[] args) {
    List<String> overrides = new ArrayList<>();
    boolean cv = args.length > 0 && args[0].equals("cv");
    int folds = 5;
    long foldSeed = 7;
    String synthetic = null;
    for (int i = cv ? 1 : 0; i < args.length; i++) {
      if (args[i].equals("--set") && i + 1 < args.length) {
        overrides.add(args[++i]);
      } else if (args[i].equals("--folds") && i + 1 < args.length) {
        folds = Integer.parseInt(args[++i]);
      } else if (args[i].equals("--fold-seed") && i + 1 < args.length) {
        foldSeed = Long.parseLong(args[++i]);
      } else if (args[i].equals("--synthetic") && i + 1 < args.length) {
        synthetic = args[++i];
      } else {
        System.err.println("EvalBench: unknown argument " + args[i] + "; expected [cv] [--set KEY=VALUE]..."
            + " [--folds N] [--fold-seed N] [--synthetic NOTES]");
        System.exit(2);
      }
    }
    ClassifierConfig config = ConfigLoader.load(null, overrides).evaluate().classifier();
    SparkSession spark = TestSpark.session();
    Dataset<Row> extra = synthetic == null ? null
        : Corpora.notes(spark.read().parquet(synthetic), 3).select("id", "text", "code");
    List<String> lines = cv ? crossValidate(spark, config, 5, folds, foldSeed) : devFigures(spark, config, extra);
    lines.forEach(System.out::println);
  }

  /** Fits on RuMedTop3 train (plus {@code synthetic} notes when not null), scores dev; returns the printed lines. */
  public static List<String> devFigures(SparkSession spark, ClassifierConfig config, Dataset<Row> synthetic) {
    Dataset<Row> train = rumed(spark, SharedData.rumedTrain());
    Dataset<Row> dev = rumed(spark, SharedData.rumedDev());
    long syntheticNotes = synthetic == null ? 0 : synthetic.count();
    Dataset<Row> notes = synthetic == null ? train : train.withColumn(IcdClassifier.SYNTHETIC, lit(false))
        .unionByName(synthetic.withColumn(IcdClassifier.SYNTHETIC, lit(true)));
    TrainedClassifier model = new IcdClassifier(config, 1).fit(notes);
    Scorer scorer = new Scorer(model.predict(dev));
    Set<String> rare = rareThird(train, dev);
    return List.of("classifier: " + config,
        String.format("RuMedTop3 train (%d real + %d synthetic notes) -> dev (%d notes)", train.count(),
            syntheticNotes, scorer.size()),
        String.format("training %.1f s", model.trainSeconds()),
        String.format("iterations %d of %d (%s)", model.iterations(), model.maxIter(),
            model.converged() ? "converged" : "not converged"),
        String.format("dev Hit@1 %.1f Hit@3 %.1f macro-F1 %.1f rare Hit@1 %.1f", 100 * scorer.hitAt(1),
            100 * scorer.hitAt(3), 100 * scorer.macroF1(), 100 * scorer.scores(null, rare).hit1()));
  }

  /** The rarest third of codes by real training frequency, as the experiment groups them. */
  static Set<String> rareThird(Dataset<Row> train, Dataset<Row> dev) {
    Map<String, Long> frequency = new HashMap<>();
    train.groupBy("code").count().collectAsList().forEach(r -> frequency.put(r.getString(0), r.getLong(1)));
    Set<String> evalCodes = new TreeSet<>(dev.select("code").distinct().as(
        org.apache.spark.sql.Encoders.STRING()).collectAsList());
    Set<String> rare = new TreeSet<>();
    Experiment.frequencyGroups(frequency, evalCodes).forEach((code, group) -> {
      if (group.equals(Experiment.RARE)) {
        rare.add(code);
      }
    });
    return rare;
  }

  /**
   * Stratified k-fold cross-validation on RuMedTop3 train only, running the first {@code run} folds (1 = a single
   * dev split carved from train, for quick iteration), the folds drawn with {@code foldSeed} (a second seed
   * repeats the CV on other folds, to tell settings apart that one split cannot); each fold's one fit is scored
   * under every configured prior shift. Returns the printed lines.
   */
  public static List<String> crossValidate(SparkSession spark, ClassifierConfig config, int k, int run,
      long foldSeed) {
    Dataset<Row> folded = Stratified.folds(rumed(spark, SharedData.rumedTrain()), k, foldSeed).cache();
    List<String> lines = new ArrayList<>(List.of("classifier: " + config));
    List<Double> shifts = config.priorShifts();
    double[][][] figures = new double[shifts.size()][run][];
    double seconds = 0;
    for (int fold = 0; fold < run; fold++) {
      IcdClassifier classifier = new IcdClassifier(config, fold);
      TrainedClassifier model = classifier.fit(folded.where(col("fold").notEqual(fold)));
      seconds += model.trainSeconds() / run;
      ClassProbabilities probabilities = model.probabilities(classifier.terms(folded.where(col("fold")
          .equalTo(fold))));
      for (int t = 0; t < shifts.size(); t++) {
        Scorer scorer = new Scorer(probabilities.ranked(shifts.get(t)));
        figures[t][fold] = new double[] {100 * scorer.hitAt(1), 100 * scorer.hitAt(3), 100 * scorer.macroF1()};
        lines.add(String.format("fold %d, prior shift %.2f: Hit@1 %.1f  Hit@3 %.1f  macro-F1 %.1f  (%.1f s)", fold,
            shifts.get(t), figures[t][fold][0], figures[t][fold][1], figures[t][fold][2], model.trainSeconds()));
      }
    }
    for (int t = 0; t < shifts.size(); t++) {
      double[] mean = new double[3];
      Arrays.stream(figures[t]).forEach(f -> Arrays.setAll(mean, i -> mean[i] + f[i] / run));
      lines.add(String.format("cv mean of %d folds, prior shift %.2f: Hit@1 %.1f  Hit@3 %.1f  macro-F1 %.1f  (%.1f s"
          + " per fit)", run, shifts.get(t), mean[0], mean[1], mean[2], seconds));
    }
    folded.unpersist();
    return lines;
  }

  static Dataset<Row> rumed(SparkSession spark, Path file) {
    return CorpusReader.read(spark, new CorpusSpec("bench", file.toString(), "jsonl", "idx", "symptoms", "code"));
  }
}
