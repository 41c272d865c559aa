package io.medsyn.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.medsyn.llm.batch.BatchSettings;
import io.medsyn.llm.openai.OpenAiConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir
  Path dir;

  @Test
  void embeddedDefaultsAreComplete() {
    MedSynConfig config = ConfigLoader.defaultConfig();
    assertThat(config.output()).isEqualTo("out");
    assertThat(config.mkg().source()).isEqualTo("builtin");
    assertThat(config.sample().n()).isEqualTo(41000);
    assertThat(config.sample().symptoms()).isEqualTo(new Range(2, 5));
    assertThat(config.sample().allocation().policy()).isEqualTo("uniform");
    assertThat(config.sample().examples().enabled()).isFalse();
    assertThat(config.generate()).isEqualTo(new GenerateConfig("offline", "ru", "auto", 4, 0.0, 10,
        0.5, 120, new PromptsConfig(null), Map.of("openai", OpenAiConfig.defaults(), "openai_batch",
        BatchSettings.defaults())));
    assertThat(config.generate().hasBudget()).isFalse();
  }

  @Test
  void generateKeysAreValidated() {
    assertThat(ConfigLoader.load(null, List.of("generate.language=en", "generate.prompt_kind=code",
        "generate.budget_usd=2.5")).generate()).isEqualTo(new GenerateConfig("offline", "en", "code", 4, 2.5, 10,
        0.5, 120, new PromptsConfig(null), Map.of("openai", OpenAiConfig.defaults(), "openai_batch",
        BatchSettings.defaults())));
    assertThatThrownBy(() -> ConfigLoader.load(null, List.of("generate.backend=gpt")))
        .hasMessageContaining("generate.backend: expected one of [offline, openai, openai_batch], got gpt");
    assertThatThrownBy(() -> ConfigLoader.load(null, List.of("generate.openai_batch.price_factor=2")))
        .hasMessageContaining("generate.openai_batch.price_factor: expected a share of the list price in (0, 1],"
            + " such as 0.5, got 2.0");
    assertThatThrownBy(() -> ConfigLoader.load(null, List.of("generate.prompt_kind=examples")))
        .hasMessageContaining("generate.prompt_kind: expected one of [auto, code, symptoms, example], got examples");
    assertThatThrownBy(() -> ConfigLoader.load(null, List.of("generate.slots=0")))
        .hasMessageContaining("generate.slots: expected an integer >= 1, got 0");
    assertThatThrownBy(() -> ConfigLoader.load(null, List.of("generate.budget_usd=-1")))
        .hasMessageContaining("generate.budget_usd: expected a number >= 0 (0 = no budget), got -1.0");
  }

  @Test
  void shippedConfigFileIsValidAndMatchesTheDefaults() {
    MedSynConfig shipped = ConfigLoader.load(Path.of("conf/medsyn.yaml"), List.of());
    assertThat(shipped).isEqualTo(ConfigLoader.defaultConfig());
  }

  @Test
  void fileThenOverridesReplaceOnlyTheKeysTheyName() throws IOException {
    Path file = write("sample:\n  n: 500\n  symptoms: {min: 3, max: 4}\nmkg:\n  codes: [I10, I11]\n");
    MedSynConfig config = ConfigLoader.load(file, List.of("sample.n=41000", "sample.allocation.policy=medsyn",
        "spark.conf.spark.executor.memory=4g"));
    assertThat(config.sample().n()).isEqualTo(41000);
    assertThat(config.sample().symptoms()).isEqualTo(new Range(3, 4));
    assertThat(config.sample().anamnesis()).isEqualTo(new Range(1, 3));
    assertThat(config.sample().allocation().policy()).isEqualTo("medsyn");
    assertThat(config.sample().allocation().minPerCode()).isEqualTo(1);
    assertThat(config.mkg().codes()).containsExactly("I10", "I11");
    assertThat(config.spark().conf()).containsEntry("spark.executor.memory", "4g");
  }

  @Test
  void unknownKeyInFileIsNamedWithTheKnownOnes() throws IOException {
    Path file = write("sample:\n  symptom_count: 3\n");
    assertThatThrownBy(() -> ConfigLoader.load(file, List.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("unknown key 'sample.symptom_count'")
        .hasMessageContaining("symptoms");
  }

  @Test
  void unknownKeyOnCommandLineIsNamed() {
    assertThatThrownBy(() -> ConfigLoader.load(null, List.of("sample.nn=5")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("--set sample.nn: unknown key")
        .hasMessageContaining("n, partitions");
  }

  @Test
  void illTypedValueNamesKeyAndExpectedForm() {
    assertThatThrownBy(() -> ConfigLoader.load(null, List.of("sample.n=lots")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'sample.n' expects an integer")
        .hasMessageContaining("lots");
  }

  @Test
  void outOfRangeValuesNameKeyAndValue() {
    assertThatThrownBy(() -> ConfigLoader.load(null, List.of("sample.symptoms.max=1")))
        .hasMessageContaining("sample.symptoms.max: expected an integer >= sample.symptoms.min (2), got 1");
    assertThatThrownBy(() -> ConfigLoader.load(null, List.of("sample.allocation.policy=random")))
        .hasMessageContaining("sample.allocation.policy: expected one of [uniform, proportional, medsyn, inverse, tempered],"
            + " got random");
    assertThatThrownBy(() -> ConfigLoader.load(null, List.of("mkg.codes=[I1]")))
        .hasMessageContaining("mkg.codes: expected 3-character ICD-10 categories such as I11, got I1");
    assertThatThrownBy(() -> ConfigLoader.load(null, List.of("sample.temperature=0")))
        .hasMessageContaining("sample.temperature: expected a number > 0, got 0.0");
  }

  @Test
  void examplesMustComeFromATrainingSplit() {
    assertThatThrownBy(() -> ConfigLoader.load(null, List.of("sample.examples.path=dev.jsonl",
        "sample.examples.split=dev")))
        .hasMessageContaining("sample.examples.split: expected 'train'");
  }

  @Test
  void missingFileAndBadYamlAreReported() throws IOException {
    assertThatThrownBy(() -> ConfigLoader.load(dir.resolve("nope.yaml"), List.of()))
        .hasMessageContaining("nope.yaml does not exist");
    Path bad = write("sample: [unclosed\n");
    assertThatThrownBy(() -> ConfigLoader.load(bad, List.of())).hasMessageContaining("is not valid YAML");
    assertThatThrownBy(() -> ConfigLoader.load(null, List.of("sample.n")))
        .hasMessageContaining("expected KEY=VALUE");
  }

  private Path write(String yaml) throws IOException {
    Path file = dir.resolve("medsyn-" + System.nanoTime() + ".yaml");
    Files.writeString(file, yaml);
    return file;
  }
}
