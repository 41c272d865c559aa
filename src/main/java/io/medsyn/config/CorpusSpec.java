package io.medsyn.config;

import java.io.Serializable;

import io.medsyn.config.ConfigException;
import java.util.List;

/**
 * A corpus of real notes on disk: JSON Lines (the RuMedTop3 form {"idx","symptoms","code"}), CSV with a header,
 * or Parquet; which columns hold the id, the text and the ICD-10 code.
 *
 * @param key the configuration key this spec was read from, used in error messages
 * @param badRows what to do with rows that lack an id, text or code: {@code stop} (the run ends naming them) or
 *     {@code skip} (they are left out, counted in a warning)
 */
public record CorpusSpec(String key, String path, String format, String idColumn, String textColumn,
    String codeColumn, String badRows) implements Serializable {
  public static final List<String> FORMATS = List.of("jsonl", "csv", "parquet");
  public static final List<String> BAD_ROWS = List.of("stop", "skip");

  public CorpusSpec {
    ConfigException.require(path != null && !path.isBlank(), key + ".path", "a file or directory path", path);
    ConfigException.require(FORMATS.contains(format), key + ".format", "one of " + FORMATS, format);
    for (String[] column : new String[][] {{"id_column", idColumn}, {"text_column", textColumn},
        {"code_column", codeColumn}}) {
      ConfigException.require(column[1] != null && !column[1].isBlank(), key + "." + column[0], "a column name",
          column[1]);
    }
    ConfigException.require(BAD_ROWS.contains(badRows), key + ".bad_rows", "one of " + BAD_ROWS, badRows);
  }

  /** A corpus whose incomplete rows stop the run. */
  public CorpusSpec(String key, String path, String format, String idColumn, String textColumn, String codeColumn) {
    this(key, path, format, idColumn, textColumn, codeColumn, "stop");
  }

  public boolean skipsBadRows() {
    return "skip".equals(badRows);
  }
}
