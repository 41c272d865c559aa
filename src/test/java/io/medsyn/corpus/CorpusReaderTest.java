package io.medsyn.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.medsyn.config.CorpusSpec;
import io.medsyn.testing.TestSpark;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Corpora that cannot be used are refused in one message naming the key, the file (and line) and the fix. */
class CorpusReaderTest {
  private static final String KEY = "sample.examples";

  @TempDir
  Path dir;

  private static CorpusSpec spec(Path path, String format, String badRows) {
    return new CorpusSpec(KEY, path.toString(), format, "idx", "symptoms", "code", badRows);
  }

  private static List<Row> read(CorpusSpec spec) {
    return CorpusReader.read(TestSpark.session(), spec).orderBy("id").collectAsList();
  }

  @Test
  void missingCorpusNamesTheKeyAndThePath() {
    Path missing = dir.resolve("train_v1.jsonl");

    assertThatThrownBy(() -> read(spec(missing, "jsonl", "stop"))).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("sample.examples.path: " + missing + " does not exist; point sample.examples.path at a jsonl "
            + "file or a directory of them");
  }

  @Test
  void emptyFileOrDirectoryIsEmptyNotAMissingColumn() throws IOException {
    Path file = Files.createFile(dir.resolve("empty.jsonl"));
    Path folder = Files.createDirectories(dir.resolve("parts"));
    Files.createFile(folder.resolve("part-0.csv"));
    Files.writeString(folder.resolve("_SUCCESS"), "not data");

    assertThatThrownBy(() -> read(spec(file, "jsonl", "stop")))
        .hasMessage("sample.examples.path: " + file + " is empty (1 data file, 0 bytes); point sample.examples.path"
            + " at a corpus with notes");
    assertThatThrownBy(() -> read(spec(folder, "csv", "stop"))).hasMessageContaining(" is empty (1 data file");
  }

  @Test
  void headerOnlyCsvHasNoRows() throws IOException {
    Path csv = Files.writeString(dir.resolve("header.csv"), "idx,symptoms,code\n");

    assertThatThrownBy(() -> read(spec(csv, "csv", "stop")))
        .hasMessage("sample.examples.path: " + csv + " has no rows; point sample.examples.path at a corpus with "
            + "notes");
  }

  @Test
  void nonUtf8CorpusNamesTheFileAndTheLine() throws IOException {
    Path jsonl = dir.resolve("cp1251.jsonl");
    String good = "{\"idx\": \"1\", \"symptoms\": \"кашель\", \"code\": \"J06\"}\n"
        + "{\"idx\": \"2\", \"symptoms\": \"насморк\", \"code\": \"J06\"}\n";
    String bad = "{\"idx\": \"3\", \"symptoms\": \"головная боль\", \"code\": \"I10\"}\n";
    Files.write(jsonl, concat(good.getBytes(StandardCharsets.UTF_8), bad.getBytes(Charset.forName("windows-1251"))));

    // "г" is 0xE3 in windows-1251, the 27th byte of the line: a UTF-8 lead byte without its continuation.
    assertThatThrownBy(() -> read(spec(jsonl, "jsonl", "stop")))
        .hasMessage("sample.examples.path: file:" + jsonl + " line 3 is not UTF-8 (byte 0xE3 at byte 27 of the "
            + "line); convert the file to UTF-8, e.g. iconv -f WINDOWS-1251 -t UTF-8");
  }

  @Test
  void incompleteRowsAreCountedAndNamedThenStopOrAreSkipped() throws IOException {
    Path jsonl = Files.writeString(dir.resolve("gaps.jsonl"), """
        {"idx": "1", "symptoms": "кашель", "code": "J06"}
        {"idx": "2", "symptoms": "насморк"}
        {"idx": "3", "symptoms": "  ", "code": "J06"}
        {"idx": "4", "symptoms": "головная боль", "code": " "}
        {"idx": "5", "symptoms": "слабость", "code": "I10"}
        """);

    assertThatThrownBy(() -> read(spec(jsonl, "jsonl", "stop")))
        .hasMessage("sample.examples.bad_rows=stop: " + jsonl + ": 3 of 5 rows lack an id, text or code (0 without "
            + "id_column 'idx', 1 without text_column 'symptoms', 2 without code_column 'code'), e.g. id 2, 3, 4; "
            + "fix or drop them, point the sample.examples.*_column settings at the right columns, or set "
            + "sample.examples.bad_rows=skip");
    assertThat(read(spec(jsonl, "jsonl", "skip"))).extracting(r -> r.getString(0)).containsExactly("1", "5");
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] all = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
