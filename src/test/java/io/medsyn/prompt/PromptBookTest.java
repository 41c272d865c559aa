package io.medsyn.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.medsyn.Hashes;
import io.medsyn.config.ConfigException;
import io.medsyn.llm.ChatMessage;
import io.medsyn.llm.NoteTask;
import io.medsyn.sample.Fact;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromptBookTest {
  private static final NoteTask TASK = new NoteTask(7, 1, "I10", "I10.9", "Эссенциальная гипертензия",
      "Essential hypertension", "Эссенциальная гипертензия неуточнённая", "Essential hypertension, unspecified",
      "female", 54, List.of(new Fact("s1", "головная боль", "headache", 0.7),
          new Fact("s2", "шум в ушах", "tinnitus", 0.3)), List.of(), List.of(new Fact("f1", "АД 162/98 мм рт. ст.",
          "BP 162/98 mmHg", 0.8)), "Жалобы на головную боль.", "ru", "example");

  @Test
  void theJarCarriesConfPromptsAndHashesTheirBytes() throws IOException {
    for (String language : List.of("ru", "en")) {
      PromptBook book = PromptBook.load(language);
      for (PromptKind kind : PromptKind.values()) {
        Path file = Path.of("conf/prompts", kind.label() + "." + language + ".txt");
        assertThat(book.template(kind).hash()).as(file.toString())
            .isEqualTo(Hashes.sha256Hex(Files.readString(file)))
            .hasSize(64);
      }
    }
    assertThat(Hashes.sha256Hex("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void exampleKindCarriesTheExampleTheSymptomsAndTheDemographics() {
    List<ChatMessage> messages = PromptBook.load("ru").messages(TASK);
    assertThat(messages).extracting(ChatMessage::role).containsExactly("system", "user");
    String user = messages.get(1).content();
    assertThat(user).contains("\"\"\"\nЖалобы на головную боль.\n\"\"\"")
        .contains("используя все эти симптомы: головная боль, шум в ушах.")
        .contains("Пациент: женщина, возраст: 54. Анамнез: нет данных. Данные осмотра: АД 162/98 мм рт. ст.")
        .doesNotContain("{{");
  }

  @Test
  void aStyleHintGoesIntoTheUserMessageAndTheTemplatesHash() {
    PromptBook plain = PromptBook.load("ru");
    PromptBook styled = plain.withStyle("Длина записи: около 117 знаков.");
    assertThat(styled.messages(TASK).get(1).content()).contains("\nДлина записи: около 117 знаков.\nОтветь только");
    assertThat(plain.messages(TASK).get(1).content()).doesNotContain("Длина записи").doesNotContain("{{");
    for (PromptKind kind : PromptKind.values()) {
      assertThat(styled.template(kind).hash()).isNotEqualTo(plain.template(kind).hash());
    }
    assertThat(plain.withStyle("").template(PromptKind.EXAMPLE).hash())
        .isEqualTo(plain.template(PromptKind.EXAMPLE).hash());
  }

  @Test
  void codeKindNamesTheDiseaseAndForbidsNamingIt() {
    NoteTask byCode = new NoteTask(7, 1, "I10", "I10.9", TASK.diseaseRu(), TASK.diseaseEn(), TASK.subcodeRu(),
        TASK.subcodeEn(), "male", 60, TASK.symptoms(), List.of(), List.of(), null, "en", "code");
    String user = PromptBook.load("en").messages(byCode).get(1).content();
    assertThat(user).startsWith("Write a note on the complaints of a patient who actually has \"Essential"
        + " hypertension\" (ICD-10 I10, more precisely: Essential hypertension, unspecified).")
        .contains("Do not name the diagnosis")
        .doesNotContain("headache");
  }

  @Test
  void kindFollowsTheConfigurationAndTheExample() {
    assertThat(PromptKind.choose("auto", true)).isEqualTo(PromptKind.EXAMPLE);
    assertThat(PromptKind.choose("auto", false)).isEqualTo(PromptKind.SYMPTOMS);
    assertThat(PromptKind.choose("example", false)).isEqualTo(PromptKind.SYMPTOMS);
    assertThat(PromptKind.choose("code", true)).isEqualTo(PromptKind.CODE);
    assertThat(PromptKind.choose("symptoms", true)).isEqualTo(PromptKind.SYMPTOMS);
  }

  @Test
  void badTemplatesAreRejectedWithTheLine() {
    assertThatThrownBy(() -> PromptTemplate.parse("t.txt", "### user\nWrite about {{diagnosis}}.\n"))
        .hasMessageContaining("t.txt line 2: unknown placeholder {{diagnosis}}; known: [age, anamnesis, code");
    assertThatThrownBy(() -> PromptTemplate.parse("t.txt", "Hello\n### user\nx\n"))
        .hasMessageContaining("t.txt line 1: text before the first section");
    assertThatThrownBy(() -> PromptTemplate.parse("t.txt", "### system\nx\n### assistant\ny\n"))
        .hasMessageContaining("t.txt line 3: unknown or repeated section '### assistant'");
    assertThatThrownBy(() -> PromptTemplate.parse("t.txt", "### system\nonly a system part\n"))
        .hasMessageContaining("t.txt: no '### user' section");
    PromptTemplate userOnly = PromptTemplate.parse("t.txt", "### user\nAge {{ age }}.\n");
    assertThat(userOnly.render(PromptVariables.of(TASK, "")))
        .containsExactly(new ChatMessage("user", "Age 54."));
  }

  @Test
  void aPromptsDirectoryReplacesTheTemplatesItHoldsAndIsCheckedAlike(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("code.en.txt"), "### system\nYou write notes.\n### user\nCode {{code}}.\n");
    PromptBook book = PromptBook.load("en", dir.toString());
    assertThat(book.template(PromptKind.CODE).source()).isEqualTo(dir.resolve("code.en.txt").toString());
    assertThat(book.template(PromptKind.CODE).user()).isEqualTo("Code {{code}}.");
    assertThat(book.template(PromptKind.SYMPTOMS).source()).isEqualTo("conf/prompts/symptoms.en.txt");

    Files.writeString(dir.resolve("code.en.txt"), "### system\nx\n### user\n{{diagnosis}}\n");
    assertThatThrownBy(() -> PromptBook.load("en", dir.toString())).hasMessageContaining(
        dir.resolve("code.en.txt").toString()).hasMessageContaining("diagnosis");
    assertThatThrownBy(() -> PromptBook.load("ru", dir.toString())).isInstanceOf(ConfigException.class)
        .hasMessage("generate.prompts.dir: " + dir + " holds none of the ru templates [code.ru.txt,"
            + " symptoms.ru.txt, example.ru.txt]; name them so, or leave generate.prompts.dir null");
    assertThatThrownBy(() -> PromptBook.load("ru", dir.resolve("absent").toString()))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("generate.prompts.dir: " + dir.resolve("absent")
            + " is not a directory;");
  }
}
