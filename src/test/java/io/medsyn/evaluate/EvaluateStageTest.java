package io.medsyn.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.medsyn.config.ConfigLoader;
import io.medsyn.config.MedSynConfig;
import io.medsyn.evaluate.EvaluateStage;
import io.medsyn.evaluate.EvaluationResult.CellRow;
import io.medsyn.evaluate.EvaluationResult.ChangeRow;
import io.medsyn.evaluate.EvaluationResult.GroupRow;
import io.medsyn.evaluate.EvaluationResult.RunRow;
import io.medsyn.evaluate.EvaluationResult.SelectionRow;
import io.medsyn.evaluate.EvaluationResult.UnseenRow;
import io.medsyn.quality.QualitySummary;
import io.medsyn.quality.Realism;
import io.medsyn.stage.RunContext;
import io.medsyn.table.Layout;
import io.medsyn.testing.TestSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The evaluate stage end to end on small fixtures, through {@link EvaluateStage}: real train and dev corpora
 * as JSON Lines, the notes table as Parquet. The dev split has a code (K29) that no real training note has, which
 * the synthetic notes do have.
 */
class EvaluateStageTest {
  @TempDir
  static Path dir;
  static EvaluationResult result;
  static Layout layout;
  static MedSynConfig config;

  @BeforeAll
  static void runTheStage() {
    Fixtures.real("train", 3, 8).withColumnRenamed("id", "idx").withColumnRenamed("text", "symptoms").coalesce(1)
        .write().json(dir.resolve("train").toString());
    Fixtures.real("dev", 4, 3).withColumnRenamed("id", "idx").withColumnRenamed("text", "symptoms").coalesce(1)
        .write().json(dir.resolve("dev").toString());
    Path notes = Fixtures.notes(dir, 4, 4, n -> "train-J06-" + (n % 8));
    config = ConfigLoader.load(null, List.of("output=" + dir.resolve("out"),
        "evaluate.train.path=" + dir.resolve("train"), "evaluate.eval.path=" + dir.resolve("dev"),
        "evaluate.synthetic.path=" + notes, "evaluate.grid.real_shares=[1.0]",
        "evaluate.grid.synthetic_shares=[0.0, 0.5, 1.0]", "evaluate.repeats=2", "evaluate.bootstrap=200",
        "evaluate.classifier.num_features=3000", "evaluate.classifier.char_ngrams.max=5",
        "evaluate.classifier.cv_folds=2", "evaluate.classifier.reg_params=[0.001, 0.01]",
        "evaluate.classifier.synthetic_weights=[0.5, 1.0]"));
    RunContext pipeline = new RunContext(config, TestSpark.session());
    layout = pipeline.layout();
    result = new EvaluateStage().run(pipeline).orElseThrow();
  }

  @Test
  void everyCellOfTheGridRunsUnderItsSeeds() {
    assertThat(result.cells()).extracting(CellRow::cell).containsExactly("real 100% + synthetic 0%",
        "real 100% + synthetic 0%, class-weighted", "real 100% + synthetic 50%", "real 100% + synthetic 100%",
        "synthetic only");
    assertThat(result.controls()).containsExactly("real 100% + synthetic 0%",
        "real 100% + synthetic 0%, class-weighted");
    assertThat(result.cells()).extracting(CellRow::classWeight).containsExactly("none", "balanced", "none", "none",
        "none");
    // Whole corpora do not depend on the seed: one fit; half of the synthetic notes: one fit per seed.
    assertThat(result.cells()).extracting(CellRow::runs).containsExactly(1, 1, 2, 1, 1);
    assertThat(result.cells()).extracting(CellRow::trainReal).containsExactly(24L, 24L, 24L, 24L, 0L);
    assertThat(result.cells()).extracting(CellRow::trainSynthetic).containsExactly(0L, 0L, 8L, 16L, 16L);
    assertThat(result.runs()).allSatisfy(r -> {
      assertThat(r.converged()).as("%s converged", r.cell()).isTrue();
      assertThat(r.iterations()).isBetween(1, r.maxIter() - 1);
    });
    assertThat(result.runs()).filteredOn(r -> r.cell().equals("real 100% + synthetic 50%"))
        .extracting(RunRow::seed).containsExactly(20240802L, 20240803L);
    assertThat(result.trainNotes()).isEqualTo(24);
    assertThat(result.evalNotes()).isEqualTo(12);
    assertThat(result.syntheticNotes()).isEqualTo(16);
  }

  @Test
  void evaluationCodesTheTrainingNeverSawAreReportedAndCountedAsMisses() {
    assertThat(result.unseen()).extracting(UnseenRow::cell, UnseenRow::code, UnseenRow::evalNotes)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("real 100% + synthetic 0%", "K29", 3L),
            org.assertj.core.groups.Tuple.tuple("real 100% + synthetic 0%, class-weighted", "K29", 3L));
    RunRow baseline = result.runs().get(0);
    assertThat(baseline.unseenNotes()).isEqualTo(3);
    assertThat(baseline.hit1()).isLessThanOrEqualTo(9 / 12.0);
    assertThat(baseline.codes()).isEqualTo(3);
  }

  @Test
  void syntheticNotesOfTheUnseenCodeLiftTheScoreAgainstRealOnly() {
    CellRow mixed = result.cells().get(3);
    assertThat(mixed.hit1Mean()).isGreaterThan(result.cells().get(0).hit1Mean());
    ChangeRow change = result.changes().stream().filter(c -> c.cell().equals(mixed.cell())
        && c.scope().equals("rare") && c.metric().equals("hit1")).findFirst().orElseThrow();
    // K29 is the rare third (no real training note): its notes go from all missed to mostly found.
    assertThat(change.change()).isGreaterThan(0);
    assertThat(change.ciLow()).isLessThanOrEqualTo(change.change());
    assertThat(change.ciHigh()).isGreaterThanOrEqualTo(change.change());
  }

  @Test
  void augmentedCellsAreComparedWithTheStrongerControlOnEachMetric() {
    for (ChangeRow change : result.changes()) {
      String plain = result.controls().get(0);
      if (change.cell().equals(plain) || change.cell().equals(result.controls().get(1))) {
        assertThat(change.control()).isEqualTo(plain);
        continue;
      }
      double plainMean = controlMean(plain, change.scope(), change.metric());
      double weightedMean = controlMean(result.controls().get(1), change.scope(), change.metric());
      assertThat(change.control()).as("%s %s %s", change.cell(), change.scope(), change.metric())
          .isEqualTo(weightedMean > plainMean ? result.controls().get(1) : plain);
    }
  }

  private static double controlMean(String cell, String scope, String metric) {
    if (scope.equals("all")) {
      CellRow c = result.cells().stream().filter(r -> r.cell().equals(cell)).findFirst().orElseThrow();
      return metric.equals("hit1") ? c.hit1Mean() : metric.equals("hit3") ? c.hit3Mean() : c.macroF1Mean();
    }
    GroupRow g = result.groups().stream().filter(r -> r.cell().equals(cell) && r.group().equals(scope))
        .findFirst().orElseThrow();
    return metric.equals("hit1") ? g.hit1Mean() : metric.equals("hit3") ? g.hit3Mean() : g.macroF1Mean();
  }

  @Test
  void crossValidationOnTrainingNotesChoosesTheSettings() {
    // L2 for each control (2 candidates each), then the synthetic weight for the mixtures (2 candidates).
    assertThat(result.selection()).extracting(SelectionRow::fitted, SelectionRow::classWeight,
        SelectionRow::regParam, SelectionRow::syntheticWeight).containsExactly(
        org.assertj.core.groups.Tuple.tuple("real only", "none", 0.001, 0.5),
        org.assertj.core.groups.Tuple.tuple("real only", "none", 0.01, 0.5),
        org.assertj.core.groups.Tuple.tuple("real only", "balanced", 0.001, 0.5),
        org.assertj.core.groups.Tuple.tuple("real only", "balanced", 0.01, 0.5),
        org.assertj.core.groups.Tuple.tuple("real + synthetic", "none", chosenL2("none"), 0.5),
        org.assertj.core.groups.Tuple.tuple("real + synthetic", "none", chosenL2("none"), 1.0));
    assertThat(result.selection()).allSatisfy(r -> assertThat(r.folds()).isEqualTo(2));
    for (String fitted : List.of("real only none", "real only balanced", "real + synthetic none")) {
      List<SelectionRow> group = result.selection().stream()
          .filter(r -> (r.fitted() + " " + r.classWeight()).equals(fitted)).toList();
      SelectionRow chosen = group.stream().filter(SelectionRow::chosen).findFirst().orElseThrow();
      assertThat(group.stream().filter(SelectionRow::chosen)).hasSize(1);
      assertThat(group).allSatisfy(r -> assertThat(r.hit1Mean()).isLessThanOrEqualTo(chosen.hit1Mean()));
    }
    // Every fit used the chosen settings.
    SelectionRow mixture = result.selection().stream().filter(r -> r.fitted().equals("real + synthetic")
        && r.chosen()).findFirst().orElseThrow();
    assertThat(result.runs()).filteredOn(r -> r.syntheticShare() > 0).allSatisfy(r -> {
      assertThat(r.syntheticWeight()).isEqualTo(mixture.syntheticWeight());
      assertThat(r.regParam()).isEqualTo(mixture.regParam());
    });
  }

  private static double chosenL2(String classWeight) {
    return result.selection().stream().filter(r -> r.fitted().equals("real only")
        && r.classWeight().equals(classWeight) && r.chosen()).findFirst().orElseThrow().regParam();
  }

  @Test
  void predictionsHoldEveryEvaluationNoteOfEveryRunAndReproduceItsFigures() {
    org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> predictions = TestSpark.session().read()
        .parquet(layout.evaluation("predictions"));
    // 12 evaluation notes under 6 fits.
    assertThat(predictions.count()).isEqualTo(72);
    for (RunRow run : result.runs()) {
      List<org.apache.spark.sql.Row> rows = predictions.where(org.apache.spark.sql.functions.col("cell")
          .equalTo(run.cell()).and(org.apache.spark.sql.functions.col("seed").equalTo(run.seed())))
          .selectExpr("code", "top[0].code", "size(top)", "aggregate(top, 0d, (s, t) -> s + t.probability)")
          .collectAsList();
      assertThat(rows).hasSize(12);
      long hits = rows.stream().filter(r -> r.getString(0).equals(r.getString(1))).count();
      assertThat(hits / 12.0).as(run.cell()).isEqualTo(run.hit1());
      // Models of 3 codes rank 3; of 4 codes (K29 from the synthetic notes) 4; the top codes' probabilities sum
      // to 1 when every code is listed.
      assertThat(rows).allSatisfy(r -> {
        assertThat(r.getInt(2)).isEqualTo(run.codes());
        assertThat(r.getDouble(3)).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
      });
    }
  }

  @Test
  void rareAndFrequentThirdsFollowRealTrainingFrequency() {
    List<GroupRow> baseline = result.groups().stream().filter(g -> g.cell().equals(result.baseline())).toList();
    assertThat(baseline).extracting(GroupRow::group, GroupRow::codes, GroupRow::notes).containsExactly(
        org.assertj.core.groups.Tuple.tuple("rare", 1, 3L), org.assertj.core.groups.Tuple.tuple("frequent", 1, 3L));
    assertThat(baseline.get(0).hit1Mean()).isZero();
    assertThat(result.perCode()).filteredOn(c -> c.cell().equals(result.baseline()) && c.code().equals("K29"))
        .singleElement().satisfies(c -> {
          assertThat(c.trainFrequency()).isZero();
          assertThat(c.frequencyGroup()).isEqualTo("rare");
          assertThat(c.support()).isEqualTo(3);
          assertThat(c.recall()).isZero();
        });
  }

  @Test
  void writtenTablesMatchTheSchemasInDataSchema() throws IOException {
    for (EvaluationWriter.Table table : EvaluationWriter.TABLES) {
      StructType documented = documented("evaluation-" + table.name().replace('_', '-') + ".json");
      assertThat(RecordTables.schema(table.type())).as(table.name()).isEqualTo(documented);
      assertThat(TestSpark.session().read().parquet(layout.evaluation(table.name())).schema()).as(table.name())
          .isEqualTo(documented);
    }
    assertThat(TestSpark.session().read().parquet(layout.evaluation("cells")).count()).isEqualTo(5);
  }

  @Test
  void writtenJsonMatchesItsSchemaInDataSchema() throws IOException {
    StructType documented = documented("evaluation-metrics-json.json");
    assertThat(RecordTables.schema(EvaluationResult.class)).isEqualTo(documented);
    JsonNode json = new ObjectMapper().readTree(Path.of(layout.evaluationJson()).toFile());
    List<String> problems = new ArrayList<>();
    conform(json, documented, "$", problems);
    assertThat(problems).isEmpty();
    assertThat(json.get("cells")).hasSize(5);
    assertThat(json.has("predictions")).as("predictions are a table only").isFalse();
    assertThat(json.get("baseline").asText()).isEqualTo("real 100% + synthetic 0%");
  }

  @Test
  void reportIsOneSelfContainedPage() throws IOException {
    String html = Files.readString(Path.of(layout.report()));
    // Three grid charts, rare vs frequent, per-code change: all inlined.
    assertThat(html.split("src=\"data:image/png;base64,", -1)).hasSize(6);
    String text = html.replaceAll("data:image/png;base64,[A-Za-z0-9+/=]+", "");
    assertThat(text).startsWith("<!DOCTYPE html>").contains("Does synthetic data help")
        .contains("real 100% + synthetic 100%").contains("K29").contains("On the rarest third of codes (1 code, ").doesNotContain("<script").doesNotContain("http://")
        .doesNotContain("https://").doesNotContain("NaN")
        .as("the synthetic notes are not the run's own: no quality summary").doesNotContain("Quality of the");
  }

  @Test
  void reportOnTheRunsOwnNotesCarriesTheirQualitySummary() {
    QualitySummary quality = new QualitySummary(10, 7, Map.of("too_short", 2L, "refusal", 1L),
        List.of(new QualitySummary.CodeCounts("J06", 10, 7, Map.of("too_short", 2L, "refusal", 1L), 0)), 0,
        new Realism(4690, 0.998, 0.001, 1600, 117, 208, 0.41, 9917, 0.18, List.of()));
    String html = HtmlReport.render(result, config.evaluate(), Optional.of(quality));
    String section = html.substring(html.indexOf("<h2>Quality of the synthetic notes</h2>"),
        html.indexOf("<h2>How to read this</h2>"));
    assertThat(section).contains("<b>7 (70.0 %)</b>").contains("<tr><td>too_short</td><td>2</td><td>20.0 %</td>")
        .contains("<td>J06</td><td>10</td><td>7</td><td>3</td><td>30.0 %</td><td class=\"text\">too_short 2,"
            + " refusal 1</td>")
        .contains("<b>0.998 ± 0.001</b><span>discriminator ROC AUC, real vs passing synthetic</span>")
        .contains("<b>1.78</b><span>median length, synthetic / real (208 / 117 characters)</span>")
        .contains("<b>18.0 %</b><span>of the 9,917 word forms of at least two real notes are used</span>")
        .contains("<b>0 (0.0 %)</b><span>notes sharing a rare passage with a real note</span>");
  }

  private static StructType documented(String file) throws IOException {
    return (StructType) DataType.fromJson(Files.readString(Path.of("data-schema", file)));
  }

  /** Every field of the schema present with a value of its type, and no other field. */
  private static void conform(JsonNode node, DataType type, String path, List<String> problems) {
    if (type instanceof StructType struct) {
      if (!node.isObject()) {
        problems.add(path + ": expected an object");
        return;
      }
      List<String> names = new ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      if (!names.equals(List.of(struct.fieldNames()))) {
        problems.add(path + ": fields " + names + ", expected " + List.of(struct.fieldNames()));
      }
      for (StructField field : struct.fields()) {
        if (node.has(field.name())) {
          conform(node.get(field.name()), field.dataType(), path + "." + field.name(), problems);
        }
      }
    } else if (type instanceof ArrayType array) {
      if (!node.isArray()) {
        problems.add(path + ": expected an array");
        return;
      }
      Iterator<JsonNode> items = node.elements();
      for (int i = 0; items.hasNext(); i++) {
        conform(items.next(), array.elementType(), path + "[" + i + "]", problems);
      }
    } else if (type.equals(DataTypes.StringType) && !node.isTextual()
        || (type.equals(DataTypes.LongType) || type.equals(DataTypes.IntegerType)) && !node.isIntegralNumber()
        || type.equals(DataTypes.DoubleType) && !node.isNumber()) {
      problems.add(path + ": " + node + " is not a " + type.simpleString());
    }
  }
}
