package io.medsyn.generate;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Reads the generate stage's journal (all runs' lines) as a table: task_id, code and the note's columns. */
public final class Journal {
  private Journal() {}

  /**
   * Every whole line of the journal; lines cut off by a killed run are dropped. Empty when there is no journal
   * yet.
   */
  public static Dataset<Row> read(SparkSession spark, String dir) {
    if (!hasFiles(spark, dir)) {
      return spark.createDataFrame(java.util.List.of(), JournalLine.SCHEMA);
    }
    return spark.read().schema(JournalLine.SCHEMA)
        .option("mode", "DROPMALFORMED")
        .option("timestampFormat", JournalLine.TIMESTAMP_FORMAT)
        .json(dir)
        // Belt and braces: a line that parses but lacks its identity cannot be used.
        .filter(col("note_id").isNotNull().and(col("run_id").isNotNull()));
  }

  private static boolean hasFiles(SparkSession spark, String dir) {
    Path path = new Path(dir);
    try {
      FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(path)) {
        return false;
      }
      for (FileStatus f : fs.listStatus(path)) {
        if (f.isFile() && f.getPath().getName().endsWith(".jsonl")) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the journal " + dir + ": " + e.getMessage(), e);
    }
  }
}
