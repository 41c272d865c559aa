package io.medsyn.evaluate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;

import io.medsyn.classify.CodeScore;
import io.medsyn.classify.FitSettings;
import io.medsyn.classify.IcdClassifier;
import io.medsyn.classify.Predictions;
import io.medsyn.classify.Scorer;
import io.medsyn.classify.Scores;
import io.medsyn.classify.TrainedClassifier;
import io.medsyn.classify.TrainingFeatures;
import io.medsyn.config.ClassWeight;
import io.medsyn.config.ClassifierConfig;
import io.medsyn.config.EvaluateConfig;
import io.medsyn.config.SelectBy;
import io.medsyn.evaluate.EvaluationResult.CellRow;
import io.medsyn.evaluate.EvaluationResult.ChangeRow;
import io.medsyn.evaluate.EvaluationResult.CodeRow;
import io.medsyn.evaluate.EvaluationResult.GroupRow;
import io.medsyn.evaluate.EvaluationResult.PredictionRow;
import io.medsyn.evaluate.EvaluationResult.RankedCode;
import io.medsyn.evaluate.EvaluationResult.RunRow;
import io.medsyn.evaluate.EvaluationResult.SelectionRow;
import io.medsyn.evaluate.EvaluationResult.UnseenRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MedSyn's mixture experiment: for each cell of the grid and each seed, train the classifier on a stratified share
 * of the real training notes plus a stratified share of the synthetic notes, score it on the evaluation notes, and
 * compare every cell with the real-only controls (plain and class-weighted): each augmented cell against the control
 * stronger on the metric at hand, so that augmentation is not credited with what class weighting alone gives.
 * Inputs are {@link Corpora} tables (id, text, code, example_id). Every note's n-gram terms are computed once and
 * reused by every fit and every prediction.
 */
public final class Experiment {
  public static final String RARE = "rare";
  public static final String MIDDLE = "middle";
  public static final String FREQUENT = "frequent";
  private static final Logger LOG = LoggerFactory.getLogger(Experiment.class);
  private static final Map<String, ToDoubleFunction<Scores>> METRICS = metrics();

  private final EvaluateConfig config;
  private final long seed;

  public Experiment(EvaluateConfig config, long seed) {
    this.config = config;
    this.seed = seed;
    // An unknown model name fails here, before any data is read.
    new IcdClassifier(config.classifier(), seed);
  }

  /** One cell of the grid under every seed: what was fitted and how it scored. */
  private record CellRuns(Cell cell, List<RunRow> rows, List<Scorer> scorers, List<PredictionRow> predictions) {}

  /** The corpora as terms, computed once: real training, evaluation and synthetic notes. */
  private record Terms(Dataset<Row> real, Dataset<Row> held, Dataset<Row> synth) {}

  /**
   * Runs the grid. {@code synthetic} may be empty (no generation yet): then only the real-share cells run.
   *
   * @param evalSource how to describe the evaluation corpus in the result
   * @param syntheticSource how to describe the synthetic corpus in the result
   * @throws LeakageException when a synthetic note's example note is an evaluation note, or an evaluation note is
   *     also a training note
   */
  public EvaluationResult run(Dataset<Row> train, Dataset<Row> eval, Dataset<Row> synthetic, String evalSource,
      String syntheticSource) {
    LeakageGuard.check(synthetic, eval);
    LeakageGuard.checkDisjoint(train, eval);
    IcdClassifier features = new IcdClassifier(config.classifier(), seed);
    Terms terms = new Terms(terms(features, train, false), terms(features, eval, false),
        terms(features, synthetic, true));
    try {
      Map<String, Long> frequency = counts(terms.real());
      long syntheticNotes = terms.synth().count();
      long evalNotes = terms.held().count();
      Map<String, String> groups = frequencyGroups(frequency, counts(terms.held()).keySet());
      List<SelectionRow> selection = new ArrayList<>();
      Chosen settings = select(features, terms, codesOf(frequencyGroups(frequency, Set.of()), RARE),
          syntheticNotes > 0, selection);
      List<CellRuns> runs = fitCells(cells(syntheticNotes > 0, settings.mixtures().classWeight()), settings, terms);
      return summarise(runs, frequency, groups, frequency.values().stream().mapToLong(Long::longValue).sum(),
          evalNotes, syntheticNotes, evalSource, syntheticSource, selection);
    } finally {
      terms.real().unpersist();
      terms.held().unpersist();
      terms.synth().unpersist();
    }
  }

  private static Dataset<Row> terms(IcdClassifier features, Dataset<Row> notes, boolean synthetic) {
    return features.terms(notes.select(col("id"), col("text"), col("code"),
        lit(synthetic).as(IcdClassifier.SYNTHETIC))).drop("text").persist(StorageLevel.MEMORY_AND_DISK());
  }

  /** The real-only controls' class weightings, plain first. */
  private static final List<ClassWeight> CONTROLS = List.of(ClassWeight.NONE, ClassWeight.BALANCED);

  /** The settings of each real-only control, by class weighting, and of the mixtures. */
  private record Chosen(Map<ClassWeight, FitSettings> controls, FitSettings mixtures) {}

  /**
   * The settings of each control and of the mixtures: the first candidates, or, where several are configured,
   * those cross-validation on the real training notes picks (the controls by Hit@1, the class-weighted one without a
   * prior shift; the mixtures by
   * evaluate.classifier.select_by, which may compare them with the controls on the same folds). A mixture
   * candidate takes the L2 strength of the control of its class weighting, else the plain control's. The controls
   * share their folds and each fold's features. Selection rows go to {@code rows}.
   *
   * @param rare the rarest third of the training codes
   */
  private Chosen select(IcdClassifier classifier, Terms terms, Set<String> rare, boolean haveSynthetic,
      List<SelectionRow> rows) {
    ClassifierConfig c = config.classifier();
    SelectBy rank = c.ranking();
    ModelSelection selection = new ModelSelection(classifier, c.cvFolds(), seed, rare);
    boolean chooseMixtures = haveSynthetic
        && c.classWeights().size() * c.syntheticWeights().size() * c.priorShifts().size() > 1;
    Map<ClassWeight, FitSettings> controls = new LinkedHashMap<>();
    Map<ClassWeight, List<FitSettings>> toChoose = new LinkedHashMap<>();
    for (ClassWeight weight : CONTROLS) {
      // The class-weighted control shows what weighting alone gives, so it keeps its probabilities unshifted.
      List<Double> shifts = weight == ClassWeight.NONE ? c.priorShifts() : List.of(0.0);
      FitSettings first = FitSettings.of(c).withClassWeight(weight).withPriorShift(shifts.get(0));
      controls.put(weight, first);
      if (c.regParams().size() * shifts.size() > 1 || chooseMixtures && rank.needsControls()) {
        List<FitSettings> candidates = new ArrayList<>();
        c.regParams().forEach(r -> shifts.forEach(t -> candidates.add(new FitSettings(r, weight,
            first.syntheticWeight(), t))));
        toChoose.put(weight, candidates);
      }
    }
    List<double[]> controlFigures = new ArrayList<>();
    if (!toChoose.isEmpty()) {
      List<ModelSelection.Choice> choices = selection.chooseEach("real only", List.copyOf(toChoose.values()),
          terms.real(), null, SelectBy.HIT1, List.of());
      int i = 0;
      for (ClassWeight weight : toChoose.keySet()) {
        ModelSelection.Choice choice = choices.get(i++);
        rows.addAll(choice.rows());
        controls.put(weight, choice.settings());
        controlFigures.add(choice.figures());
      }
    }
    List<FitSettings> candidates = new ArrayList<>();
    for (ClassWeight weight : c.classWeightings()) {
      double regParam = controls.getOrDefault(weight, controls.get(ClassWeight.NONE)).regParam();
      c.syntheticWeights().forEach(w -> c.priorShifts().forEach(t -> candidates.add(new FitSettings(regParam, weight,
          w, t))));
    }
    FitSettings mixtures = candidates.get(0);
    if (chooseMixtures) {
      ModelSelection.Choice choice = selection.choose("real + synthetic", candidates, terms.real(), terms.synth(),
          rank, controlFigures);
      rows.addAll(choice.rows());
      mixtures = choice.settings();
    }
    LOG.info("settings: controls {}, mixtures {}", controls, mixtures);
    return new Chosen(controls, mixtures);
  }

  /** The grid's cells: the two real-only controls (plain first), then the mixtures, weighted by {@code weight}. */
  List<Cell> cells(boolean haveSynthetic, ClassWeight weight) {
    List<Cell> cells = new ArrayList<>();
    for (ClassWeight w : CONTROLS) {
      cells.add(Cell.of(1, 0, w));
    }
    for (double r : config.grid().realShares()) {
      for (double s : config.grid().syntheticShares()) {
        Cell cell = Cell.of(r, s, weight);
        if (!cell.control() && (s == 0 || haveSynthetic)) {
          cells.add(cell);
        }
      }
    }
    if (config.grid().syntheticOnly() && haveSynthetic) {
      cells.add(Cell.of(0, 1, weight));
    }
    return cells;
  }

  /** One fit of the grid: a cell under one seed. */
  private record Run(Cell cell, long seed) {}

  /**
   * Fits every cell under each of its seeds. Runs that share a real part (a real share and a seed) share its features
   * when synthetic notes cannot move the vocabulary ({@code features_from: real}): the features of that real part
   * and every synthetic note are computed once, and each run keeps the synthetic notes of its share; its model is the
   * one those notes give alone.
   */
  private List<CellRuns> fitCells(List<Cell> cells, Chosen settings, Terms terms) {
    boolean share = config.classifier().featuresFrom().equals("real");
    Map<List<Object>, List<Run>> byRealPart = new LinkedHashMap<>();
    Map<Cell, CellRuns> runs = new LinkedHashMap<>();
    for (Cell cell : cells) {
      runs.put(cell, new CellRuns(cell, new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
      for (int r = 0; r < (cell.seeded() ? config.repeats() : 1); r++) {
        List<Object> key = share && cell.realShare() > 0 ? List.of(cell.realShare(), seed + r)
            : List.of(cell, seed + r);
        byRealPart.computeIfAbsent(key, k -> new ArrayList<>()).add(new Run(cell, seed + r));
      }
    }
    for (List<Run> group : byRealPart.values()) {
      Run first = group.get(0);
      Dataset<Row> realPart = Stratified.sample(terms.real(), first.cell().realShare(), first.seed());
      Dataset<Row> synthetic = group.size() == 1
          ? Stratified.sample(terms.synth(), first.cell().syntheticShare(), first.seed()) : terms.synth();
      IcdClassifier classifier = new IcdClassifier(config.classifier(), first.seed());
      try (TrainingFeatures features = classifier.features(realPart.unionByName(synthetic))) {
        for (Run run : group) {
          Cell cell = run.cell();
          FitSettings fit = cell.control() ? settings.controls().get(cell.classWeight()) : settings.mixtures();
          Dataset<Row> synthPart = group.size() == 1 ? synthetic
              : Stratified.sample(terms.synth(), cell.syntheticShare(), run.seed());
          fitRun(run, fit, features, realPart.count(), group.size() == 1 ? lit(true) : keeping(synthPart),
              synthPart.count(), terms.held(), runs.get(cell));
        }
      }
    }
    return List.copyOf(runs.values());
  }

  /** The rows of every real note and of the synthetic notes in {@code synthPart}. */
  private static Column keeping(Dataset<Row> synthPart) {
    List<String> ids = synthPart.select("id").as(Encoders.STRING()).collectAsList();
    return not(col(IcdClassifier.SYNTHETIC)).or(col("id").isInCollection(ids));
  }

  private void fitRun(Run run, FitSettings settings, TrainingFeatures features, long realCount, Column keep,
      long synthCount, Dataset<Row> held, CellRuns into) {
    Cell cell = run.cell();
    LOG.info("{} (seed {}): training on {} real and {} synthetic notes", cell.name(), run.seed(), realCount,
        synthCount);
    TrainedClassifier model = features.fit(settings, keep);
    Predictions predicted = model.predictTerms(held);
    Scorer scorer = new Scorer(predicted);
    Scores all = scorer.scores();
    long unseen = scorer.unseenCodes().values().stream().mapToLong(Long::longValue).sum();
    into.rows().add(new RunRow(cell.name(), cell.realShare(), cell.syntheticShare(), run.seed(), realCount,
        synthCount, model.labels().size(), settings.regParam(), settings.classWeight().label(),
        settings.syntheticWeight(), settings.priorShift(), model.iterations(), model.maxIter(), model.converged(),
        model.trainSeconds(), all.hit1(), all.hit3(), all.macroF1(), unseen));
    into.scorers().add(scorer);
    for (int i = 0; i < predicted.size(); i++) {
      List<RankedCode> top = new ArrayList<>();
      for (int k = 0; k < predicted.topCodes()[i].length; k++) {
        top.add(new RankedCode(predicted.topCodes()[i][k], predicted.topProbabilities()[i][k]));
      }
      into.predictions().add(new PredictionRow(cell.name(), run.seed(), predicted.ids().get(i), predicted.truth()[i],
          top));
    }
  }

  private EvaluationResult summarise(List<CellRuns> runs, Map<String, Long> frequency, Map<String, String> groups,
      long trainNotes, long evalNotes, long syntheticNotes, String evalSource, String syntheticSource,
      List<SelectionRow> selection) {
    List<CellRuns> controls = runs.stream().filter(r -> r.cell().control()).toList();
    CellRuns baseline = controls.get(0);
    Map<String, Set<String>> scopes = new LinkedHashMap<>();
    scopes.put("all", null);
    scopes.put(RARE, codesOf(groups, RARE));
    scopes.put(FREQUENT, codesOf(groups, FREQUENT));
    Bootstrap bootstrap = new Bootstrap(config.bootstrap(), seed);
    Map<String, CodeScore> baselineCodes = meanPerCode(baseline.scorers());
    List<CellRow> cells = new ArrayList<>();
    List<GroupRow> groupRows = new ArrayList<>();
    List<ChangeRow> changes = new ArrayList<>();
    List<CodeRow> perCode = new ArrayList<>();
    List<UnseenRow> unseen = new ArrayList<>();
    List<RunRow> runRows = new ArrayList<>();
    List<PredictionRow> predictions = new ArrayList<>();
    for (CellRuns done : runs) {
      Cell c = done.cell();
      runRows.addAll(done.rows());
      predictions.addAll(done.predictions());
      List<Scores> all = done.scorers().stream().map(Scorer::scores).toList();
      cells.add(new CellRow(c.name(), c.realShare(), c.syntheticShare(), c.classWeight().label(),
          done.rows().get(0).priorShift(), done.rows().size(), done.rows().get(0).trainReal(),
          done.rows().get(0).trainSynthetic(),
          mean(all, Scores::hit1), sd(all, Scores::hit1), mean(all, Scores::hit3), sd(all, Scores::hit3),
          mean(all, Scores::macroF1), sd(all, Scores::macroF1),
          done.rows().stream().mapToDouble(RunRow::trainSeconds).average().orElse(0)));
      for (String group : List.of(RARE, FREQUENT)) {
        Set<String> codes = scopes.get(group);
        List<Scores> in = done.scorers().stream().map(s -> s.scores(null, codes)).toList();
        groupRows.add(new GroupRow(c.name(), c.realShare(), c.syntheticShare(), group, codes.size(),
            in.get(0).notes(), mean(in, Scores::hit1), sd(in, Scores::hit1), mean(in, Scores::hit3),
            sd(in, Scores::hit3), mean(in, Scores::macroF1), sd(in, Scores::macroF1)));
      }
      for (Map.Entry<String, Set<String>> scope : scopes.entrySet()) {
        for (Map.Entry<String, ToDoubleFunction<Scores>> metric : METRICS.entrySet()) {
          CellRuns against = c.control() ? baseline : stronger(controls, scope.getValue(), metric.getValue());
          Bootstrap.Interval change = done == baseline ? new Bootstrap.Interval(0, 0, 0)
              : bootstrap.change(done.scorers(), against.scorers(), scope.getValue(), metric.getValue());
          changes.add(new ChangeRow(c.name(), c.realShare(), c.syntheticShare(), scope.getKey(), metric.getKey(),
              against.cell().name(), change.change(), change.low(), change.high()));
        }
      }
      for (CodeScore code : meanPerCode(done.scorers()).values()) {
        CodeScore base = baselineCodes.getOrDefault(code.code(), new CodeScore(code.code(), 0, 0, 0, 0, 0, 0));
        perCode.add(new CodeRow(c.name(), c.realShare(), c.syntheticShare(), code.code(),
            frequency.getOrDefault(code.code(), 0L), groups.getOrDefault(code.code(), RARE), code.support(),
            code.precision(), code.recall(), code.f1(), code.hit1(), code.hit3(), code.f1() - base.f1(),
            code.hit1() - base.hit1()));
      }
      Map<String, Long> unseenCodes = new TreeMap<>();
      done.scorers().forEach(s -> unseenCodes.putAll(s.unseenCodes()));
      unseenCodes.forEach((code, notes) -> unseen.add(new UnseenRow(c.name(), c.realShare(), c.syntheticShare(),
          code, notes)));
    }
    return new EvaluationResult(config.depth(), trainNotes, evalNotes, syntheticNotes, evalSource,
        syntheticSource, baseline.cell().name(), controls.stream().map(r -> r.cell().name()).toList(), cells,
        groupRows, changes, perCode, unseen, runRows, selection, predictions);
  }

  /** The control with the higher mean of {@code metric} on the notes of {@code scope} (the plain one on a tie). */
  private static CellRuns stronger(List<CellRuns> controls, Set<String> scope, ToDoubleFunction<Scores> metric) {
    CellRuns best = controls.get(0);
    for (CellRuns control : controls) {
      if (meanOn(control, scope, metric) > meanOn(best, scope, metric)) {
        best = control;
      }
    }
    return best;
  }

  private static double meanOn(CellRuns runs, Set<String> scope, ToDoubleFunction<Scores> metric) {
    return mean(runs.scorers().stream().map(s -> s.scores(null, scope)).toList(), metric);
  }

  /**
   * Codes ranked by real training frequency (then code), cut in thirds: {@code rare}, {@code middle},
   * {@code frequent}. Evaluation codes that training never saw count as frequency 0, hence rare.
   */
  public static Map<String, String> frequencyGroups(Map<String, Long> frequency, Set<String> evalCodes) {
    Set<String> codes = new TreeSet<>(frequency.keySet());
    codes.addAll(evalCodes);
    List<String> ranked = codes.stream().sorted(Comparator.<String>comparingLong(c -> frequency.getOrDefault(c, 0L))
        .thenComparing(Comparator.naturalOrder())).toList();
    int third = ranked.size() / 3;
    Map<String, String> groups = new LinkedHashMap<>();
    for (int i = 0; i < ranked.size(); i++) {
      groups.put(ranked.get(i), i < third ? RARE : i >= ranked.size() - third ? FREQUENT : MIDDLE);
    }
    return groups;
  }

  private static Set<String> codesOf(Map<String, String> groups, String group) {
    Set<String> codes = new TreeSet<>();
    groups.forEach((code, g) -> {
      if (g.equals(group)) {
        codes.add(code);
      }
    });
    return codes;
  }

  private static Map<String, Long> counts(Dataset<Row> notes) {
    Map<String, Long> counts = new HashMap<>();
    for (Row row : notes.groupBy(col("code")).count().collectAsList()) {
      counts.put(row.getString(0), row.getLong(1));
    }
    return counts;
  }

  /** Per-code figures averaged over runs; a code absent from a run counts as zeros there. */
  private static Map<String, CodeScore> meanPerCode(List<Scorer> scorers) {
    Map<String, double[]> sums = new TreeMap<>();
    Map<String, Long> support = new HashMap<>();
    for (Scorer scorer : scorers) {
      for (CodeScore s : scorer.perCode()) {
        double[] sum = sums.computeIfAbsent(s.code(), k -> new double[5]);
        sum[0] += s.precision();
        sum[1] += s.recall();
        sum[2] += s.f1();
        sum[3] += s.hit1();
        sum[4] += s.hit3();
        support.put(s.code(), s.support());
      }
    }
    int n = scorers.size();
    Map<String, CodeScore> means = new LinkedHashMap<>();
    sums.forEach((code, sum) -> means.put(code, new CodeScore(code, support.get(code), sum[0] / n, sum[1] / n,
        sum[2] / n, sum[3] / n, sum[4] / n)));
    return means;
  }

  private static double mean(List<Scores> scores, ToDoubleFunction<Scores> metric) {
    return scores.stream().mapToDouble(metric).average().orElse(0);
  }

  /** Sample standard deviation (0 for a single run). */
  private static double sd(List<Scores> scores, ToDoubleFunction<Scores> metric) {
    if (scores.size() < 2) {
      return 0;
    }
    double mean = mean(scores, metric);
    double squares = scores.stream().mapToDouble(s -> Math.pow(metric.applyAsDouble(s) - mean, 2)).sum();
    return Math.sqrt(squares / (scores.size() - 1));
  }

  private static Map<String, ToDoubleFunction<Scores>> metrics() {
    Map<String, ToDoubleFunction<Scores>> metrics = new LinkedHashMap<>();
    metrics.put("hit1", Scores::hit1);
    metrics.put("hit3", Scores::hit3);
    metrics.put("macro_f1", Scores::macroF1);
    return metrics;
  }
}
