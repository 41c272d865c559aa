package io.medsyn.config;

import java.io.Serializable;

import io.medsyn.config.ConfigException;
import java.util.List;

/**
 * A corpus of real notes on disk: JSON Lines (the RuMedTop3 form {"idx","symptoms","code"}), CSV with a header,
 * or Parquet; which columns hold the id, the text and the ICD-10 code.
 *
 * @param key the configuration key this spec was read from, used in error messages
 */
public record CorpusSpec(String key, String path, String format, String idColumn, String textColumn,
    String codeColumn) implements Serializable {
  public static final List<String> FORMATS = List.of("jsonl", "csv", "parquet");

  public CorpusSpec {
    ConfigException.require(path != null && !path.isBlank(), key + ".path", "a file or directory path", path);
    ConfigException.require(FORMATS.contains(format), key + ".format", "one of " + FORMATS, format);
    for (String[] column : new String[][] {{"id_column", idColumn}, {"text_column", textColumn},
        {"code_column", codeColumn}}) {
      ConfigException.require(column[1] != null && !column[1].isBlank(), key + "." + column[0], "a column name",
          column[1]);
    }
  }
}
