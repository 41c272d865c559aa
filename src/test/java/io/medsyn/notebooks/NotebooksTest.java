package io.medsyn.notebooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.medsyn.pipeline.Layout;
import io.medsyn.testing.Processes;
import io.medsyn.testing.SmallRun;
import io.medsyn.testing.TestSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every notebook in notebooks/ executes headlessly (jupyter-nbconvert) on a small run that this test writes, with
 * no cell failing and every chart drawn. `make test` installs the Debian packages it needs (make notebook-tools).
 */
class NotebooksTest {
  private static final Path NOTEBOOKS = Path.of("notebooks");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path dir;
  static Layout run;

  @BeforeAll
  static void writeRun() {
    run = SmallRun.shared();
  }

  static Stream<Path> notebooks() throws IOException {
    try (Stream<Path> files = Files.list(NOTEBOOKS)) {
      return files.filter(f -> f.toString().endsWith(".ipynb")).sorted().toList().stream();
    }
  }

  @Test
  void theCorpusOverviewIsAmongTheNotebooks() throws IOException {
    assertThat(notebooks().map(p -> p.getFileName().toString())).contains("corpus_overview.ipynb");
  }

  @ParameterizedTest
  @MethodSource("notebooks")
  void notebookRunsHeadlesslyOnASmallRunAndDrawsEveryChart(Path notebook) throws IOException {
    Processes.Result tools = Processes.run(List.of("sh", "-c", "command -v jupyter-nbconvert"), Map.of(),
        Duration.ofSeconds(10));
    assertThat(tools.exit()).as("jupyter-nbconvert is missing: `make notebook-tools` installs it with pandas,"
        + " matplotlib and JPype (Debian packages)").isZero();
    Path executed = dir.resolve("executed");

    Processes.Result result = Processes.run(List.of("jupyter-nbconvert", "--to", "notebook", "--execute",
            "--ExecutePreprocessor.timeout=300", "--output-dir", executed.toString(), notebook.toString()),
        Map.of("MEDSYN_OUTPUT", run.root(), "PYDEVD_DISABLE_FILE_VALIDATION", "1"), Duration.ofMinutes(6));

    assertThat(result.exit()).as(result.output()).isZero();
    JsonNode cells = JSON.readTree(executed.resolve(notebook.getFileName()).toFile()).get("cells");
    List<String> texts = new ArrayList<>();
    for (JsonNode cell : cells) {
      if (!cell.get("cell_type").asText().equals("code")) {
        continue;
      }
      String source = text(cell.get("source"));
      assertThat(cell.get("outputs")).as("outputs of cell:%n%s", source).isNotEmpty();
      boolean drawn = false;
      for (JsonNode output : cell.get("outputs")) {
        assertThat(output.get("output_type").asText()).as("cell:%n%s%nfailed: %s", source, output).isNotEqualTo("error");
        drawn |= output.path("data").has("image/png");
        texts.add(text(output.path("text")) + text(output.path("data").path("text/plain")));
      }
      assertThat(drawn).as("a chart from cell:%n%s", source).isEqualTo(source.contains("plt.show()"));
    }
    if (notebook.getFileName().toString().equals("corpus_overview.ipynb")) {
      String all = String.join("\n", texts);
      SparkSession spark = TestSpark.session();
      for (Map.Entry<String, String> table : run.tables().entrySet()) {
        long rows = spark.read().parquet(table.getValue()).count();
        assertThat(all).as("the summary names %s with its %d rows", table.getKey(), rows)
            .containsPattern("\n" + table.getKey() + " +" + rows + " ");
      }
      assertThat(all).contains("tasks per code: min 15, mean 15.0, max 15");
    }
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
