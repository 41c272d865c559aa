package io.medsyn.table;

import io.medsyn.table.TaskSchema;
import java.util.Arrays;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** The schema of the {@code notes} table, as written down in {@code data-schema/notes.schema.json}. */
public final class NoteSchema {
  /** The table is partitioned by this column, so a filter on a code reads only that code's files. */
  public static final String PARTITION = "code";

  /** What the generate stage adds to a task: the note and how it was made. */
  public static final StructType NOTE = new StructType()
      .add("note_id", DataTypes.StringType, false)
      .add("language", DataTypes.StringType, false)
      .add("prompt_kind", DataTypes.StringType, false)
      .add("text", DataTypes.StringType, true)
      .add("status", DataTypes.StringType, false)
      .add("error_class", DataTypes.StringType, true)
      .add("error_message", DataTypes.StringType, true)
      .add("attempts", DataTypes.IntegerType, false)
      .add("latency_ms", DataTypes.LongType, false)
      .add("prompt_tokens", DataTypes.IntegerType, true)
      .add("completion_tokens", DataTypes.IntegerType, true)
      .add("cost_usd", DataTypes.DoubleType, false)
      .add("backend", DataTypes.StringType, false)
      .add("model", DataTypes.StringType, false)
      .add("template_hash", DataTypes.StringType, false)
      .add("finish_reason", DataTypes.StringType, true)
      .add("started_at", DataTypes.TimestampType, false)
      .add("finished_at", DataTypes.TimestampType, false)
      .add("run_id", DataTypes.StringType, false);

  /**
   * The table as a reader sees it: the task's columns, the note's, and the partition column {@code code} last
   * (Spark puts partition columns after the file columns).
   */
  public static final StructType NOTES = new StructType(concat(
      Arrays.stream(TaskSchema.TASKS.fields()).filter(f -> !f.name().equals(PARTITION)).toArray(StructField[]::new),
      NOTE.fields(), new StructField[] {TaskSchema.TASKS.apply(PARTITION)}));

  public static final String OK = "ok";
  public static final String FAILED = "failed";

  private NoteSchema() {}

  private static StructField[] concat(StructField[]... parts) {
    return Arrays.stream(parts).flatMap(Arrays::stream).toArray(StructField[]::new);
  }
}
