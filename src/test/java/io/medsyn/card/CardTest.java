package io.medsyn.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.medsyn.config.ConfigLoader;
import io.medsyn.prompt.PromptBook;
import io.medsyn.prompt.PromptKind;
import io.medsyn.quality.QualitySummary;
import io.medsyn.run.Stages;
import io.medsyn.sample.SampleStage;
import io.medsyn.stage.RunContext;
import io.medsyn.table.Layout;
import io.medsyn.testing.SmallRun;
import io.medsyn.testing.TestSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The card the small run's filter stage wrote, pinned against the run's own tables. */
class CardTest {
  private static final SparkSession SPARK = TestSpark.session();
  private static final String[] TEST_GRAPH = {"src/test/resources/mkg/vertices.csv",
      "src/test/resources/mkg/edges.csv"};
  private static final String TEST_GRAPH_SHA256 =
      "ad11db47f04c313430247839d58b7f1383112eb7576808e826b5af893bde8b7f";
  private static Layout layout;
  private static Card card;
  private static String markdown;
  private static Dataset<Row> scored;

  @TempDir
  Path dir;

  @BeforeAll
  static void readTheSmallRunsCard() throws IOException {
    layout = SmallRun.shared();
    card = CardJson.parse(Files.readString(Path.of(layout.cardJson())));
    markdown = Files.readString(Path.of(layout.card()));
    scored = SPARK.read().parquet(layout.qualityNotes());
  }

  @Test
  void countsPerCodeAndLanguageAreTheTablesCounts() {
    Map<String, List<Long>> expected = new TreeMap<>();
    for (Row r : scored.groupBy("code").agg(org.apache.spark.sql.functions.count("*"),
        org.apache.spark.sql.functions.expr("count_if(status = 'ok')"),
        org.apache.spark.sql.functions.expr("count_if(quality_pass)")).collectAsList()) {
      expected.put(r.getString(0), List.of(r.getLong(1), r.getLong(2), r.getLong(3)));
    }
    Map<String, List<Long>> actual = new TreeMap<>();
    card.byCode().forEach(c -> actual.put(c.key(), List.of(c.notes(), c.ok(), c.passed())));
    assertThat(actual).isEqualTo(expected).containsOnlyKeys("E11", "I10", "I11", "J06");
    assertThat(card.notes().notes()).isEqualTo(60);
    assertThat(card.notes().passed()).isEqualTo(scored.where("quality_pass").count());
    assertThat(card.byLanguage()).singleElement()
        .isEqualTo(new Card.Counts("ru", 60, card.notes().ok(), 60 - card.notes().ok(), card.notes().passed()));
    assertThat(card.header().language()).containsExactly("ru");
    assertThat(card.header().sizeCategories()).containsExactly("n<1K");
    assertThat(card.made().graphCodes()).isEqualTo(4);
    assertThat(card.made().graphSha256()).matches("[0-9a-f]{64}");
    assertThat(card.made().graphSource()).contains("built-in").contains("E11");
    assertThat(card.made().seed()).isEqualTo(20240802L);
  }

  @Test
  void lengthQuantilesAreThePassingNotesLengths() {
    List<Integer> chars = new ArrayList<>();
    List<Integer> words = new ArrayList<>();
    for (Row r : scored.where("quality_pass").select("text").collectAsList()) {
      chars.add(r.getString(0).length());
      words.add(r.getString(0).trim().split("\\s+").length);
    }
    assertThat(chars).hasSize((int) card.corpusNotes());
    assertThat(card.lengths().chars()).containsOnlyKeys(CardFacts.QUANTILES.keySet());
    CardFacts.QUANTILES.forEach((name, p) -> {
      assertThat(card.lengths().chars().get(name)).as(name).isCloseTo(quantile(chars, p), within(1e-9));
      assertThat(card.lengths().words().get(name)).as(name).isCloseTo(quantile(words, p), within(1e-9));
    });
    assertThat(card.lengths().chars().get("min")).isEqualTo((double) chars.stream().mapToInt(i -> i).min()
        .orElseThrow());
  }

  @Test
  void qualityTokensAndTemplatesAreTheTablesFigures() {
    QualitySummary summary = QualitySummary.read(SPARK.read().parquet(layout.qualitySummary()));
    assertThat(card.quality().notes()).isEqualTo(summary.notes());
    assertThat(card.quality().passed()).isEqualTo(summary.passed());
    assertThat(card.quality().rejectedByReason()).containsExactlyEntriesOf(summary.byReason());
    summary.byReason().forEach((reason, n) -> assertThat(markdown).contains("| " + reason + " | " + n + " |"));
    Row sums = scored.agg(org.apache.spark.sql.functions.sum("prompt_tokens"),
        org.apache.spark.sql.functions.sum("completion_tokens"), org.apache.spark.sql.functions.sum("cost_usd"))
        .first();
    assertThat(card.usage().promptTokens()).isEqualTo(sums.isNullAt(0) ? 0 : sums.getLong(0));
    assertThat(card.usage().completionTokens()).isEqualTo(sums.isNullAt(1) ? 0 : sums.getLong(1));
    assertThat(card.usage().costUsd()).isEqualTo(sums.getDouble(2));
    // The small run has no example notes: every note comes from the Russian symptoms template.
    assertThat(card.made().templates()).singleElement().isEqualTo(new Card.Template("symptoms", "ru",
        PromptBook.load("ru").template(PromptKind.SYMPTOMS).hash(), 60));
    assertThat(card.made().backends()).singleElement().isEqualTo(new Card.Backend("offline",
        card.made().backends().get(0).model(), 60));
    assertThat(card.made().runIds()).isEqualTo(scored.select("run_id").distinct().orderBy("run_id")
        .as(org.apache.spark.sql.Encoders.STRING()).collectAsList());
  }

  @Test
  void readmeHasHuggingFacesHeaderAndEverySection() throws IOException {
    assertThat(markdown).startsWith("---\n");
    String yaml = markdown.substring(4, markdown.indexOf("\n---\n", 4));
    JsonNode header = new ObjectMapper(new YAMLFactory()).readTree(yaml);
    assertThat(header.get("license").asText()).isEqualTo("other");
    assertThat(header.get("language").toString()).isEqualTo("[\"ru\"]");
    assertThat(header.get("size_categories").toString()).isEqualTo("[\"n<1K\"]");
    assertThat(header.get("task_categories").toString()).isEqualTo("[\"text-classification\"]");
    assertThat(markdown).contains("## What it is and how it was made", "## Notes per code and per language",
        "## Quality", "## Tokens and cost", "## Intended use and limits", "Not for clinical decisions",
        card.made().graphSha256(), card.made().templates().get(0).templateHash(), "seed: 20240802",
        "| I10 | ", String.format("%d of 60 notes pass", card.quality().passed()));
    // The same facts for machines: the JSON reads back into the same card.
    assertThat(CardJson.render(CardJson.parse(Files.readString(Path.of(layout.cardJson())))))
        .isEqualTo(Files.readString(Path.of(layout.cardJson())));
  }

  @Test
  void generateWritesTheCardWithoutQualityAndTheQualityStageRewritesIt() {
    RunContext context = new RunContext(ConfigLoader.load(null, List.of("output=" + dir, "mkg.source=csv",
        "mkg.vertices=" + TEST_GRAPH[0], "mkg.edges=" + TEST_GRAPH[1], "sample.n=20", "sample.partitions=2",
        "generate.slots=2", "spark.shuffle_partitions=2")), SPARK);
    new SampleStage().run(context);
    Stages.generate().run(context);
    Card generated = CardFiles.read(context).orElseThrow();
    assertThat(generated.quality()).isNull();
    assertThat(generated.notes().passed()).isNull();
    assertThat(generated.corpusNotes()).isEqualTo(generated.notes().ok()).isEqualTo(20);
    assertThat(generated.made().graphCodes()).isEqualTo(2);
    assertThat(markdownOf(context)).contains("The quality stage has not scored these notes yet");
    assertThat(Stages.quality().run(context).notes()).isEqualTo(20);
    Card scoredCard = CardFiles.read(context).orElseThrow();
    assertThat(scoredCard.quality().notes()).isEqualTo(20);
    assertThat(scoredCard.notes().passed()).isEqualTo(scoredCard.quality().passed());
    assertThat(markdownOf(context)).doesNotContain("has not scored");
    // The graph's version: the same in every JVM (attributes in key order), and another graph's differs.
    assertThat(scoredCard.made().graphSha256()).isEqualTo(generated.made().graphSha256())
        .isEqualTo(TEST_GRAPH_SHA256).isNotEqualTo(card.made().graphSha256());
  }

  private static String markdownOf(RunContext context) {
    try {
      return Files.readString(Path.of(context.layout().card()));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void aListOfRowsIsOneReadableCellWithItsNumbersFormatted() {
    java.util.Map<String, Object> tell = new java.util.LinkedHashMap<>();
    tell.put("word", "до|после");
    tell.put("real_share", 0.18017057569296374);
    tell.put("synthetic_share", 0.024979524979524978);
    assertThat(CardMarkdown.figure(List.of(tell, java.util.Map.of("word", "боль"))))
        .isEqualTo("word до\\|после, real_share 0.1802, synthetic_share 0.0250; word боль");
  }

  @Test
  void sizeCategoriesFollowHuggingFacesBuckets() {
    assertThat(Arrays.asList(CardFacts.sizeCategory(999), CardFacts.sizeCategory(1000),
        CardFacts.sizeCategory(41_000), CardFacts.sizeCategory(100_000), CardFacts.sizeCategory(2_000_000)))
        .containsExactly("n<1K", "1K<n<10K", "10K<n<100K", "100K<n<1M", "1M<n<10M");
  }

  @Test
  void credentialsInTheConfigurationStayOutOfTheCard() throws IOException {
    Path file = dir.resolve("secret.yaml");
    Files.writeString(file, """
        spark:
          conf:
            spark.hadoop.fs.s3a.access.key: AKIAEXAMPLEKEY
            spark.hadoop.fs.s3a.secret.key: s3cr3t-value
            spark.hadoop.fs.s3a.session.token: t0ken-value
            spark.executorEnv.LLM_GATEWAY: sk-in-executor-env
            spark.executor.memory: 2g
        """);
    Map<String, Object> config = PublicConfig.of(ConfigLoader.load(file, List.of()));
    assertThat(config.toString()).doesNotContain("AKIAEXAMPLEKEY", "s3cr3t-value", "t0ken-value", "sk-in-executor-env")
        .contains("spark.executor.memory=2g", "api_key_env=OPENAI_API_KEY",
            "max_tokens=1024", "tokens_per_minute=200000", "secret.key=" + PublicConfig.REDACTED);
  }

  /** Linear interpolation between ranks, as Spark's percentile and numpy's default. */
  private static double quantile(List<Integer> values, double p) {
    List<Integer> sorted = values.stream().sorted().toList();
    double position = p * (sorted.size() - 1);
    int below = (int) Math.floor(position);
    int above = Math.min(below + 1, sorted.size() - 1);
    return sorted.get(below) + (position - below) * (sorted.get(above) - sorted.get(below));
  }
}
