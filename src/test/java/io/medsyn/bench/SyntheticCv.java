package io.medsyn.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.medsyn.classify.FitSettings;
import io.medsyn.classify.IcdClassifier;
import io.medsyn.classify.Scorer;
import io.medsyn.classify.TrainedClassifier;
import io.medsyn.config.ClassWeight;
import io.medsyn.config.ConfigLoader;
import io.medsyn.config.MedSynConfig;
import io.medsyn.evaluate.Corpora;
import io.medsyn.evaluate.Stratified;
import io.medsyn.quality.QualitySummary;
import io.medsyn.quality.Realism;
import io.medsyn.run.Stages;
import io.medsyn.stage.RunContext;
import io.medsyn.stage.Stage;
import io.medsyn.testing.SharedData;
import io.medsyn.testing.TestSpark;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * Chooses generator settings by k-fold cross-validation on RuMedTop3 TRAIN only. Per fold, the product's own stages
 * (graph, sample, generate, quality) run with the fold's training notes as the only real input (style examples,
 * style model, prior, passage audit), so no validation note reaches generation; the classifier is fitted on the
 * fold's real training notes plus the passing synthetic notes and scored on the held-out REAL fold. Beside each
 * setting, the two real-only controls (class weighting none and balanced) on the same folds.
 *
 * <pre>SyntheticCv [--folds K] [--run N] [--per-code N] --setting NAME [--set KEY=VALUE]... [--setting ...]</pre>
 * A setting's overrides may reach any stage and the classifier (evaluate.classifier.class_weights,
 * synthetic_weights: the first candidate is fitted).
 */
public final class SyntheticCv {
  private static final long SEED = 7;

  private SyntheticCv() {}

  public static void main(String[] args) {
    int folds = 3;
    int run = -1;
    int perCode = 100;
    Map<String, List<String>> settings = new LinkedHashMap<>();
    List<String> current = null;
    for (int i = 0; i < args.length; i++) {
      String next = i + 1 < args.length ? args[i + 1] : null;
      switch (next == null ? "" : args[i]) {
        case "--folds" -> folds = Integer.parseInt(args[++i]);
        case "--run" -> run = Integer.parseInt(args[++i]);
        case "--per-code" -> perCode = Integer.parseInt(args[++i]);
        case "--setting" -> settings.put(args[++i], current = new ArrayList<>());
        case "--set" -> {
          if (current == null) {
            usage("--set " + next + " before any --setting");
          }
          current.add(args[++i]);
        }
        default -> usage("unknown argument " + args[i]);
      }
    }
    if (settings.isEmpty()) {
      usage("name at least one --setting");
    }
    SparkSession spark = TestSpark.session();
    try (ScratchDir scratch = new ScratchDir("synthetic-cv")) {
      new Run(spark, scratch.path(), folds, run < 0 ? folds : run, perCode).table(settings)
          .forEach(System.out::println);
    }
  }

  private static void usage(String problem) {
    System.err.println("SyntheticCv: " + problem + "; expected [--folds K] [--run N] [--per-code N]"
        + " --setting NAME [--set KEY=VALUE]... [--setting NAME ...]");
    System.exit(2);
  }

  /** Figures of one fit on one fold: Hit@1, Hit@3, macro-F1, rarest-third Hit@1 (percent), synthetic notes. */
  private record Figures(double hit1, double hit3, double macroF1, double rare, double synthetic) {
    static Figures mean(List<Figures> all) {
      double[] m = new double[5];
      for (Figures f : all) {
        m[0] += f.hit1 / all.size();
        m[1] += f.hit3 / all.size();
        m[2] += f.macroF1 / all.size();
        m[3] += f.rare / all.size();
        m[4] += f.synthetic / all.size();
      }
      return new Figures(m[0], m[1], m[2], m[3], m[4]);
    }

    String line(String name) {
      return String.format("%-28s Hit@1 %5.1f  Hit@3 %5.1f  macro-F1 %5.1f  rare Hit@1 %5.1f  (%.0f synthetic)",
          name, hit1, hit3, macroF1, rare, synthetic);
    }
  }

  private static final class Run {
    private final SparkSession spark;
    private final Path scratch;
    private final int folds;
    private final int run;
    private final int perCode;

    Run(SparkSession spark, Path scratch, int folds, int run, int perCode) {
      this.spark = spark;
      this.scratch = scratch;
      this.folds = folds;
      this.run = run;
      this.perCode = perCode;
    }

    List<String> table(Map<String, List<String>> settings) {
      Dataset<Row> folded = Stratified.folds(EvalBench.rumed(spark, SharedData.rumedTrain()), folds, SEED).cache();
      Map<String, List<Figures>> results = new LinkedHashMap<>();
      List<String> lines = new ArrayList<>();
      for (int fold = 0; fold < run; fold++) {
        Dataset<Row> train = folded.where(col("fold").notEqual(fold)).drop("fold");
        Dataset<Row> held = folded.where(col("fold").equalTo(fold)).drop("fold");
        // The fold's training notes as a corpus file: the stages read their real notes from it and nothing else.
        String trainPath = scratch.resolve("fold-" + fold + "-train").toString();
        train.select(col("id").as("idx"), col("text").as("symptoms"), col("code")).coalesce(1).write()
            .mode("overwrite").json(trainPath);
        Set<String> rare = EvalBench.rareThird(train, held);
        MedSynConfig base = ConfigLoader.load(null, List.of());
        IcdClassifier features = new IcdClassifier(base.evaluate().classifier(), fold);
        Dataset<Row> real = features.terms(train.select(col("id"), col("text"), col("code"),
            lit(false).as(IcdClassifier.SYNTHETIC))).persist(StorageLevel.MEMORY_AND_DISK());
        FitSettings plain = FitSettings.of(base.evaluate().classifier()).withClassWeight(ClassWeight.NONE);
        record(results, lines, fold, "control: real only", score(features.fitTerms(real, plain), held, rare, 0));
        record(results, lines, fold, "control: real, balanced",
            score(features.fitTerms(real, plain.withClassWeight(ClassWeight.BALANCED)), held, rare, 0));
        for (Map.Entry<String, List<String>> setting : settings.entrySet()) {
          MedSynConfig config = config(setting.getValue(), train, trainPath, fold, setting.getKey());
          RunContext context = new RunContext(config, spark);
          for (Stage<?> stage : Stages.all()) {
            if (!stage.name().equals("evaluate") && stage.run(context) instanceof QualitySummary summary) {
              realism(lines, fold, setting.getKey(), summary);
            }
          }
          Dataset<Row> notes = Corpora.notes(spark.read().parquet(context.layout().qualityNotes()),
              config.evaluate().depth()).select("id", "text", "code");
          IcdClassifier classifier = new IcdClassifier(config.evaluate().classifier(), fold);
          Dataset<Row> synthetic = classifier.terms(notes.withColumn(IcdClassifier.SYNTHETIC, lit(true)))
              .persist(StorageLevel.MEMORY_AND_DISK());
          long count = synthetic.count();
          TrainedClassifier model = classifier.fitTerms(real.unionByName(synthetic),
              FitSettings.of(config.evaluate().classifier()));
          record(results, lines, fold, setting.getKey(), score(model, held, rare, count));
          synthetic.unpersist();
        }
        real.unpersist();
      }
      folded.unpersist();
      lines.add(String.format("mean of %d of %d folds (cross-validation on RuMedTop3 train; validation folds real"
          + " only; rare = rarest third of codes by training-fold frequency):", run, folds));
      results.forEach((name, figures) -> lines.add(Figures.mean(figures).line(name)));
      return lines;
    }

    /** The setting's configuration for one fold: ExperimentCommand's inputs, with the fold's notes as TRAIN. */
    private MedSynConfig config(List<String> overrides, Dataset<Row> train, String trainPath, int fold,
        String name) {
      List<String> codes = new ArrayList<>(new TreeSet<>(train.select("code").distinct().as(Encoders.STRING())
          .collectAsList()));
      List<String> all = new ArrayList<>(List.of("sample.n=" + perCode * codes.size(),
          "mkg.codes=[" + String.join(",", codes) + "]", "sample.examples.path=" + trainPath,
          "sample.examples.format=jsonl", "sample.examples.split=train", "evaluate.train.path=" + trainPath,
          "output=" + scratch.resolve("fold-" + fold + "-" + name.replaceAll("[^A-Za-z0-9._-]", "_")),
          "spark.master=local[2]"));
      all.addAll(overrides);
      return ConfigLoader.load(null, all);
    }

    private static Figures score(TrainedClassifier model, Dataset<Row> held, Set<String> rare, long synthetic) {
      Scorer scorer = new Scorer(model.predict(held));
      return new Figures(100 * scorer.hitAt(1), 100 * scorer.hitAt(3), 100 * scorer.macroF1(),
          100 * scorer.scores(null, rare).hit1(), synthetic);
    }

    /**
     * The fold's realism beside its scores, since a generator setting is judged by how real its notes read as well
     * as by what they give the classifier: the discriminator's AUC, the lengths against the real notes' and the real
     * word forms the notes use.
     */
    private static void realism(List<String> lines, int fold, String name, QualitySummary summary) {
      Realism r = summary.realism();
      String line = r == null ? String.format("fold %d %s realism: none (%d passing)", fold, name, summary.passed())
          : String.format("fold %d %s realism: AUC %.3f ± %.3f  median %.0f (real %.0f)  length KS %.3f  word forms"
              + " %.1f %%  (%d passing)", fold, name, r.discriminatorAuc(), r.discriminatorAucSd(),
              r.syntheticMedianChars(), r.realMedianChars(), r.lengthKs(), 100 * r.vocabularyCoverage(),
              summary.passed());
      lines.add(line);
      System.err.println(line);
    }

    private static void record(Map<String, List<Figures>> results, List<String> lines, int fold, String name,
        Figures figures) {
      results.computeIfAbsent(name, n -> new ArrayList<>()).add(figures);
      String line = figures.line("fold " + fold + " " + name);
      lines.add(line);
      System.err.println(line);
    }
  }
}
