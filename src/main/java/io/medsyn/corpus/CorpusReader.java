package io.medsyn.corpus;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.trim;

import io.medsyn.config.CorpusSpec;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Reads a corpus of real notes into the columns {@code id}, {@code text}, {@code code} (all strings). */
public final class CorpusReader {
  private CorpusReader() {}

  public static Dataset<Row> read(SparkSession spark, CorpusSpec spec) {
    Dataset<Row> raw = switch (spec.format()) {
      case "jsonl" -> spark.read().option("mode", "FAILFAST").json(spec.path());
      case "csv" -> spark.read().option("header", "true").option("multiLine", "true").option("escape", "\"")
          .csv(spec.path());
      case "parquet" -> spark.read().parquet(spec.path());
      default -> throw new IllegalArgumentException(spec.key() + ".format: unknown format " + spec.format());
    };
    List<String> columns = Arrays.asList(raw.columns());
    for (String[] c : new String[][] {{"id_column", spec.idColumn()}, {"text_column", spec.textColumn()},
        {"code_column", spec.codeColumn()}}) {
      if (!columns.contains(c[1])) {
        throw new IllegalArgumentException(spec.path() + ": has no column '" + c[1] + "' (" + spec.key() + "."
            + c[0] + "); its columns are " + columns);
      }
    }
    return raw.select(col(spec.idColumn()).cast("string").as("id"), col(spec.textColumn()).cast("string").as("text"),
        trim(col(spec.codeColumn()).cast("string")).as("code"));
  }
}
