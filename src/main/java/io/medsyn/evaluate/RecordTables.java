package io.medsyn.evaluate;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.medsyn.Checks;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Spark tables of Java records: the schema follows the record's components in order, named in snake_case (as the
 * JSON output names them), so one record type defines a table's Parquet and JSON forms alike.
 */
public final class RecordTables {
  private static final Map<Class<?>, DataType> TYPES = Map.of(String.class, DataTypes.StringType, double.class,
      DataTypes.DoubleType, long.class, DataTypes.LongType, int.class, DataTypes.IntegerType, boolean.class,
      DataTypes.BooleanType);

  private static final PropertyNamingStrategies.SnakeCaseStrategy SNAKE_CASE =
      new PropertyNamingStrategies.SnakeCaseStrategy();

  private RecordTables() {}

  public static StructType schema(Class<? extends Record> type) {
    StructType schema = new StructType();
    for (RecordComponent component : type.getRecordComponents()) {
      // A component Jackson leaves out of the JSON form is not part of it (it is written as a table of its own).
      if (component.getAccessor().isAnnotationPresent(JsonIgnore.class)) {
        continue;
      }
      schema = schema.add(snakeCase(component.getName()), dataType(component.getGenericType()), true);
    }
    return schema;
  }

  @SuppressWarnings("unchecked")
  private static DataType dataType(Type type) {
    if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
      return DataTypes.createArrayType(dataType(list.getActualTypeArguments()[0]), true);
    }
    if (type instanceof Class<?> c && c.isRecord()) {
      return schema((Class<? extends Record>) c);
    }
    DataType known = TYPES.get(type);
    Checks.checkArgument(known != null, "record tables: no Spark type for %s", type);
    return known;
  }

  public static Dataset<Row> toDataFrame(SparkSession spark, List<? extends Record> rows,
      Class<? extends Record> type) {
    List<Row> out = new ArrayList<>(rows.size());
    for (Record row : rows) {
      out.add(toRow(row));
    }
    return spark.createDataFrame(out, schema(type));
  }

  /** A record as a Row of its components; nested records become Rows, lists of them lists of Rows. */
  private static Row toRow(Record record) {
    RecordComponent[] components = record.getClass().getRecordComponents();
    Object[] values = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      try {
        values[i] = value(components[i].getAccessor().invoke(record));
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot read " + record.getClass().getSimpleName() + "."
            + components[i].getName(), e);
      }
    }
    return RowFactory.create(values);
  }

  private static Object value(Object value) {
    if (value instanceof Record nested) {
      return toRow(nested);
    }
    if (value instanceof List<?> list) {
      return list.stream().map(RecordTables::value).toList();
    }
    return value;
  }

  /** hit1Mean -> hit1_mean, macroF1Sd -> macro_f1_sd: the names the JSON output gets from Jackson. */
  static String snakeCase(String name) {
    return SNAKE_CASE.translate(name);
  }
}
