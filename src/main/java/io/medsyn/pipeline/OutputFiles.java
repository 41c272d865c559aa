package io.medsyn.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/** Single files (a JSON document, an HTML report) under the output root, local or s3a://, through Hadoop. */
public final class OutputFiles {
  private OutputFiles() {}

  public static void write(SparkSession spark, String path, byte[] content) {
    Path target = new Path(path);
    try {
      FileSystem fs = target.getFileSystem(spark.sparkContext().hadoopConfiguration());
      try (OutputStream out = fs.create(target, true)) {
        out.write(content);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
    }
  }

  public static byte[] read(SparkSession spark, String path) {
    Path source = new Path(path);
    try (InputStream in = source.getFileSystem(spark.sparkContext().hadoopConfiguration()).open(source)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
    }
  }

  public static boolean exists(SparkSession spark, String path) {
    Path target = new Path(path);
    try {
      return target.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(target);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot look up " + path + ": " + e.getMessage(), e);
    }
  }

  /** Deletes a file or a directory with everything under it; nothing there is fine. */
  public static void delete(SparkSession spark, String path) {
    Path target = new Path(path);
    try {
      target.getFileSystem(spark.sparkContext().hadoopConfiguration()).delete(target, true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + path + ": " + e.getMessage(), e);
    }
  }
}
