package io.medsyn.cli;

import static io.medsyn.cli.CliHarness.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.medsyn.cli.CliHarness.Result;
import io.medsyn.testing.TestSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `medsyn experiment` (what `make experiment` runs): bad inputs are one line and status 2; --grid none stops early. */
class ExperimentCommandTest {
  @TempDir
  Path dir;

  private Path corpus(String name, String... lines) throws IOException {
    Path file = dir.resolve(name);
    Files.write(file, java.util.List.of(lines));
    return file;
  }

  @Test
  void aMissingCorpusIsOneLineAndStatusTwo() throws IOException {
    TestSpark.session();
    Path train = corpus("train.jsonl", "{\"idx\": \"t1\", \"symptoms\": \"кашель\", \"code\": \"J06.9\"}");
    Result bad = run("experiment", "--train", train.toString(), "--eval", dir.resolve("dev.jsonl").toString(),
        "--output", dir.resolve("out").toString());
    assertThat(bad.status()).isEqualTo(Commands.BAD_INPUT);
    assertThat(bad.err().strip()).isEqualTo("medsyn experiment: --eval: nothing at " + dir.resolve("dev.jsonl")
        + "; give the path of a corpus file or directory (JSON Lines, CSV or Parquet)");
    assertThat(Files.exists(dir.resolve("out"))).isFalse();
  }

  @Test
  void aCorpusWithoutCodesIsOneLineAndStatusTwo() throws IOException {
    TestSpark.session();
    Path train = corpus("train.csv", "idx,symptoms,code", "t1,кашель,none", "t2,насморк,J6");
    Result bad = run("experiment", "--train", train.toString(), "--eval", train.toString(), "--output",
        dir.resolve("out").toString());
    assertThat(bad.status()).isEqualTo(Commands.BAD_INPUT);
    assertThat(bad.err().strip()).isEqualTo("medsyn experiment: --train: " + train + " has no note with a valid"
        + " ICD-10 code in column code; set evaluate.train.code_column to the column that holds the codes");
  }

  @Test
  void aClassifierItCannotFitIsOneLineBeforeAnyStage() throws IOException {
    TestSpark.session();
    Path train = corpus("train.jsonl", "{\"idx\": \"t1\", \"symptoms\": \"Кашель.\", \"code\": \"J06.9\"}");
    Path out = dir.resolve("out");
    // The experiment turns feature copies on, which MLlib's multinomial model cannot fit.
    Result bad = run("experiment", "--train", train.toString(), "--eval", train.toString(), "--output",
        out.toString(), "--set", "evaluate.classifier.model=mllib_multinomial");
    assertThat(bad.status()).isEqualTo(Commands.BAD_INPUT);
    assertThat(bad.err().strip()).isEqualTo("medsyn experiment: evaluate.classifier.adapt_domains: expected false"
        + " with model mllib_multinomial (its copies need a linear logistic model: one_vs_rest, softmax or"
        + " one_vs_rest_and_softmax), got true");
    assertThat(Files.exists(out.resolve("tasks"))).isFalse();
  }

  @Test
  void gridNoneRunsEveryStageOnTheCorpusCodesAndStopsBeforeTheFirstFit() throws IOException {
    TestSpark.session();
    Path train = corpus("train.jsonl",
        "{\"idx\": \"t1\", \"symptoms\": \"Кашель, насморк, першит в горле.\", \"code\": \"J06.9\"}",
        "{\"idx\": \"t2\", \"symptoms\": \"Давление поднимается до 160, болит затылок.\", \"code\": \"I10\"}");
    Path dev = corpus("dev.jsonl", "{\"idx\": \"d1\", \"symptoms\": \"Кашель.\", \"code\": \"J06.9\"}");
    Path out = dir.resolve("out");
    // Two training notes are fewer than k = 5 for the style model the experiment learns by default.
    Result tooFew = run("experiment", "--train", train.toString(), "--eval", dev.toString(), "--output",
        dir.resolve("styled").toString(), "--grid", "none", "--set", "sample.n=6");
    assertThat(tooFew.status()).isEqualTo(2);
    assertThat(tooFew.err()).contains("has 2 notes, fewer than style.min_real_notes=5");
    Result done = run("experiment", "--train", train.toString(), "--eval", dev.toString(), "--output",
        out.toString(), "--grid", "none", "--set", "sample.n=6", "--set", "style.learn=false");
    assertThat(done.status()).as(done.err()).isZero();
    assertThat(done.out()).contains("MKG: 2 ICD-10 categories").contains("--grid none: stopped before the first"
        + " fit");
    assertThat(TestSpark.session().read().parquet(out.resolve("tasks").toString()).select("code").distinct()
        .as(org.apache.spark.sql.Encoders.STRING()).collectAsList()).containsExactlyInAnyOrder("I10", "J06");
    assertThat(Files.exists(out.resolve("quality/notes"))).isTrue();
    assertThat(Files.exists(out.resolve("evaluation"))).isFalse();
    // The experiment's classifier is the two-model mean, chosen by its own CV over the default's three members.
    JsonNode made = new ObjectMapper().readTree(out.resolve("card.json").toFile()).at("/made/config");
    assertThat(made.at("/evaluate/classifier/model").asText()).isEqualTo("one_vs_rest_and_softmax");
    // Its tasks draw 1 to 3 of the graph's symptoms (2 to 5 elsewhere), also chosen by CV on train: the six tasks
    // here span the whole range.
    assertThat(made.at("/sample/symptoms/min").asInt()).isEqualTo(1);
    assertThat(made.at("/sample/symptoms/max").asInt()).isEqualTo(3);
    assertThat(made.at("/style/code_clause_notes").asInt()).isEqualTo(2);
    Row sizes = TestSpark.session().read().parquet(out.resolve("tasks").toString())
        .selectExpr("min(size(symptoms))", "max(size(symptoms))").first();
    assertThat(List.of(sizes.getInt(0), sizes.getInt(1))).isEqualTo(List.of(1, 3));
  }
}
