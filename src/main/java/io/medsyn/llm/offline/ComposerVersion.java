package io.medsyn.llm.offline;

import io.medsyn.llm.NoteTask;
import io.medsyn.sample.Fact;
import io.medsyn.style.StyleModel;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The composer's version as what it writes: the hash of its notes for a fixed set of probe tasks, in both languages
 * and all three prompt kinds, and of the code that writes them. The notes' model name carries it, and the model is
 * part of every note's fingerprint, so a composer that writes differently gets new fingerprints by itself: a run
 * resumed after an upgrade writes its notes again rather than mixing two composers' notes under one name, as a
 * hand-bumped constant allowed. The probes alone missed changes that touch no probe (a rule for one code's clauses,
 * or for a word they lack); the code's bytes catch those, at the price of a new version for a change that writes the
 * same notes, which costs an offline run seconds.
 */
final class ComposerVersion {
  static final int HEX_CHARS = 8;
  private static final int PROBES_PER_KIND = 8;
  /** The packages whose code writes the notes: the composer, the style model it reads, the words it stems. */
  static final List<String> CODE = List.of("io/medsyn/llm/offline/", "io/medsyn/style/", "io/medsyn/text/");
  private static final long PROBE_SEED = 20240802L;
  /** A code the style model need not know; the probes use the model's smallest code with clauses when it has one. */
  private static final String PROBE_CODE = "J06";
  private static final List<Fact> SYMPTOMS = List.of(
      new Fact("probe:cough", "кашель с мокротой", "cough with sputum", 0.7),
      new Fact("probe:sore-throat", "боль в горле при глотании", "sore throat on swallowing", 0.6),
      new Fact("probe:fever", "повышение температуры тела до 38 °C", "fever up to 38 °C", 0.5),
      // A fact about complaints, which a note writes as a sentence of its own (Draft.list).
      new Fact("probe:no-complaints", "жалоб активно не предъявляет", "no complaints offered", 0.3),
      new Fact("probe:fatigue", "повышенная утомляемость", "fatigue", 0.4),
      new Fact("probe:back-pain", "боль в пояснице, отдающая в правую ногу", "low back pain going down the right leg",
          0.4),
      new Fact("probe:no-appetite", "отсутствие аппетита", "no appetite", 0.2));
  private static final List<Fact> ANAMNESIS = List.of(
      new Fact("probe:onset", "заболел остро после переохлаждения", "fell ill suddenly after getting cold", 0.6),
      new Fact("probe:smoker", "курит", "current smoker", 0.3));
  private static final List<Fact> FINDINGS = List.of(
      new Fact("probe:pharynx", "зев гиперемирован", "red throat", 0.7),
      new Fact("probe:bp", "АД 130/85 мм рт. ст.", "BP 130/85 mmHg", 0.4));
  /**
   * Examples written for the probe, each with habits a note follows: dashed items and a comma with no space, shorthand
   * and a placeholder, capitals, English.
   */
  private static final List<String> EXAMPLES = List.of(
      "- кашель - насморк,першение в горле - Т 37,5", "Жалобы на слабость, ОАК от *ДАТА* без особенностей.",
      "ВЫРАЖЕННАЯ ГОЛОВНАЯ БОЛЬ. ТОШНОТА", "c/o cough and sore throat, worse at night");

  /** The hash of the composer's code once {@link #codeHash()} has read it; null before. */
  private static byte[] codeDigest;

  private ComposerVersion() {}

  /** The first {@link #HEX_CHARS} hex digits of the hash of the composer's code and its notes for the probe tasks. */
  static String of(NoteComposer composer, StyleModel style) {
    // The smallest code, not the map's first: a model read back from JSON need not keep the learner's order.
    String code = style == null || style.codeClauses().isEmpty() ? PROBE_CODE
        : new TreeSet<>(style.codeClauses().keySet()).first();
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(codeHash());
      for (NoteTask task : probes(code)) {
        digest.update(composer.compose(task).getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
      }
      return HexFormat.of().formatHex(digest.digest()).substring(0, HEX_CHARS);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    } catch (IOException | URISyntaxException e) {
      throw new UncheckedIOException(new IOException("cannot read the composer's code to version it: " + e.getMessage()
          + "; check that the job jar or classes directory is readable", e));
    }
  }

  /**
   * The hash of the composer's code, read once per JVM: the code cannot change under a running JVM, and every backend
   * created would otherwise read the job jar or classes directory again (20 to 170 ms each).
   */
  private static synchronized byte[] codeHash() throws IOException, URISyntaxException, NoSuchAlgorithmException {
    if (codeDigest == null) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      CodeSource source = ComposerVersion.class.getProtectionDomain().getCodeSource();
      if (source != null && "file".equals(source.getLocation().getProtocol())) {
        digestCode(digest, Path.of(source.getLocation().toURI()), CODE);
      }
      codeDigest = digest.digest();
    }
    return codeDigest;
  }

  /**
   * Feeds the digest every file under the packages of {@code root} (a classes directory or a jar), in name order,
   * each as its name and its bytes.
   */
  static void digestCode(MessageDigest digest, Path root, List<String> packages) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    if (Files.isDirectory(root)) {
      try (Stream<Path> walk = Files.walk(root)) {
        for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
          String name = root.relativize(file).toString().replace(File.separatorChar, '/');
          if (packages.stream().anyMatch(name::startsWith)) {
            files.put(name, Files.readAllBytes(file));
          }
        }
      }
    } else {
      try (JarFile jar = new JarFile(root.toFile())) {
        for (JarEntry entry : Collections.list(jar.entries())) {
          if (!entry.isDirectory() && packages.stream().anyMatch(entry.getName()::startsWith)) {
            try (InputStream in = jar.getInputStream(entry)) {
              files.put(entry.getName(), in.readAllBytes());
            }
          }
        }
      }
    }
    files.forEach((name, bytes) -> {
      digest.update(name.getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      digest.update(bytes);
    });
  }

  private static List<NoteTask> probes(String code) {
    List<NoteTask> out = new ArrayList<>();
    long id = 0;
    for (String language : List.of("ru", "en")) {
      for (String kind : List.of("code", "symptoms", "example")) {
        for (int i = 0; i < PROBES_PER_KIND; i++, id++) {
          List<Fact> symptoms = SYMPTOMS.subList(i % 3, Math.min(SYMPTOMS.size(), i % 3 + 2 + i % 4));
          String example = "example".equals(kind) ? EXAMPLES.get(i % EXAMPLES.size()) : null;
          out.add(new NoteTask(id, PROBE_SEED, code, code + ".9", "Проба", "Probe", "Проба", "Probe",
              i % 2 == 0 ? "female" : "male", 18 + 9 * i, symptoms, ANAMNESIS, FINDINGS, example, language, kind));
        }
      }
    }
    return out;
  }
}
