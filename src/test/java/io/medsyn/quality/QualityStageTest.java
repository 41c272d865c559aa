package io.medsyn.quality;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.medsyn.config.ConfigLoader;
import io.medsyn.config.MedSynConfig;
import io.medsyn.quality.QualityStage;
import io.medsyn.stage.RunContext;
import io.medsyn.table.Layout;
import io.medsyn.quality.QualityReport;
import io.medsyn.testing.TestSpark;
import io.medsyn.text.Words;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The quality stage end to end on fixture notes: Parquet in, checked notes, corpus and summary out. */
class QualityStageTest {
  private static final SparkSession SPARK = TestSpark.session();
  /** A corpus of 18 texts: a segment in 4 of them is boilerplate. */
  private static final List<String> SMALL_CORPUS = List.of("quality.near_duplicate.boilerplate_min_notes=3",
      "quality.near_duplicate.boilerplate_share=0.2");

  @TempDir
  static Path dir;
  private static MedSynConfig config;
  private static RunContext pipeline;
  private static QualitySummary summary;
  private static final Map<String, Row> checked = new HashMap<>();

  /** The real training notes: n07's example note, and complaints in RuMedTop3's register sharing no passage. */
  static final List<String[]> REAL = List.of(
      new String[] {"train-6", "K29", NoteFixtures.K29_EXAMPLE},
      new String[] {"train-a", "I10", "Повышение давления до 160/100, головная боль в затылке по утрам."},
      new String[] {"train-b", "J06", "Насморк, заложенность носа, температура 37,5 второй день."},
      new String[] {"train-c", "M54", "Боль в пояснице после подъёма тяжестей, отдаёт в ногу."},
      new String[] {"train-d", "J20", "Кашель с мокротой, одышка при нагрузке, слабость."},
      new String[] {"train-e", "I10", "Активных жалоб не предъявляет."});

  @BeforeAll
  static void filterTheFixtureNotes() throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<String> lines = new java.util.ArrayList<>();
    for (String[] note : REAL) {
      lines.add(json.writeValueAsString(Map.of("idx", note[0], "code", note[1], "symptoms", note[2])));
    }
    Files.write(dir.resolve("train.jsonl"), lines);
    config = config(dir.resolve("run"));
    pipeline = new RunContext(config, SPARK);
    NoteFixtures.notes(SPARK).write().parquet(pipeline.layout().notes());
    summary = new QualityStage().run(pipeline);
    SPARK.read().parquet(pipeline.layout().qualityNotes()).collectAsList()
        .forEach(r -> checked.put(r.getAs("note_id"), r));
  }

  private static MedSynConfig config(Path output) {
    List<String> overrides = new java.util.ArrayList<>(SMALL_CORPUS);
    overrides.add("output=" + output);
    overrides.add("sample.examples.path=" + dir.resolve("train.jsonl"));
    return ConfigLoader.load(null, overrides);
  }

  @Test
  void eachNoteIsRejectedForItsOwnReasonsAndGoodNotesPass() {
    Map<String, List<String>> expected = new java.util.TreeMap<>();
    Map<String, List<String>> actual = new java.util.TreeMap<>();
    for (NoteFixtures.Case c : NoteFixtures.cases()) {
      expected.put(c.id(), c.reasonLabels());
      Row row = checked.get(c.id());
      actual.put(c.id(), row.getList(row.fieldIndex("reject_reasons")));
      assertThat(row.<Boolean>getAs("quality_pass")).as(c.id()).isEqualTo(c.reasons().length == 0);
    }
    assertThat(actual).isEqualTo(expected);
  }

  @Test
  void duplicatesPointAtTheNoteKeptAndANoteFailingAnotherCheckIsTheOneMarked() {
    assertThat(checked.get("n09-duplicate-of-n01").<String>getAs("duplicate_of")).isEqualTo("n01-good-i10");
    assertThat(checked.get("n01-good-i10").<String>getAs("duplicate_of")).isNull();
    Row near = checked.get("n10-near-n02");
    assertThat(near.<String>getAs("near_duplicate_of")).isEqualTo("n02-good-j06");
    assertThat(near.<Double>getAs("near_duplicate_similarity")).isBetween(0.7, 0.99);
    // n00 sorts first but leaks: the clean n04 is kept.
    assertThat(checked.get("n00-near-n04-leaking").<String>getAs("near_duplicate_of")).isEqualTo("n04-good-k29-en");
    assertThat(checked.get("n04-good-k29-en").<String>getAs("near_duplicate_of")).isNull();
  }

  @Test
  void checkColumnsAreKept() {
    Row good = checked.get("n01-good-i10");
    assertThat(good.<Double>getAs("symptom_coverage")).isEqualTo(1.0);
    assertThat(good.<String>getList(good.fieldIndex("symptoms_missing"))).isEmpty();
    assertThat(good.<Double>getAs("leak_score")).isEqualTo(0.0);
    assertThat(good.<Double>getAs("script_share")).isGreaterThan(0.95);
    assertThat(good.<Integer>getAs("char_count")).isEqualTo(NoteFixtures.GOOD_I10.length());
    assertThat(good.<Double>getAs("copy_share")).as("no example").isNull();
    Row leak = checked.get("n05-leak-i10");
    assertThat(leak.<String>getList(leak.fieldIndex("leak_terms"))).containsExactly("I10", "гипертенз");
    Row stem = checked.get("n06-leak-j20");
    assertThat(stem.<String>getList(stem.fieldIndex("leak_terms"))).containsExactly("бронхит");
    assertThat(checked.get("n07-copy-k29").<Double>getAs("copy_share")).isCloseTo(0.8, within(0.1));
    assertThat(checked.get("n08-refusal").<String>getAs("refusal_match")).isEqualTo("Извините");
    assertThat(checked.get("n11-english-for-ru").<Double>getAs("script_share")).isEqualTo(0.0);
    Row low = checked.get("n18-low-coverage");
    assertThat(low.<Double>getAs("symptom_coverage")).isEqualTo(0.25);
    assertThat(low.<String>getList(low.fieldIndex("symptoms_missing")))
        .containsExactly("насморк", "боль в горле", "повышение температуры тела");
    Row failed = checked.get("n17-failed");
    for (String column : NoteChecks.columns(config.quality()).fieldNames()) {
      assertThat(failed.<Object>getAs(column)).as(column).isNull();
    }
  }

  @Test
  void sharingATemplateDoesNotMakeNotesNearDuplicates() {
    List<String> template = List.of("n13-template-i10", "n14-template-m54", "n15-template-j06",
        "n16-template-k29");
    for (String id : template) {
      assertThat(checked.get(id).<Boolean>getAs("quality_pass")).as(id).isTrue();
    }
    // Without the boilerplate stripped, the same notes are near-duplicates of one another.
    List<Row> raw = template.stream().map(id -> RowFactory.create(id, false,
        Words.normalize(checked.get(id).getAs("text")))).toList();
    Dataset<Row> unstripped = SPARK.createDataFrame(raw, new StructType().add("note_id", DataTypes.StringType)
        .add("bad", DataTypes.BooleanType).add("stripped", DataTypes.StringType));
    Set<String> merged = new HashSet<>();
    new NearDuplicates(config.quality().nearDuplicate(), 1).find(unstripped).collectAsList()
        .forEach(r -> merged.add(r.getString(0)));
    assertThat(merged).containsExactlyInAnyOrder("n14-template-m54", "n15-template-j06", "n16-template-k29");
  }

  @Test
  void corpusIsThePassingNotesWithTheNotesOwnColumns() {
    Dataset<Row> corpus = new QualityChecks(config.quality(), 5, 1)
        .corpus(SPARK.read().parquet(pipeline.layout().qualityNotes()));
    assertThat(corpus.columns()).containsExactly(NoteFixtures.NOTES.fieldNames());
    Set<String> expected = new HashSet<>();
    NoteFixtures.cases().stream().filter(c -> c.reasons().length == 0).forEach(c -> expected.add(c.id()));
    assertThat(corpus.select("note_id").collectAsList()).extracting(r -> r.getString(0))
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void summaryCountsNotesByReasonAndByCode() throws IOException {
    assertThat(summary.notes()).isEqualTo(19);
    assertThat(summary.passed()).isEqualTo(8);
    assertThat(summary.rejected()).isEqualTo(11);
    assertThat(summary.byReason()).containsExactly(Map.entry("generation_failed", 1L),
        Map.entry("too_short", 1L), Map.entry("too_long", 0L), Map.entry("wrong_language", 1L),
        Map.entry("refusal", 1L), Map.entry("diagnosis_leak", 3L), Map.entry("example_copy", 1L),
        Map.entry("low_symptom_coverage", 3L), Map.entry("copies_real_passage", 1L), Map.entry("exact_duplicate", 1L),
        Map.entry("near_duplicate", 2L));
    assertThat(summary.byCode()).extracting(QualitySummary.CodeCounts::code)
        .containsExactly("I10", "J06", "J20", "K29", "M54");
    QualitySummary.CodeCounts i10 = summary.byCode().get(0);
    assertThat(i10.notes()).isEqualTo(7);
    assertThat(i10.passed()).isEqualTo(2);
    assertThat(i10.byReason()).containsEntry("diagnosis_leak", 1L).containsEntry("too_short", 1L)
        .containsEntry("low_symptom_coverage", 2L).containsEntry("near_duplicate", 0L);

    JsonNode json = new ObjectMapper().readTree(Files.readString(Path.of(pipeline.layout().qualitySummaryJson())));
    assertThat(json.get("rejected").asLong()).isEqualTo(11);
    assertThat(json.get("by_reason").get("diagnosis_leak").asLong()).isEqualTo(3);
    assertThat(json.get("by_code").get(0).get("code").asText()).isEqualTo("I10");
    assertThat(json.get("by_code").get(0).get("passed").asLong()).isEqualTo(2);

    Map<String, Row> table = new HashMap<>();
    SPARK.read().parquet(pipeline.layout().qualitySummary()).collectAsList()
        .forEach(r -> table.put(r.isNullAt(0) ? "all" : r.getString(0), r));
    assertThat(table).containsOnlyKeys("all", "I10", "J06", "J20", "K29", "M54");
    Row all = table.get("all");
    assertThat(List.of(all.getLong(1), all.getLong(2), all.getLong(3))).containsExactly(19L, 8L, 11L);
    assertThat(all.<String, Long>getJavaMap(4)).containsEntry("near_duplicate", 2L).hasSize(11);
    assertThat(summary.render()).startsWith("quality: 19 notes, 8 pass (42.1%), 11 rejected")
        .contains("diagnosis_leak                3");
  }

  @Test
  void everyNoteIsAuditedAgainstTheWholeTrainingCorpusAndTheCorpusMeasuredAgainstIt() throws IOException {
    Row copy = checked.get("n07-copy-k29");
    assertThat(copy.<Integer>getAs("real_passage_words")).as("all 44 words of its example").isEqualTo(44);
    assertThat(copy.<String>getAs("real_passage_id")).isEqualTo("train-6");
    Row good = checked.get("n01-good-i10");
    assertThat(good.<Integer>getAs("real_passage_words")).isZero();
    assertThat(good.<String>getAs("real_passage_id")).isNull();
    assertThat(checked.get("n17-failed").<Integer>getAs("real_passage_words")).as("no text").isNull();
    assertThat(summary.longestRealPassage()).isEqualTo(44);
    assertThat(summary.byCode()).filteredOn(c -> c.code().equals("K29"))
        .extracting(QualitySummary.CodeCounts::longestRealPassage).containsExactly(44);

    Realism realism = summary.realism();
    assertThat(realism.realNotes()).isEqualTo(6);
    assertThat(realism.realMedianChars()).isEqualTo(55.5);
    assertThat(realism.discriminatorAuc()).as("6 real notes are too few for 5 folds of 2").isNull();
    assertThat(summary.render())
        .contains("privacy: 1 of 19 notes share a rare passage with a real training note (copies_real_passage);"
            + " the longest is 44 words")
        .contains("realism vs 6 real training notes: discriminator AUC n/a (too few notes); median length");
    assertThat(Files.readString(Path.of(pipeline.layout().qualityReport())))
        .contains("<h3>Realism and privacy against the real training notes</h3>")
        .contains("<b>1 (5.3 %)</b><span>notes sharing a rare passage with a real note</span>")
        .contains("<b>44 words</b><span>longest rare passage shared</span>")
        .contains("<b>n/a</b><span>discriminator ROC AUC");
    // "анамнез" is in 7 of the 8 passing notes and in no real one; no word is in k = 5 of the 6 real notes, so no
    // real word is named.
    assertThat(realism.tells()).hasSize(10).allMatch(t -> t.realShare() == 0 && t.overUsed())
        .startsWith(new WordTell("анамнез", 0.0, 0.875), new WordTell("заболевания", 0.0, 0.875));
    assertThat(summary.render()).contains("words that give the notes away (share of synthetic notes, of real notes):"
        + " over-used анамнез 87.5%/0.0%, заболевания 87.5%/0.0%");
    assertThat(Files.readString(Path.of(pipeline.layout().qualityReport())))
        .contains("<h3>Words that give the notes away</h3>")
        .contains("<tr><td class=\"text\">анамнез</td><td>87.5 %</td><td>0.0 %</td>");
  }

  @Test
  void oneRejectionInThousandsIsNotRenderedAsAllPassing() {
    QualitySummary nearlyAll = new QualitySummary(5000, 4999, Map.of("too_short", 1L), List.of(), null, null);
    assertThat(nearlyAll.render()).startsWith("quality: 5000 notes, 4999 pass (99.9%), 1 rejected");
    assertThat(QualityReport.page(nearlyAll, "notes")).contains("<b>4,999 (over 99.9 %)</b>")
        .contains("<tr><td>too_short</td><td>1</td><td>under 0.1 %</td>");
  }

  @Test
  void summaryTableReadsBackAsTheSummary() {
    assertThat(QualitySummary.read(SPARK.read().parquet(pipeline.layout().qualitySummary()))).isEqualTo(summary);
  }

  @Test
  void aSummaryTableFromBeforeTheTellsColumnStillReads() {
    Dataset<Row> older = SPARK.read().parquet(pipeline.layout().qualitySummary()).drop("tells");
    QualitySummary read = QualitySummary.read(older);
    assertThat(read.realism().tells()).isEmpty();
    assertThat(read.realism().vocabularyCoverage()).isEqualTo(summary.realism().vocabularyCoverage());
    assertThat(read.passed()).isEqualTo(summary.passed()).isEqualTo(8);
  }

  @Test
  void reportPageShowsRejectionsByReasonAndTheWorstCodesFirst() throws IOException {
    String html = Files.readString(Path.of(pipeline.layout().qualityReport()));
    assertThat(html.split("src=\"data:image/png;base64,", -1)).as("one inlined chart").hasSize(2);
    String text = html.replaceAll("data:image/png;base64,[A-Za-z0-9+/=]+", "");
    assertThat(text).startsWith("<!DOCTYPE html>").contains("<h1>Quality of the synthetic notes</h1>")
        .contains("<b>8 (42.1 %)</b><span>pass: the corpus</span>")
        .contains("<tr><td>diagnosis_leak</td><td>3</td><td>15.8 %</td>")
        .doesNotContain("<script").doesNotContain("http");
    // I10 has 5 of 7 notes rejected; the worst-codes table lists codes by that share, highest first.
    String worst = text.substring(text.indexOf("<h3>"), text.indexOf("<details>"));
    assertThat(worst.indexOf("<td>J20</td><td>1</td><td>0</td><td>1</td><td>100.0 %</td>"))
        .isNotNegative().isLessThan(worst.indexOf("<td>I10</td>"));
    assertThat(worst).contains("<tr><td>I10</td><td>7</td><td>2</td><td>5</td><td>71.4 %</td>"
        + "<td class=\"text\">low_symptom_coverage 2, too_short 1");
  }

  @Test
  void writtenTablesMatchTheirSchemasInDataSchema() throws IOException {
    StructType documented = schema("quality_notes");
    StructType summarySchema = schema("quality_summary");
    // The stage keeps the notes' own columns and appends its own: the documented table (what the pipeline writes
    // over a real notes table) ends with those added columns, whatever columns these fixture notes have.
    Dataset<Row> none = SPARK.read().parquet(pipeline.layout().notes()).limit(0);
    StructType checked = new QualityChecks(config.quality(), 5, 1).check(none).schema();
    java.util.List<String> added = java.util.Arrays.asList(checked.fieldNames())
        .subList(none.schema().size(), checked.size());
    java.util.List<String> documentedNames = java.util.Arrays.asList(documented.fieldNames());
    assertThat(documentedNames.subList(documentedNames.size() - added.size(), documentedNames.size()))
        .isEqualTo(added);
    for (String column : added) {
      assertThat(nullable(new StructType().add(checked.apply(column))))
          .isEqualTo(nullable(new StructType().add(documented.apply(column))));
    }
    assertThat(SPARK.read().parquet(pipeline.layout().qualityNotes()).schema())
        .isEqualTo(nullable(checked));
    assertThat(summary.table(SPARK).schema()).isEqualTo(summarySchema);
    assertThat(SPARK.read().parquet(pipeline.layout().qualitySummary()).schema())
        .isEqualTo(nullable(summarySchema));
  }

  @Test
  void aMissingNotesTableIsNamedWithTheFix() {
    RunContext empty = new RunContext(config(dir.resolve("empty")), SPARK);
    assertThatThrownBy(() -> new QualityStage().run(empty)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(new Layout(dir.resolve("empty").toString()).notes())
        .hasMessageContaining("run the generation stage first");
  }

  @Test
  void noteIdsMustBeUnique() {
    Dataset<Row> twice = NoteFixtures.notes(SPARK).limit(2).union(NoteFixtures.notes(SPARK).limit(1));
    assertThatThrownBy(() -> new QualityChecks(config.quality(), 5, 1).check(twice))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("notes.note_id must be unique")
        .hasMessageContaining("n01-good-i10");
    Dataset<Row> noText = NoteFixtures.notes(SPARK).drop("text");
    assertThatThrownBy(() -> new QualityChecks(config.quality(), 5, 1).check(noText))
        .hasMessageContaining("lacks columns [text]");
  }

  private static StructType schema(String table) throws IOException {
    return (StructType) org.apache.spark.sql.types.DataType.fromJson(
        Files.readString(Path.of("data-schema", table + ".schema.json")));
  }

  /** The schema as Parquet gives it back: every field, element and value nullable. */
  private static StructType nullable(StructType schema) {
    return (StructType) nullable((org.apache.spark.sql.types.DataType) schema);
  }

  private static org.apache.spark.sql.types.DataType nullable(org.apache.spark.sql.types.DataType type) {
    if (type instanceof StructType struct) {
      StructType out = new StructType();
      for (var f : struct.fields()) {
        out = out.add(f.name(), nullable(f.dataType()), true, f.metadata());
      }
      return out;
    }
    if (type instanceof org.apache.spark.sql.types.ArrayType array) {
      return DataTypes.createArrayType(nullable(array.elementType()), true);
    }
    if (type instanceof org.apache.spark.sql.types.MapType map) {
      return DataTypes.createMapType(nullable(map.keyType()), nullable(map.valueType()), true);
    }
    return type;
  }
}
