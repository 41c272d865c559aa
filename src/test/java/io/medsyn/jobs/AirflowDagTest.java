package io.medsyn.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.medsyn.testing.CliModel;
import io.medsyn.testing.Jobs;
import io.medsyn.testing.Processes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Airflow DAG calls exactly the stages and options the CLI and the wrappers offer. Airflow cannot run here:
 * jobs/airflow/tests/dag_contract.py reads the DAG with Python's standard library and prints what it asks for.
 */
class AirflowDagTest {
  private static final Path DAG = Path.of("jobs/airflow/medsyn_dag.py");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @Test
  void dagRunsEveryStageInPipelineOrderWithOptionsTheCliOffers() throws IOException {
    JsonNode dag = contract(DAG);
    assertThat(problems(dag)).isEmpty();
    assertThat(dag.get("dag_id").asText()).isEqualTo("medsyn");
    assertThat(texts(dag.get("stages"))).containsExactlyElementsOf(CliModel.stages());
    assertThat(dag.get("max_active_runs").asInt()).isEqualTo(1);
    JsonNode sample = dag.get("tasks").get(1);
    assertThat(sample.get("task_id").asText()).isEqualTo("sample");
    assertThat(sample.get("wrapper").asText()).endsWith("/sample.sh");
    assertThat(sample.get("medsyn_options").get("--output").asText()).endsWith("/{{ ds }}");
    assertThat(sample.get("medsyn_options").get("--seed").asText()).isEqualTo("{{ ds_nodash }}");
    assertThat(sample.get("wrapper_options").get("--config").asText()).contains("cluster.yaml");
    assertThat(sample.get("retries").asInt()).isEqualTo(2);
  }

  @Test
  void aStageTheCliLacksAndAnOptionItDoesNotTakeAreBothReported() throws IOException {
    String source = Files.readString(DAG)
        .replace("STAGES = [", "STAGES = [\"summarize\", ")
        .replace("--seed", "--sed");
    Path drifted = dir.resolve("medsyn_dag.py");
    Files.writeString(drifted, source);

    List<String> problems = problems(contract(drifted));

    assertThat(problems).anyMatch(p -> p.contains("stages [summarize, mkg, sample, generate, quality, evaluate]"))
        .anyMatch(p -> p.contains("task summarize: no wrapper jobs/summarize.sh"))
        .anyMatch(p -> p.contains("task mkg: medsyn mkg has no option --sed"));
  }

  /** Every way the DAG departs from the CLI and the wrappers, one line each; empty when they agree. */
  static List<String> problems(JsonNode dag) {
    List<String> problems = new ArrayList<>();
    List<String> stages = CliModel.stages();
    if (!texts(dag.get("stages")).equals(stages)) {
      problems.add("DAG stages " + texts(dag.get("stages")) + " but medsyn's stages are " + stages);
    }
    if (!dag.get("disallowed_imports").isEmpty()) {
      problems.add("DAG imports beyond airflow and datetime: " + dag.get("disallowed_imports"));
    }
    Set<String> wrapperOptions = Jobs.options();
    List<String> taskIds = new ArrayList<>();
    for (JsonNode task : dag.get("tasks")) {
      String id = task.get("task_id").asText();
      taskIds.add(id);
      String wrapper = task.get("wrapper").asText();
      String stage = wrapper.substring(wrapper.lastIndexOf('/') + 1).replaceFirst("\\.sh$", "");
      if (!stage.equals(id)) {
        problems.add("task " + id + " calls " + wrapper + ", not its own stage's wrapper");
      }
      if (!Files.isExecutable(Jobs.wrapper(stage))) {
        problems.add("task " + id + ": no wrapper jobs/" + stage + ".sh");
      }
      for (String option : names(task.get("wrapper_options"))) {
        if (!wrapperOptions.contains(option)) {
          problems.add("task " + id + ": the wrappers have no option " + option + " (they have " + wrapperOptions
              + ")");
        }
      }
      Set<String> cliOptions = stages.contains(stage) ? CliModel.options(stage) : Set.of();
      for (String option : names(task.get("medsyn_options"))) {
        if (!cliOptions.contains(option)) {
          problems.add("task " + id + ": medsyn " + stage + " has no option " + option);
        }
      }
      if (!task.get("medsyn_options").path("--output").asText().contains("{{ ds }}")) {
        problems.add("task " + id + ": --output must contain {{ ds }} so that a re-run replaces only its date");
      }
      if (task.get("retries").asInt() < 1) {
        problems.add("task " + id + ": no retries");
      }
    }
    if (!taskIds.equals(texts(dag.get("stages")))) {
      problems.add("DAG tasks " + taskIds + " are not one per stage " + texts(dag.get("stages")));
    }
    List<String> edges = new ArrayList<>();
    dag.get("edges").forEach(e -> edges.add(e.get(0).asText() + ">>" + e.get(1).asText()));
    List<String> chain = new ArrayList<>();
    for (int i = 1; i < taskIds.size(); i++) {
      chain.add(taskIds.get(i - 1) + ">>" + taskIds.get(i));
    }
    if (!edges.equals(chain)) {
      problems.add("DAG edges " + edges + " but the stages run in a chain " + chain);
    }
    return problems;
  }

  private static JsonNode contract(Path dagFile) throws IOException {
    Processes.Result result = Processes.run(List.of("python3", "jobs/airflow/tests/dag_contract.py",
        dagFile.toAbsolutePath().toString()), Map.of(), Duration.ofSeconds(60));
    assertThat(result.exit()).as(result.output()).isZero();
    return JSON.readTree(result.stdout());
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(n -> texts.add(n.asText()));
    return texts;
  }

  private static List<String> names(JsonNode object) {
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }
}
