package io.medsyn.llm.offline;

import static io.medsyn.style.StyleModelFixture.counts;
import static org.assertj.core.api.Assertions.assertThat;

import io.medsyn.llm.ChatMessage;
import io.medsyn.llm.NoteRequest;
import io.medsyn.llm.NoteTask;
import io.medsyn.sample.Fact;
import io.medsyn.style.StyleModel;
import io.medsyn.style.StyleModelFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComposerVersionTest {
  /** Two models learned from the same notes at the same k, one with the code's clauses and one without. */
  private static final StyleModel WITHOUT_CLAUSES = StyleModelFixture.notesOf(90).build();
  private static final StyleModel WITH_CLAUSES = StyleModelFixture.notesOf(90).codeClauses(Map.of("J06",
      counts("першение в горле", 9L, "заложенность носа", 7L, "чихание", 6L))).build();

  @Test
  void notesWrittenDifferentlyGetAnotherModelName() {
    // Same provenance, so the style model's hash alone cannot tell the two apart (style.code_clauses on and off).
    assertThat(WITH_CLAUSES.provenance()).isEqualTo(WITHOUT_CLAUSES.provenance());
    String with = OfflineBackend.model(WITH_CLAUSES);
    String without = OfflineBackend.model(WITHOUT_CLAUSES);
    assertThat(with).isNotEqualTo(without).matches("medsyn-composer-[0-9a-f]{8}\\+style-0{12}-k5");
    assertThat(without).matches("medsyn-composer-[0-9a-f]{8}\\+style-0{12}-k5");
    assertThat(OfflineBackend.model(null)).matches("medsyn-composer-[0-9a-f]{8}")
        .isNotEqualTo(without.substring(0, without.indexOf('+')));
  }

  @Test
  void theVersionIsAFunctionOfTheComposer() {
    assertThat(OfflineBackend.model(WITH_CLAUSES)).isEqualTo(OfflineBackend.model(WITH_CLAUSES));
    assertThat(ComposerVersion.of(new NoteComposer(), null)).isEqualTo(ComposerVersion.of(new NoteComposer(), null))
        .hasSize(ComposerVersion.HEX_CHARS);
  }

  @Test
  void theCodeThatWritesTheNotesIsPartOfTheVersionFromADirectoryOrAJar(@TempDir Path dir) throws Exception {
    Path classes = dir.resolve("classes");
    write(classes, "io/medsyn/style/Lexicon.class", "lexicon v1");
    write(classes, "io/medsyn/evaluate/Experiment.class", "experiment v1");
    String first = digest(classes);
    // Another package's code does not write notes.
    write(classes, "io/medsyn/evaluate/Experiment.class", "experiment v2");
    assertThat(digest(classes)).isEqualTo(first);
    // A rule of the style model's lexicon does, though no probe note may show it.
    write(classes, "io/medsyn/style/Lexicon.class", "lexicon v2");
    String second = digest(classes);
    assertThat(second).isNotEqualTo(first);
    write(classes, "io/medsyn/text/Stemmer.class", "stemmer");
    assertThat(digest(classes)).isNotEqualTo(second);
    // The job jar with the same bytes gives the same version as the classes directory.
    Path jar = dir.resolve("job.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      for (String name : List.of("io/medsyn/evaluate/Experiment.class", "io/medsyn/style/Lexicon.class",
          "io/medsyn/text/Stemmer.class")) {
        out.putNextEntry(new JarEntry(name));
        out.write(Files.readAllBytes(classes.resolve(name)));
        out.closeEntry();
      }
    }
    assertThat(digest(jar)).isEqualTo(digest(classes));
  }

  private static void write(Path root, String name, String content) throws Exception {
    Path file = root.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  private static String digest(Path root) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    ComposerVersion.digestCode(digest, root, ComposerVersion.CODE);
    return HexFormat.of().formatHex(digest.digest());
  }

  @Test
  void theNotesRecordTheNameTheRunPlannedWith() {
    NoteTask task = new NoteTask(7, 20240802, "J06", "J06.9", "Острая инфекция", "Acute infection", "Острая инфекция",
        "Acute infection", "male", 30, List.of(new Fact("s1", "кашель", "cough", 0.6)), List.of(), List.of(), null,
        "ru", "symptoms");
    NoteRequest request = new NoteRequest("f", List.of(new ChatMessage("user", "…")), null, task);
    assertThat(new OfflineBackend(WITH_CLAUSES).submit(request).join().model())
        .isEqualTo(new OfflineProvider().params(null, WITH_CLAUSES).model());
  }
}
