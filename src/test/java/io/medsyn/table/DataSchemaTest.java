package io.medsyn.table;

import static org.assertj.core.api.Assertions.assertThat;

import io.medsyn.testing.SmallRun;
import io.medsyn.testing.TestSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * data-schema/ says what every table holds: NAME.schema.json (Spark's StructType JSON), ddl/NAME.sql and
 * README.md. A table written with other columns, types or nullability than those files say fails here.
 */
class DataSchemaTest {
  private static final Path SCHEMAS = Path.of("data-schema");
  /** Where Spark writes a file's schema in the Parquet footer, exactly as the DataFrame had it. */
  private static final String SPARK_ROW_METADATA = "org.apache.spark.sql.parquet.row.metadata";

  @TempDir
  static Path dir;
  static Layout layout;

  @BeforeAll
  static void writeTables() {
    layout = SmallRun.shared();
  }

  static Stream<String> tables() {
    return new Layout("out").tables().keySet().stream();
  }

  @ParameterizedTest
  @MethodSource("tables")
  void everyWrittenFileHasTheDocumentedSchema(String table) throws IOException {
    StructType documented = documented(table);
    List<Path> parts;
    // Partitioned tables (notes, by code) keep their files in one directory per partition.
    try (Stream<Path> files = Files.walk(Path.of(layout.tables().get(table)))) {
      parts = files.filter(f -> f.getFileName().toString().endsWith(".parquet")).sorted().toList();
    }
    assertThat(parts).as("Parquet files of " + table).isNotEmpty();
    Path root = Path.of(layout.tables().get(table));
    for (Path part : parts) {
      StructType written = writtenSchema(part);
      // A partition column lives in the directory names (code=I10), not in the files.
      StructType inFiles = documented;
      for (Path dirName : root.relativize(part.getParent())) {
        String partition = dirName.toString().split("=", 2)[0];
        inFiles = new StructType(java.util.Arrays.stream(inFiles.fields())
            .filter(f -> !f.name().equals(partition)).toArray(org.apache.spark.sql.types.StructField[]::new));
      }
      assertThat(written.prettyJson()).as("schema written to %s vs data-schema/%s.schema.json", part, table)
          .isEqualTo(inFiles.prettyJson());
    }
  }

  @ParameterizedTest
  @MethodSource("tables")
  void ddlCreatesATableOverTheWrittenFilesWithTheDocumentedColumns(String table) throws IOException {
    SparkSession spark = TestSpark.session();
    String database = "medsyn_ddl_" + table;
    spark.sql("CREATE DATABASE " + database + " LOCATION '" + dir.resolve(database).toUri() + "'");
    spark.conf().set("medsyn.database", database);
    spark.conf().set("medsyn.output", layout.root());
    try {
      // A file may hold several statements (a partitioned table is followed by its partition discovery).
      for (String statement : Files.readString(SCHEMAS.resolve("ddl/" + table + ".sql")).split(";\\s*\n")) {
        if (!statement.lines().allMatch(l -> l.isBlank() || l.startsWith("--"))) {
          spark.sql(statement);
        }
      }
      StructType declared = spark.table(database + "." + table).schema();
      assertThat(columns(declared)).as("ddl/%s.sql columns", table).isEqualTo(columns(documented(table)));
      assertThat(spark.table(database + "." + table).count())
          .isEqualTo(spark.read().parquet(layout.tables().get(table)).count()).isPositive();
    } finally {
      spark.sql("DROP DATABASE IF EXISTS " + database + " CASCADE");
      spark.conf().unset("medsyn.database");
      spark.conf().unset("medsyn.output");
    }
  }

  @ParameterizedTest
  @MethodSource("tables")
  void readmeExplainsEveryColumn(String table) throws IOException {
    String readme = Files.readString(SCHEMAS.resolve("README.md"));
    Matcher section = Pattern.compile("(?s)\n## `" + table + "`(.*?)(\n## |$)").matcher(readme);
    assertThat(section.find()).as("data-schema/README.md has a section ## `%s`", table).isTrue();
    for (String column : columnPaths(documented(table), "")) {
      assertThat(section.group(1)).as("README section of %s explains %s", table, column)
          .containsPattern("\n\\|[^|\n]*`" + Pattern.quote(column) + "`[^|\n]*\\|");
    }
  }

  @Test
  void thereIsNoSchemaFileForATableThePipelineDoesNotWrite() throws IOException {
    List<String> documented;
    try (Stream<Path> files = Files.list(SCHEMAS)) {
      documented = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".schema.json"))
          .map(n -> n.substring(0, n.length() - ".schema.json".length())).sorted().toList();
    }
    assertThat(tables().sorted().toList()).containsAll(documented);
  }

  private static StructType documented(String table) throws IOException {
    return (StructType) DataType.fromJson(Files.readString(SCHEMAS.resolve(table + ".schema.json")));
  }

  private static StructType writtenSchema(Path part) throws IOException {
    try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(
        new org.apache.hadoop.fs.Path(part.toUri()), new Configuration()))) {
      Map<String, String> metadata = reader.getFooter().getFileMetaData().getKeyValueMetaData();
      assertThat(metadata).as("Spark's schema in the footer of %s", part).containsKey(SPARK_ROW_METADATA);
      return (StructType) DataType.fromJson(metadata.get(SPARK_ROW_METADATA));
    }
  }

  /** Name and type of each column; a Parquet table reads every column as nullable, so nullability is left out. */
  private static List<String> columns(StructType schema) {
    List<String> columns = new ArrayList<>();
    for (StructField field : schema.fields()) {
      columns.add(field.name() + " " + field.dataType().catalogString());
    }
    return columns;
  }

  /** Top-level columns and the fields of structs in arrays, as {@code column.field}. */
  private static List<String> columnPaths(StructType schema, String prefix) {
    List<String> paths = new ArrayList<>();
    for (StructField field : schema.fields()) {
      paths.add(prefix + field.name());
      DataType type = field.dataType();
      if (type instanceof org.apache.spark.sql.types.ArrayType array
          && array.elementType() instanceof StructType element) {
        paths.addAll(columnPaths(element, prefix + field.name() + "."));
      }
    }
    return paths;
  }
}
