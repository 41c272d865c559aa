package io.medsyn.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.medsyn.config.ConfigLoader;
import io.medsyn.config.MedSynConfig;
import io.medsyn.llm.Backends;
import io.medsyn.mkg.GraphFiles;
import io.medsyn.mkg.KnowledgeGraph;
import io.medsyn.prompt.PromptBook;
import io.medsyn.sample.PriorSampler;
import io.medsyn.testing.TestSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Spark task's retry, played without Spark: the journal is what carries finished requests across attempts. */
class RequestPumpTest {
  private static final String RUN = "20260101T000000Z-abc123";
  private final SparkSession spark = TestSpark.session();

  @TempDir
  Path dir;

  @Test
  void aRetriedTaskSkipsWhatItsKilledAttemptFinished() throws IOException {
    MedSynConfig config = ConfigLoader.load(null, List.of("sample.n=1200"));
    KnowledgeGraph graph = GraphFiles.readCsv("src/test/resources/mkg/vertices.csv",
        "src/test/resources/mkg/edges.csv", new Configuration());
    NoteGenerator generator = new NoteGenerator(config.generate(), Backends::create, PromptBook.load("ru"),
        Backends.params(config.generate()), RUN);
    List<Row> tasks = generator.plan(new PriorSampler(config.sample(), 1).sample(graph.vertices(spark),
        graph.edges(spark), null)).collectAsList();
    GenerateMetrics metrics = GenerateMetrics.register(spark.sparkContext());
    String journal = dir.toString();

    JournalWriter first = new JournalWriter(new Configuration(), journal, RUN, 3, 0, 0);
    assertThat(first.earlierOk()).isEmpty();
    RequestPump killed = pump(tasks, first.earlierOk(), "attempt0", first, metrics);
    for (int i = 0; i < 700; i++) {
      assertThat(killed.next().getString(1)).isEqualTo("ok");
    }
    // Killed here: never closed. Every line was flushed as it was written; files roll at 500 lines.
    assertThat(lines(dir)).containsExactly(500L, 200L);

    JournalWriter retry = new JournalWriter(new Configuration(), journal, RUN, 3, 0, 1);
    Set<String> done = retry.earlierOk();
    assertThat(done).hasSize(700);
    RequestPump second = pump(tasks, done, "attempt1", retry, metrics);
    long sent = 0;
    while (second.hasNext()) {
      assertThat(done).doesNotContain(second.next().getString(0));
      sent++;
    }
    retry.close();
    assertThat(sent).isEqualTo(500);
    assertThat(TestBackends.calls("attempt1")).isEqualTo(500);
    assertThat(metrics.resumed().value()).isEqualTo(700);
    assertThat(lines(dir)).containsExactly(500L, 200L, 500L);
    // Another partition's attempts are not this one's.
    assertThat(new JournalWriter(new Configuration(), journal, RUN, 4, 0, 1).earlierOk()).isEmpty();
  }

  private RequestPump pump(List<Row> tasks, Set<String> done, String name, JournalWriter journal,
      GenerateMetrics metrics) {
    MedSynConfig config = ConfigLoader.defaultConfig();
    return new RequestPump(tasks.iterator(), done, TestBackends.counting(name).create(config.generate(), 1.0),
        journal, PromptBook.load("ru"), Backends.params(config.generate()), RUN, metrics, Double.POSITIVE_INFINITY);
  }

  private static List<Long> lines(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(".jsonl")).sorted().map(f -> {
        try {
          return (long) Files.readAllLines(f).size();
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).toList();
    }
  }
}
