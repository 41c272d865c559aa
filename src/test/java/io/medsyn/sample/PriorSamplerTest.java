package io.medsyn.sample;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.size;
import static org.assertj.core.api.Assertions.assertThat;

import io.medsyn.config.ConfigLoader;
import io.medsyn.config.MedSynConfig;
import io.medsyn.config.SamplingConfig;
import io.medsyn.mkg.GraphFiles;
import io.medsyn.mkg.KnowledgeGraph;
import io.medsyn.table.TaskSchema;
import io.medsyn.testing.DataFrameAssert;
import io.medsyn.testing.TestSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PriorSamplerTest {
  private static final KnowledgeGraph GRAPH = GraphFiles.readCsv("src/test/resources/mkg/vertices.csv",
      "src/test/resources/mkg/edges.csv", new Configuration());
  private final SparkSession spark = TestSpark.session();

  @TempDir
  Path dir;

  private static SamplingConfig config(String... overrides) {
    MedSynConfig c = ConfigLoader.load(null, List.of(overrides));
    return c.sample();
  }

  private Dataset<Row> sample(SamplingConfig config, long seed, Dataset<Row> examples) {
    return new PriorSampler(config, seed).sample(GRAPH.vertices(spark), GRAPH.edges(spark), examples);
  }

  @Test
  void sameTasksOnOneOrSixteenPartitions() {
    Dataset<Row> one = sample(config("sample.n=3000", "sample.partitions=1"), 7, null);
    Dataset<Row> sixteen = sample(config("sample.n=3000", "sample.partitions=16"), 7, null);
    assertThat(one.count()).isEqualTo(3000);
    DataFrameAssert.assertSameData(one, sixteen, 0.0);
    Dataset<Row> otherSeed = sample(config("sample.n=3000", "sample.partitions=1"), 8, null);
    assertThat(otherSeed.except(one).count()).isGreaterThan(2900);
  }

  @Test
  void tasksFollowTheAllocationAndTheConfiguredRanges() {
    Dataset<Row> tasks = sample(config("sample.n=1001"), 1, null).cache();
    assertThat(tasks.schema()).isEqualTo(TaskSchema.TASKS);
    // Uniform over two codes: the odd task goes to the first code in code order.
    Map<String, Long> perCode = new HashMap<>();
    tasks.groupBy("code").count().collectAsList().forEach(r -> perCode.put(r.getString(0), r.getLong(1)));
    assertThat(perCode).containsOnly(Map.entry("I10", 501L), Map.entry("J06", 500L));
    assertThat(tasks.filter(col("code").equalTo("I10")).select("task_id").agg(
        org.apache.spark.sql.functions.min("task_id"), org.apache.spark.sql.functions.max("task_id")).first())
        .isEqualTo(org.apache.spark.sql.RowFactory.create(0L, 500L));
    // J06 has 4 symptoms, I10 only 2: 2..5 is capped by what the graph has.
    assertThat(tasks.filter(col("code").equalTo("J06").and(size(col("symptoms")).between(2, 4))).count())
        .isEqualTo(500);
    assertThat(tasks.filter(col("code").equalTo("I10").and(size(col("symptoms")).equalTo(2))).count())
        .isEqualTo(501);
    assertThat(tasks.filter(col("code").equalTo("J06")).select("subcode").distinct().collectAsList())
        .extracting(r -> r.getString(0)).containsExactly("J06.9");
    // I10 has no subcodes in this graph: the category leads.
    assertThat(tasks.filter(col("code").equalTo("I10")).select("subcode").distinct().collectAsList())
        .extracting(r -> r.getString(0)).containsExactly("I10");
    // The I10 age prior is one band, 45-59.
    assertThat(tasks.filter(col("code").equalTo("I10").and(col("age").between(45, 59))).count()).isEqualTo(501);
    long distinctSymptoms = tasks.select(col("task_id"), explode(col("symptoms.id")).as("s")).distinct().count();
    long allSymptoms = tasks.select(explode(col("symptoms"))).count();
    assertThat(distinctSymptoms).as("no symptom twice in one task").isEqualTo(allSymptoms);
  }

  @Test
  void firstSymptomFrequenciesFollowTheEdgeWeights() {
    // One symptom per task: each is drawn with probability weight / total weight (J06: 0.8, 0.6, 0.4, 0.2).
    Map<String, Long> observed = symptomCounts(config("sample.n=20000", "mkg.codes=[J06]",
        "sample.symptoms={min: 1, max: 1}"), "J06");
    double chi = chiSquare(observed, Map.of("cough", 0.8, "sore throat", 0.6, "runny nose", 0.4, "fever", 0.2), 10000);
    // df = 3: the 0.999 quantile is 16.27.
    assertThat(chi).isLessThan(16.27);
    // Temperature 2 flattens the weights to their square roots.
    Map<String, Long> flat = symptomCounts(config("sample.n=20000", "sample.symptoms={min: 1, max: 1}",
        "sample.temperature=2"), "J06");
    double chiFlat = chiSquare(flat, Map.of("cough", Math.sqrt(0.8), "sore throat", Math.sqrt(0.6),
        "runny nose", Math.sqrt(0.4), "fever", Math.sqrt(0.2)), 10000);
    assertThat(chiFlat).isLessThan(16.27);
    assertThat(chiSquare(flat, Map.of("cough", 0.8, "sore throat", 0.6, "runny nose", 0.4, "fever", 0.2), 10000))
        .as("the flattened draw does not fit the raw weights").isGreaterThan(100);
  }

  @Test
  void exampleNotesComeFromTheSameCodeAndKeepTheirIds() throws IOException {
    Path corpus = dir.resolve("train.jsonl");
    Files.writeString(corpus, String.join("\n",
        "{\"idx\": \"t1\", \"symptoms\": \"Кашель и насморк три дня.\", \"code\": \"J06\"}",
        "{\"idx\": \"t2\", \"symptoms\": \"Першит в горле.\", \"code\": \"J06\"}",
        "{\"idx\": \"t3\", \"symptoms\": \"Давление 170/100, болит затылок.\", \"code\": \"I10\"}",
        "{\"idx\": \"t4\", \"symptoms\": \"Болит поясница.\", \"code\": \"M54\"}") + "\n");
    SamplingConfig config = config("sample.n=400", "sample.examples.path=" + corpus, "sample.examples.share=1");
    Dataset<Row> examples = io.medsyn.corpus.CorpusReader.read(spark, config.examples().corpus());
    Dataset<Row> tasks = sample(config, 3, examples).cache();
    assertThat(tasks.count()).isEqualTo(400);
    assertThat(tasks.filter(col("example_id").isNull()).count()).isZero();
    assertThat(tasks.filter(col("code").equalTo("I10")).select("example_id").distinct().collectAsList())
        .extracting(r -> r.getString(0)).containsExactly("t3");
    List<String> j06 = new ArrayList<>();
    tasks.filter(col("code").equalTo("J06")).select("example_id").distinct().collectAsList()
        .forEach(r -> j06.add(r.getString(0)));
    assertThat(j06).containsExactlyInAnyOrder("t1", "t2");
    assertThat(tasks.filter(col("example_id").equalTo("t3")).select("example_text").first().getString(0))
        .isEqualTo("Давление 170/100, болит затылок.");
    // Half the tasks carry an example at share 0.5, within sampling noise.
    long withExample = sample(config("sample.n=4000", "sample.examples.path=" + corpus), 3, examples)
        .filter(col("example_id").isNotNull()).count();
    assertThat(withExample).isBetween(1850L, 2150L);
  }

  @Test
  void symptomMapGraphsSampleTheSubcodesOwnSymptoms() throws IOException {
    Path json = dir.resolve("map.json");
    Files.writeString(json, "{\"I11.9\": [\"одышка\", \"головная боль\"], \"I11.0\": [\"отёки на ногах\"],"
        + " \"J06\": [\"кашель\", \"насморк\", \"боль в горле\"]}");
    KnowledgeGraph map = GraphFiles.readSymptomMap(json.toString(), new Configuration(), GRAPH);
    Dataset<Row> tasks = new PriorSampler(config("sample.n=300", "sample.symptoms={min: 1, max: 3}"), 2)
        .sample(map.vertices(spark), map.edges(spark), null).cache();
    // A task draws from the category's facts plus its leader subcode's own: never another subcode's.
    assertThat(tasks.filter(col("subcode").equalTo("I11.0")).select(explode(col("symptoms.ru"))).distinct()
        .collectAsList()).extracting(r -> r.getString(0)).containsExactly("отёки на ногах");
    assertThat(tasks.filter(col("subcode").equalTo("I11.9")).select(explode(col("symptoms.ru"))).distinct()
        .collectAsList()).extracting(r -> r.getString(0)).containsExactlyInAnyOrder("одышка", "головная боль");
    assertThat(tasks.filter(col("code").equalTo("I11")).select("subcode").distinct().count()).isEqualTo(2);
    assertThat(tasks.filter(col("code").equalTo("J06")).select("disease_en").first().getString(0))
        .isEqualTo("Acute upper respiratory infection");
  }

  @Test
  void corpusCountsDriveTheAllocation() throws IOException {
    Path corpus = dir.resolve("counts.jsonl");
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 30; i++) {
      lines.append("{\"idx\": \"j").append(i).append("\", \"symptoms\": \"кашель\", \"code\": \"J06\"}\n");
    }
    lines.append("{\"idx\": \"h1\", \"symptoms\": \"давление\", \"code\": \"I10\"}\n");
    Files.writeString(corpus, lines);
    SamplingConfig config = config("sample.n=100", "sample.allocation.policy=proportional",
        "sample.allocation.counts=corpus", "sample.allocation.min_per_code=4", "sample.examples.path=" + corpus,
        "sample.examples.share=0");
    Dataset<Row> tasks = sample(config, 1, io.medsyn.corpus.CorpusReader.read(spark, config.examples().corpus()));
    Map<String, Long> perCode = new HashMap<>();
    tasks.groupBy("code").count().collectAsList().forEach(r -> perCode.put(r.getString(0), r.getLong(1)));
    // 4 each, then 92 in the ratio 30:1 = 89.03 : 2.97.
    assertThat(perCode).containsOnly(Map.entry("J06", 93L), Map.entry("I10", 7L));
    assertThat(tasks.filter(col("example_id").isNotNull()).count()).isZero();
  }

  private Map<String, Long> symptomCounts(SamplingConfig config, String code) {
    Map<String, Long> counts = new HashMap<>();
    sample(config, 11, null).filter(col("code").equalTo(code)).select(explode(col("symptoms.en")).as("s"))
        .groupBy("s").count().collectAsList().forEach(r -> counts.put(r.getString(0), r.getLong(1)));
    return counts;
  }

  private static double chiSquare(Map<String, Long> observed, Map<String, Double> weights, long n) {
    long total = observed.values().stream().mapToLong(Long::longValue).sum();
    assertThat(total).isGreaterThanOrEqualTo(n);
    double sum = weights.values().stream().mapToDouble(Double::doubleValue).sum();
    double chi = 0;
    for (Map.Entry<String, Double> w : weights.entrySet()) {
      double expected = total * w.getValue() / sum;
      double o = observed.getOrDefault(w.getKey(), 0L);
      chi += (o - expected) * (o - expected) / expected;
    }
    return chi;
  }
}
