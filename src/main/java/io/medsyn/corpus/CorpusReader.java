package io.medsyn.corpus;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import io.medsyn.config.CorpusSpec;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a corpus of real notes into the columns {@code id}, {@code text}, {@code code} (all strings), every row
 * complete: a corpus that is missing, empty or not UTF-8 is refused naming the file and line ({@link CorpusFiles}),
 * and rows without an id, text or code are counted and named, then stop the run or are skipped
 * ({@code bad_rows}).
 */
public final class CorpusReader {
  private static final Logger LOG = LoggerFactory.getLogger(CorpusReader.class);
  private static final int SHOWN = 5;

  private CorpusReader() {}

  public static Dataset<Row> read(SparkSession spark, CorpusSpec spec) {
    CorpusFiles.check(spark.sparkContext().hadoopConfiguration(), spec);
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
        throw new IllegalArgumentException(spec.key() + "." + c[0] + ": " + spec.path() + " has no column '" + c[1]
            + "'; its columns are " + columns + "; set " + spec.key() + "." + c[0] + " to one of them");
      }
    }
    Dataset<Row> corpus = raw.select(col(spec.idColumn()).cast("string").as("id"),
        col(spec.textColumn()).cast("string").as("text"), trim(col(spec.codeColumn()).cast("string")).as("code"));
    return complete(corpus, spec);
  }

  /** The rows with an id, text and code; the others counted and named, then refused or skipped. */
  private static Dataset<Row> complete(Dataset<Row> corpus, CorpusSpec spec) {
    Column noId = col("id").isNull();
    Column noText = col("text").isNull().or(trim(col("text")).equalTo(""));
    Column noCode = col("code").isNull().or(col("code").equalTo(""));
    Row counts = corpus.agg(count(lit(1)), sum(when(noId, 1).otherwise(0)), sum(when(noText, 1).otherwise(0)),
        sum(when(noCode, 1).otherwise(0)), sum(when(noId.or(noText).or(noCode), 1).otherwise(0))).first();
    long rows = counts.getLong(0);
    if (rows == 0) {
      throw new IllegalArgumentException(spec.key() + ".path: " + spec.path() + " has no rows; point "
          + spec.key() + ".path at a corpus with notes");
    }
    long bad = counts.isNullAt(4) ? 0 : counts.getLong(4);
    if (bad == 0) {
      return corpus;
    }
    Column incomplete = noId.or(noText).or(noCode);
    List<String> shown = corpus.where(incomplete).limit(SHOWN).collectAsList().stream()
        .map(r -> r.isNullAt(0) ? "(no id)" : r.getString(0)).toList();
    String what = String.format("%s: %,d of %,d rows lack an id, text or code (%,d without %s '%s', %,d without "
        + "%s '%s', %,d without %s '%s'), e.g. id %s", spec.path(), bad, rows, counts.getLong(1), "id_column",
        spec.idColumn(), counts.getLong(2), "text_column", spec.textColumn(), counts.getLong(3), "code_column",
        spec.codeColumn(), String.join(", ", shown));
    if (!spec.skipsBadRows()) {
      throw new IllegalArgumentException(spec.key() + ".bad_rows=stop: " + what + "; fix or drop them, point the "
          + spec.key() + ".*_column settings at the right columns, or set " + spec.key() + ".bad_rows=skip");
    }
    LOG.warn("{}.bad_rows=skip: {}; left out", spec.key(), what);
    return corpus.where(not(incomplete));
  }
}
