package io.medsyn.quality;

import io.medsyn.Checks;
import io.medsyn.stage.RunContext;
import io.medsyn.stage.Stage;
import io.medsyn.table.Layout;
import io.medsyn.table.OutputFiles;
import java.nio.charset.StandardCharsets;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the generated notes, writes them all with their check columns and verdicts, and the summary as a table,
 * as JSON and as an HTML page; returns the summary. Nothing is deleted: {@link QualityFilter#corpus} of the
 * written notes is the notes that pass.
 */
public final class QualityStage implements Stage<QualitySummary> {
  private static final Logger LOG = LoggerFactory.getLogger(QualityStage.class);

  @Override
  public String name() {
    return "quality";
  }

  @Override
  public QualitySummary run(RunContext context) {
    SparkSession spark = context.spark();
    Layout layout = context.layout();
    context.describe(this, "score, deduplicate and filter the notes");
    Checks.checkArgument(OutputFiles.exists(spark, layout.notes()), "the notes table %s does not exist: run the"
        + " generation stage first (medsyn generate)", layout.notes());
    Dataset<Row> notes = spark.read().parquet(layout.notes());
    new QualityFilter(context.config().quality(), context.config().seed()).score(notes)
        .write().mode(SaveMode.Overwrite).parquet(layout.qualityNotes());
    QualitySummary summary = QualitySummary.of(spark.read().parquet(layout.qualityNotes()));
    summary.table(spark).coalesce(1).write().mode(SaveMode.Overwrite).parquet(layout.qualitySummary());
    OutputFiles.write(spark, layout.qualitySummaryJson(), summary.toJson().getBytes(StandardCharsets.UTF_8));
    OutputFiles.write(spark, layout.qualityReport(), QualityReport.page(summary, layout.notes())
        .getBytes(StandardCharsets.UTF_8));
    LOG.info("scored {} notes into {}: {} pass (report: {})", summary.notes(), layout.qualityNotes(),
        summary.passed(), layout.qualityReport());
    return summary;
  }
}
