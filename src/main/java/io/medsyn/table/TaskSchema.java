package io.medsyn.table;

import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** The schema of the {@code tasks} table, as written down in {@code data-schema/tasks.schema.json}. */
public final class TaskSchema {
  public static final StructType FACT = new StructType()
      .add("id", DataTypes.StringType, false)
      .add("ru", DataTypes.StringType, true)
      .add("en", DataTypes.StringType, true)
      .add("weight", DataTypes.DoubleType, false);
  private static final ArrayType FACTS = DataTypes.createArrayType(FACT, false);

  /** Columns the sampler itself fills, before example notes are joined on. */
  public static final StructType SAMPLED = new StructType()
      .add("task_id", DataTypes.LongType, false)
      .add("run_seed", DataTypes.LongType, false)
      .add("code", DataTypes.StringType, false)
      .add("subcode", DataTypes.StringType, false)
      .add("disease_ru", DataTypes.StringType, true)
      .add("disease_en", DataTypes.StringType, true)
      .add("subcode_ru", DataTypes.StringType, true)
      .add("subcode_en", DataTypes.StringType, true)
      .add("sex", DataTypes.StringType, false)
      .add("age", DataTypes.IntegerType, false)
      .add("symptoms", FACTS, false)
      .add("anamnesis", FACTS, false)
      .add("findings", FACTS, false)
      .add("example_slot", DataTypes.IntegerType, true);

  /** The written table: the sampled columns with the example note's id and text in place of its slot. */
  public static final StructType TASKS = new StructType(java.util.Arrays.stream(SAMPLED.fields())
      .filter(f -> !f.name().equals("example_slot")).toArray(org.apache.spark.sql.types.StructField[]::new))
      .add("example_id", DataTypes.StringType, true)
      .add("example_text", DataTypes.StringType, true);

  private TaskSchema() {}
}
