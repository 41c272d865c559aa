package io.medsyn.cli;

import static io.medsyn.cli.CliHarness.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.medsyn.cli.CliHarness.Result;
import io.medsyn.run.Stages;
import io.medsyn.stage.Stage;
import io.medsyn.testing.CliModel;
import io.medsyn.testing.TestSpark;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandsTest {
  @TempDir
  Path dir;

  @Test
  void helpExplainsEveryOption() {
    Result help = run("sample", "--help");
    assertThat(help.status()).isZero();
    assertThat(help.out()).contains("--config=FILE", "--set=KEY=VALUE", "--output=DIR", "--seed=N", "--master=URL",
        "sample.n");
    assertThat(run("--help").out()).contains("mkg", "sample", "generate", "run");
  }

  @Test
  void eachStageHasOneNameTheSubCommandsFollowInRunOrder() {
    assertThat(CliModel.stages()).containsExactlyElementsOf(Stages.all().stream().map(Stage::name).toList())
        .containsExactly("mkg", "sample", "generate", "quality", "evaluate");
  }

  @Test
  void badConfigurationIsOneLineNamingTheKeyAndStatusTwo() {
    Result bad = run("sample", "--set", "sample.n=-3");
    assertThat(bad.status()).isEqualTo(Commands.BAD_INPUT);
    assertThat(bad.err().strip()).isEqualTo("medsyn sample: sample.n: expected an integer >= 1, got -3");
    Result unknown = run("mkg", "--set", "mkg.sorce=csv");
    assertThat(unknown.err()).contains("--set mkg.sorce: unknown key; known keys here: source, vertices, edges, codes");
  }

  @Test
  void badGraphFileIsNamedWithoutAStackTrace() {
    TestSpark.session();
    Result bad = run("mkg", "--output", dir.toString(), "--set", "mkg.source=csv", "--set",
        "mkg.vertices=src/test/resources/mkg/vertices.csv", "--set", "mkg.edges=" + dir.resolve("missing.csv"));
    assertThat(bad.status()).isEqualTo(Commands.BAD_INPUT);
    assertThat(bad.err()).contains("missing.csv: no such file").doesNotContain("\tat ");
  }

  @Test
  void mkgAndSampleRunInTheExistingSession() {
    TestSpark.session();
    Result mkg = run("mkg", "--output", dir.toString(), "--set", "mkg.source=csv", "--set",
        "mkg.vertices=src/test/resources/mkg/vertices.csv", "--set", "mkg.edges=src/test/resources/mkg/edges.csv");
    assertThat(mkg.status()).as(mkg.err()).isZero();
    assertThat(mkg.out()).contains("MKG: 2 ICD-10 categories, 1 subcodes, 13 edges, 2 connected component(s)");
    Result sample = run("sample", "--output", dir.toString(), "--seed", "5", "--set", "sample.n=50", "--set",
        "mkg.source=parquet", "--set", "mkg.vertices=" + dir.resolve("mkg/vertices"), "--set",
        "mkg.edges=" + dir.resolve("mkg/edges"));
    assertThat(sample.status()).as(sample.err()).isZero();
    assertThat(sample.out()).contains("sampled 50 tasks into " + dir.resolve("tasks"));
    assertThat(TestSpark.session().read().parquet(dir.resolve("tasks").toString()).count()).isEqualTo(50);
    assertThat(TestSpark.session().sparkContext().isStopped()).isFalse();
  }

  @Test
  void generateWritesTheNotesAndNamesWhatIsMissing() {
    TestSpark.session();
    String[] graph = {"--output", dir.toString(), "--set", "mkg.source=csv", "--set",
        "mkg.vertices=src/test/resources/mkg/vertices.csv", "--set", "mkg.edges=src/test/resources/mkg/edges.csv"};
    Result early = run(concat(new String[] {"generate"}, graph));
    assertThat(early.status()).isEqualTo(Commands.BAD_INPUT);
    assertThat(early.err().strip()).isEqualTo("medsyn generate: there is no tasks table at " + dir.resolve("tasks")
        + "; run `medsyn sample` first (or `medsyn run`)");
    assertThat(run(concat(new String[] {"sample", "--set", "sample.n=40"}, graph)).status()).isZero();
    Result generate = run(concat(new String[] {"generate", "--set", "generate.slots=2"}, graph));
    assertThat(generate.status()).as(generate.err()).isZero();
    assertThat(generate.out()).contains("40 tasks, 0 already done, 40 sent")
        .contains("notes table " + dir.resolve("notes") + ": 40 ok, 0 failed");
    // The key's variable is looked up on the driver, before any request or Spark job.
    Result openai = run(concat(new String[] {"generate", "--set", "generate.backend=openai", "--set",
        "generate.openai.api_key_env=MEDSYN_TEST_KEY_THAT_IS_NOT_SET"}, graph));
    assertThat(openai.status()).isEqualTo(Commands.BAD_INPUT);
    assertThat(openai.err().strip()).startsWith("medsyn generate: environment variable"
        + " MEDSYN_TEST_KEY_THAT_IS_NOT_SET (named by generate.openai.api_key_env) is not set on this machine");
  }

  private static String[] concat(String[] a, String[] b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
