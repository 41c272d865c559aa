package io.medsyn.generate;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.medsyn.config.ConfigLoader;
import io.medsyn.config.GenerateConfig;
import io.medsyn.config.MedSynConfig;
import io.medsyn.llm.Backends;
import io.medsyn.llm.GenerationParams;
import io.medsyn.llm.offline.OfflineBackend;
import io.medsyn.mkg.GraphFiles;
import io.medsyn.mkg.KnowledgeGraph;
import io.medsyn.prompt.PromptBook;
import io.medsyn.prompt.PromptKind;
import io.medsyn.sample.PriorSampler;
import io.medsyn.testing.TestSpark;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

class NotePlanTest {
  private final SparkSession spark = TestSpark.session();
  private final Dataset<Row> tasks = tasks();

  private Dataset<Row> tasks() {
    KnowledgeGraph graph = GraphFiles.readCsv("src/test/resources/mkg/vertices.csv",
        "src/test/resources/mkg/edges.csv", new Configuration());
    Dataset<Row> examples = spark.createDataFrame(List.of(org.apache.spark.sql.RowFactory.create("e1",
        "Жалобы на кашель.", "J06")), new org.apache.spark.sql.types.StructType().add("id", "string")
        .add("text", "string").add("code", "string"));
    // Every J06 task carries the one example note; I10 has none.
    MedSynConfig config = ConfigLoader.load(null, List.of("sample.n=100", "sample.examples.share=1"));
    return new PriorSampler(config.sample(), 3).sample(graph.vertices(spark), graph.edges(spark), examples).cache();
  }

  private Set<String> ids(GenerateConfig config, GenerationParams params) {
    Set<String> ids = new HashSet<>();
    new NoteGenerator(config, Backends::create, PromptBook.load(config.language()), params, "run")
        .plan(tasks).select("note_id").collectAsList().forEach(r -> ids.add(r.getString(0)));
    return ids;
  }

  private static GenerateConfig config(String... overrides) {
    return ConfigLoader.load(null, List.of(overrides)).generate();
  }

  @Test
  void theFingerprintCoversLanguageKindAndParametersButNotTheRun() {
    GenerationParams params = Backends.params(config());
    Set<String> base = ids(config(), params);
    assertThat(base).hasSize(100);
    assertThat(ids(config(), params)).isEqualTo(base);
    for (Set<String> other : List.of(ids(config("generate.language=en"), params),
        ids(config("generate.prompt_kind=code"), params),
        ids(config(), new GenerationParams(params.model(), 0.7, 0, null)),
        ids(config(), new GenerationParams(params.model(), 0.0, 0, 42L)))) {
      assertThat(other).hasSize(100).doesNotContainAnyElementsOf(base);
    }
  }

  @Test
  void autoAsksForTheExampleKindWhereThereIsAnExample() {
    PromptBook book = PromptBook.load("ru");
    Dataset<Row> planned = new NoteGenerator(config(), Backends::create, book, Backends.params(config()), "run")
        .plan(tasks).cache();
    assertThat(planned.filter(col("code").equalTo("J06").and(col("prompt_kind").equalTo("example"))
        .and(col("template_hash").equalTo(book.template(PromptKind.EXAMPLE).hash()))).count())
        .isEqualTo(planned.filter(col("code").equalTo("J06")).count()).isPositive();
    assertThat(planned.filter(col("code").equalTo("I10").and(col("prompt_kind").equalTo("symptoms"))
        .and(col("template_hash").equalTo(book.template(PromptKind.SYMPTOMS).hash()))).count())
        .isEqualTo(planned.filter(col("code").equalTo("I10")).count()).isPositive();
    assertThat(planned.select("language", "backend", "model").distinct().collectAsList())
        .containsExactly(org.apache.spark.sql.RowFactory.create("ru", "offline", OfflineBackend.model(null)));
  }
}
