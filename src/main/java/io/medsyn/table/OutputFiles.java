package io.medsyn.table;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/** Single files (a JSON document, an HTML report) under the output root, local or s3a://, through Hadoop. */
public final class OutputFiles {
  private OutputFiles() {}

  /**
   * The file system of {@code path} for files a run writes as it goes (journal, batch ledger); for a local path the
   * raw one, since the local file system's checksum files would go stale when a run is killed mid-write.
   */
  public static FileSystem raw(Path path, Configuration conf) throws IOException {
    FileSystem fileSystem = path.getFileSystem(conf);
    return fileSystem instanceof LocalFileSystem local ? local.getRawFileSystem() : fileSystem;
  }

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

  /** A whole file as UTF-8 text. */
  public static String read(SparkSession spark, String path) {
    Path source = new Path(path);
    try (InputStream in = source.getFileSystem(spark.sparkContext().hadoopConfiguration()).open(source)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
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

  /**
   * Puts the complete table written aside at {@code attempt} in the place of {@code table}: the old one is moved
   * out of the way, the new one renamed in, then the old one deleted. A rename is atomic on local disks and HDFS;
   * on S3A it is a copy, so a crash mid-swap can leave the old table at {@code table + ".replaced"}, named in the
   * error. If the rename in fails, the old table is put back.
   */
  public static void replace(SparkSession spark, String attempt, String table) {
    Path from = new Path(attempt);
    Path to = new Path(table);
    Path old = new Path(table + ".replaced");
    try {
      FileSystem fs = to.getFileSystem(spark.sparkContext().hadoopConfiguration());
      fs.delete(old, true);
      boolean hadOld = fs.exists(to);
      if (hadOld && !fs.rename(to, old)) {
        throw new IOException("cannot move " + to + " aside to " + old);
      }
      if (!fs.rename(from, to)) {
        if (hadOld) {
          fs.rename(old, to);
        }
        throw new IOException("cannot rename " + from + " to " + to);
      }
      fs.delete(old, true);
      // Spark did not see the rename: what it cached of the old table (a Dataset read from the path) goes.
      spark.catalog().refreshByPath(table);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot put the new table " + attempt + " in place of " + table + " (the "
          + "previous one is at " + table + " or " + old + "): " + e.getMessage(), e);
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
