package io.medsyn.notebooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.medsyn.config.ConfigLoader;
import io.medsyn.evaluate.EvaluateStage;
import io.medsyn.quality.QualityStage;
import io.medsyn.stage.RunContext;
import io.medsyn.table.Layout;
import io.medsyn.testing.Processes;
import io.medsyn.testing.SmallRun;
import io.medsyn.testing.TestSpark;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.io.FileUtils;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every notebook in notebooks/ executes headlessly (jupyter-nbconvert) on a small run that this test writes, with
 * no cell failing and every chart drawn: the shared small run with a small real evaluation of its notes added, so
 * that the experiment notebook has figures to show. `make test` installs the Debian packages it needs (make
 * notebook-tools).
 */
class NotebooksTest {
  private static final Path NOTEBOOKS = Path.of("notebooks");
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The mixture the experiment notebook's per-code section looks at: all real notes plus all synthetic ones. */
  private static final String FOCUS = "real 100% + synthetic 100%";

  @TempDir
  static Path dir;
  static Layout run;

  @BeforeAll
  static void writeRun() throws IOException {
    // A copy: the shared run is read by other tests, and the evaluation is written under the run's root.
    Path root = dir.resolve("run");
    FileUtils.copyDirectory(Path.of(SmallRun.shared().root()).toFile(), root.toFile());
    run = new Layout(root.toString());
    rejectTheShortestNotes(run);
    evaluate(run);
  }

  /**
   * The quality stage again on the copy, with a floor of 200 characters: the small run's notes all pass the
   * default one, and the notebook's rejected-note sections need rejections to show.
   */
  private static void rejectTheShortestNotes(Layout layout) {
    List<String> settings = new ArrayList<>(SmallRun.OVERRIDES);
    settings.addAll(List.of("output=" + layout.root(), "quality.min_chars=200"));
    new QualityStage().run(new RunContext(ConfigLoader.load(null, settings), TestSpark.session()));
  }

  /**
   * The evaluate stage on the run's own notes against a tiny real corpus in RuMedTop3's form, each task's
   * complaints as a patient's note: real training has 10, 6 and 3 notes of I10, I11 and J06 and none of E11 (so
   * the codes have rare and frequent thirds, and the synthetic notes bring a code real training lacks); the
   * evaluation split is the last 5 tasks of each code. One seed, three cells, a few iterations.
   */
  private static void evaluate(Layout layout) {
    SparkSession spark = TestSpark.session();
    Dataset<Row> complaints = spark.read().parquet(layout.tasks()).selectExpr("concat('real-', task_id) AS idx",
        "concat('Жалобы: ', array_join(transform(symptoms, s -> s.ru), ', ')) AS symptoms", "code",
        "row_number() OVER (PARTITION BY code ORDER BY task_id) AS k");
    String train = dir.resolve("real/train").toString();
    String dev = dir.resolve("real/dev").toString();
    complaints.where("k <= CASE code WHEN 'I10' THEN 10 WHEN 'I11' THEN 6 WHEN 'J06' THEN 3 ELSE 0 END")
        .drop("k").coalesce(1).write().json(train);
    complaints.where("k > 10").drop("k").coalesce(1).write().json(dev);
    List<String> settings = new ArrayList<>(SmallRun.OVERRIDES);
    settings.addAll(List.of("output=" + layout.root(), "evaluate.train.path=" + train, "evaluate.eval.path=" + dev,
        "evaluate.grid.real_shares=[1.0]", "evaluate.grid.synthetic_shares=[0.0, 1.0]", "evaluate.repeats=1",
        "evaluate.bootstrap=200", "evaluate.classifier.max_iter=5", "evaluate.classifier.num_features=3000",
        "evaluate.classifier.min_df=1", "evaluate.classifier.char_ngrams.max=5"));
    new EvaluateStage().run(new RunContext(ConfigLoader.load(null, settings), spark)).orElseThrow();
  }

  static Stream<Path> notebooks() throws IOException {
    try (Stream<Path> files = Files.list(NOTEBOOKS)) {
      return files.filter(f -> f.toString().endsWith(".ipynb")).sorted().toList().stream();
    }
  }

  @Test
  void theCorpusOverviewAndTheExperimentResultsAreAmongTheNotebooks() throws IOException {
    assertThat(notebooks().map(p -> p.getFileName().toString()))
        .contains("corpus_overview.ipynb", "experiment_results.ipynb");
  }

  @ParameterizedTest
  @MethodSource("notebooks")
  void notebookRunsHeadlesslyOnASmallRunAndDrawsEveryChart(Path notebook) throws IOException {
    List<String> texts = new ArrayList<>();
    for (JsonNode cell : execute(notebook, run, "executed")) {
      String source = text(cell.get("source"));
      assertThat(cell.get("outputs")).as("outputs of cell:%n%s", source).isNotEmpty();
      boolean drawn = false;
      for (JsonNode output : cell.get("outputs")) {
        assertThat(output.get("output_type").asText()).as("cell:%n%s%nfailed: %s", source, output)
            .isNotEqualTo("error");
        drawn |= output.path("data").has("image/png");
        texts.add(text(output.path("text")) + text(output.path("data").path("text/plain")));
      }
      assertThat(drawn).as("a chart from cell:%n%s", source).isEqualTo(source.contains("plt.show()"));
    }
    String all = String.join("\n", texts);
    switch (notebook.getFileName().toString()) {
      case "corpus_overview.ipynb" -> corpusOverviewShowsTheRun(all);
      case "experiment_results.ipynb" -> experimentResultsShowTheEvaluation(all);
    }
  }

  @Test
  void theExperimentNotebookSaysHowToEvaluateARunThatHasNoEvaluation() throws IOException {
    Layout plain = SmallRun.shared();
    List<String> texts = new ArrayList<>();
    for (JsonNode cell : execute(NOTEBOOKS.resolve("experiment_results.ipynb"), plain, "without-evaluation")) {
      for (JsonNode output : cell.get("outputs")) {
        assertThat(output.get("output_type").asText()).as("failed: %s", output).isNotEqualTo("error");
        assertThat(output.path("data").has("image/png")).as("a chart without an evaluation").isFalse();
        texts.add(text(output.path("text")));
      }
    }
    assertThat(String.join("\n", texts)).contains("This run has no evaluation")
        .contains("jobs/evaluate.sh -- --output " + plain.root())
        .contains("--set evaluate.train.path=PATH/train.jsonl --set evaluate.eval.path=PATH/dev.jsonl");
  }

  /** The summary's row counts, and the notes, cost, failure and quality figures, as the Parquet tables have them. */
  private static void corpusOverviewShowsTheRun(String all) {
    SparkSession spark = TestSpark.session();
    for (Map.Entry<String, String> table : run.tables().entrySet()) {
      long rows = spark.read().parquet(table.getValue()).count();
      assertThat(all).as("the summary names %s with its %d rows", table.getKey(), rows)
          .containsPattern("\n" + table.getKey() + " +" + rows + " ");
    }
    assertThat(all).contains("tasks per code: min 15, mean 15.0, max 15");

    Dataset<Row> notes = spark.read().parquet(run.notes());
    long ok = notes.where("status = 'ok'").count();
    long failed = notes.where("status = 'failed'").count();
    Row usage = notes.selectExpr("sum(prompt_tokens)", "sum(completion_tokens)", "count(prompt_tokens)",
        "sum(cost_usd)").first();
    assertThat(all).contains(String.format("notes: %d (%d ok, %d failed)", ok + failed, ok, failed))
        .contains(String.format(Locale.ROOT, "tokens: %,d prompt + %,d completion over %,d notes", usage.getLong(0),
            usage.getLong(1), usage.getLong(2)))
        .contains(String.format("failed notes: %d of %d", failed, ok + failed));
    // The offline backend charges nothing: the notebook says why the cost is 0 instead of dividing by it.
    assertThat(usage.getDouble(3)).isZero();
    assertThat(all).contains("cost: none recorded (offline)");

    Dataset<Row> quality = spark.read().parquet(run.qualityNotes());
    long passed = quality.where("quality_pass").count();
    long scored = quality.count();
    assertThat(all).contains(String.format(Locale.ROOT, "quality: %d of %d notes pass (%.1f%%)", passed, scored,
        100.0 * passed / scored));
    List<Row> rejected = quality.where("NOT quality_pass").selectExpr("task_id", "code",
        "array_join(reject_reasons, ', ')", "row_number() OVER (PARTITION BY reject_reasons[0] ORDER BY task_id) AS k")
        .where("k = 1").collectAsList();
    assertThat(rejected).as("the small run has rejected notes to show").isNotEmpty();
    for (Row note : rejected) {
      assertThat(all).contains(String.format("task %d · %s · rejected: %s", note.getLong(0), note.getString(1),
          note.getString(2)));
    }
  }

  /** The grid, the changes against real-only and the per-code changes, as the evaluation's Parquet tables have them. */
  private static void experimentResultsShowTheEvaluation(String all) {
    SparkSession spark = TestSpark.session();
    List<Row> cells = spark.read().parquet(run.evaluation("cells")).collectAsList();
    assertThat(cells).extracting(c -> c.<String>getAs("cell"))
        .containsExactly("real 100% + synthetic 0%", FOCUS, "synthetic only");
    for (Row c : cells) {
      assertThat(all).containsPattern(Pattern.quote(c.<String>getAs("cell")) + " +" + c.getAs("runs") + " +"
          + c.getAs("train_real") + " +" + c.getAs("train_synthetic") + " +" + meanSd(c, "hit1") + " +"
          + meanSd(c, "hit3") + " +" + meanSd(c, "macro_f1"));
    }

    Dataset<Row> changes = spark.read().parquet(run.evaluation("changes"));
    for (String cell : List.of(FOCUS, "synthetic only")) {
      StringBuilder row = new StringBuilder(Pattern.quote(cell));
      for (String metric : List.of("hit1", "hit3", "macro_f1")) {
        Row change = changes.where(String.format("cell = '%s' AND scope = 'all' AND metric = '%s'", cell, metric))
            .first();
        row.append(" +").append(Pattern.quote(percent(change.getAs("change"), true) + " ["
            + percent(change.getAs("ci_low"), true) + ", " + percent(change.getAs("ci_high"), true) + "]"));
      }
      assertThat(all).containsPattern(row.toString());
    }

    Dataset<Row> perCode = spark.read().parquet(run.evaluation("per_code"));
    Dataset<Row> focus = perCode.where("cell = '" + FOCUS + "'");
    assertThat(all).contains(String.format("%s against real 100%% + synthetic 0%%: F1 up on %d codes, down on %d,"
        + " unchanged on %d", FOCUS, focus.where("f1_change > 0").count(), focus.where("f1_change < 0").count(),
        focus.where("f1_change = 0").count()));
    // The largest gain: the code that real training lacks and the synthetic notes bring.
    Row gain = focus.orderBy(focus.col("f1_change").desc()).first();
    assertThat(gain.<String>getAs("code")).isEqualTo("E11");
    Row before = perCode.where("cell = 'real 100% + synthetic 0%' AND code = 'E11'").first();
    // Its row of the top gains: code, group, real training notes, evaluation notes, F1 before and after, changes.
    assertThat(all).containsPattern("\n" + Stream.<Object>of("E11", gain.getAs("frequency_group"),
            gain.<Object>getAs("train_frequency"), gain.<Object>getAs("support"), percent(before.getAs("f1"), false),
            percent(gain.getAs("f1"), false), percent(gain.getAs("f1_change"), false),
            percent(gain.getAs("hit1_change"), false))
        .map(v -> Pattern.quote(String.valueOf(v))).collect(Collectors.joining(" +")));
  }

  /** A cell's metric as the notebook shows it: mean ± sd in percent. */
  private static String meanSd(Row cell, String metric) {
    return Pattern.quote(percent(cell.getAs(metric + "_mean"), false) + " ± "
        + percent(cell.getAs(metric + "_sd"), false));
  }

  /** A fraction in percent to one decimal, rounded as Python's format() does (half-even on the exact double). */
  private static String percent(double fraction, boolean signed) {
    BigDecimal value = new BigDecimal(100 * fraction).setScale(1, RoundingMode.HALF_EVEN);
    return (signed && value.signum() >= 0 ? "+" : "") + value.toPlainString();
  }

  /** Executes a notebook on a run and returns its code cells with their outputs. */
  private static List<JsonNode> execute(Path notebook, Layout on, String outputDir) throws IOException {
    Processes.Result tools = Processes.run(List.of("sh", "-c", "command -v jupyter-nbconvert"), Map.of(),
        Duration.ofSeconds(10));
    assertThat(tools.exit()).as("jupyter-nbconvert is missing: `make notebook-tools` installs it with pandas,"
        + " matplotlib and JPype (Debian packages)").isZero();
    Path executed = dir.resolve(outputDir);
    Processes.Result result = Processes.run(List.of("jupyter-nbconvert", "--to", "notebook", "--execute",
            "--ExecutePreprocessor.timeout=300", "--output-dir", executed.toString(), notebook.toString()),
        Map.of("MEDSYN_OUTPUT", on.root(), "PYDEVD_DISABLE_FILE_VALIDATION", "1"), Duration.ofMinutes(6));
    assertThat(result.exit()).as(result.output()).isZero();
    List<JsonNode> cells = new ArrayList<>();
    for (JsonNode cell : JSON.readTree(executed.resolve(notebook.getFileName()).toFile()).get("cells")) {
      if (cell.get("cell_type").asText().equals("code")) {
        cells.add(cell);
      }
    }
    return cells;
  }

  private static String text(JsonNode node) {
    if (node.isArray()) {
      StringBuilder joined = new StringBuilder();
      node.forEach(line -> joined.append(line.asText()));
      return joined.toString();
    }
    return node.isMissingNode() ? "" : node.asText();
  }
}
