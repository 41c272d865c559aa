package io.medsyn.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;

/** The schema Spark recorded in a written Parquet file's footer: exact, nullability included. */
public final class ParquetFooter {
  private ParquetFooter() {}

  public static StructType sparkSchema(Path file) {
    try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(
        new org.apache.hadoop.fs.Path(file.toUri()), new Configuration()))) {
      String json = reader.getFooter().getFileMetaData().getKeyValueMetaData()
          .get("org.apache.spark.sql.parquet.row.metadata");
      return (StructType) DataType.fromJson(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every Parquet data file under a table directory, partition directories included. */
  public static List<Path> files(Path table) {
    try (Stream<Path> walk = Files.walk(table)) {
      return walk.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A schema written down in data-schema/. */
  public static StructType documented(String name) {
    try {
      return (StructType) DataType.fromJson(Files.readString(Path.of("data-schema", name)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
