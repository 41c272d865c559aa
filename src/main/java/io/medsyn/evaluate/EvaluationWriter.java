package io.medsyn.evaluate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.medsyn.evaluate.EvaluationResult.CellRow;
import io.medsyn.evaluate.EvaluationResult.ChangeRow;
import io.medsyn.evaluate.EvaluationResult.CodeRow;
import io.medsyn.evaluate.EvaluationResult.GroupRow;
import io.medsyn.evaluate.EvaluationResult.RunRow;
import io.medsyn.evaluate.EvaluationResult.UnseenRow;
import io.medsyn.table.Layout;
import io.medsyn.table.OutputFiles;
import java.util.List;
import java.util.function.Function;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * Writes an {@link EvaluationResult}: one Parquet table per kind of figure under {@code evaluation/} and the whole
 * result as {@code evaluation/metrics.json}, in the schemas of {@code data-schema/evaluation*.json}.
 */
public final class EvaluationWriter {
  /** A table under evaluation/: its name, the record type of its rows, and where the result holds them. */
  public record Table(String name, Class<? extends Record> type,
      Function<EvaluationResult, List<? extends Record>> rows) {}

  public static final List<Table> TABLES = List.of(
      new Table("cells", CellRow.class, EvaluationResult::cells),
      new Table("groups", GroupRow.class, EvaluationResult::groups),
      new Table("changes", ChangeRow.class, EvaluationResult::changes),
      new Table("per_code", CodeRow.class, EvaluationResult::perCode),
      new Table("unseen", UnseenRow.class, EvaluationResult::unseen),
      new Table("runs", RunRow.class, EvaluationResult::runs));

  private static final ObjectMapper JSON = new ObjectMapper()
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).enable(SerializationFeature.INDENT_OUTPUT);

  private EvaluationWriter() {}

  public static void write(SparkSession spark, EvaluationResult result, Layout layout) {
    for (Table table : TABLES) {
      RecordTables.toDataFrame(spark, table.rows().apply(result), table.type()).coalesce(1).write()
          .mode(SaveMode.Overwrite).parquet(layout.evaluation(table.name()));
    }
    OutputFiles.write(spark, layout.evaluationJson(), json(result));
  }

  public static byte[] json(EvaluationResult result) {
    try {
      return JSON.writeValueAsBytes(result);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render the evaluation as JSON", e);
    }
  }
}
