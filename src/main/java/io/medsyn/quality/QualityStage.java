package io.medsyn.quality;

import io.medsyn.Checks;
import io.medsyn.config.EvaluateConfig;
import io.medsyn.config.MedSynConfig;
import io.medsyn.corpus.CorpusReader;
import io.medsyn.stage.RunContext;
import io.medsyn.stage.Stage;
import io.medsyn.table.Layout;
import io.medsyn.table.OutputFiles;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the generated notes, writes them all with their check columns and verdicts, and the summary as a table,
 * as JSON and as an HTML page; returns the summary. Nothing is deleted: {@link QualityChecks#corpus} of the
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
    context.describe(this, "check, deduplicate and filter the notes");
    Checks.checkArgument(OutputFiles.exists(spark, layout.notes()), "the notes table %s does not exist: run the"
        + " generation stage first (medsyn generate)", layout.notes());
    Dataset<Row> notes = spark.read().parquet(layout.notes());
    MedSynConfig config = context.config();
    Dataset<Row> real = realTraining(context).orElse(null);
    QualityChecks checks = new QualityChecks(config.quality(), config.style().minRealNotes(), config.seed());
    checks.check(notes, real).write().mode(SaveMode.Overwrite).parquet(layout.qualityNotes());
    Dataset<Row> checked = spark.read().parquet(layout.qualityNotes());
    Realism realism = null;
    if (real != null) {
      context.describe(this, "realism against the real training notes");
      realism = Realism.measure(checks.corpus(checked), real, config.quality().realism(),
          config.style().minRealNotes(), config.seed()).orElse(null);
    }
    QualitySummary summary = QualitySummary.of(checked, realism);
    summary.table(spark).coalesce(1).write().mode(SaveMode.Overwrite).parquet(layout.qualitySummary());
    OutputFiles.write(spark, layout.qualitySummaryJson(), summary.toJson().getBytes(StandardCharsets.UTF_8));
    OutputFiles.write(spark, layout.qualityReport(), QualityReport.page(summary, layout.notes())
        .getBytes(StandardCharsets.UTF_8));
    LOG.info("checked {} notes into {}: {} pass (report: {})", summary.notes(), layout.qualityNotes(),
        summary.passed(), layout.qualityReport());
    return summary;
  }

  /**
   * The user's real training notes ({@code id}, {@code text}), never an evaluation split: {@code evaluate.train}
   * when {@code evaluate.eval} names the evaluation notes, else the example corpus {@code sample.examples} (which
   * may only be a training split). When {@code evaluate.eval_fraction} holds notes out of {@code evaluate.train}
   * instead, that file holds evaluation notes, and it is not used.
   */
  private static Optional<Dataset<Row>> realTraining(RunContext context) {
    MedSynConfig config = context.config();
    EvaluateConfig evaluate = config.evaluate();
    if (evaluate.train().configured() && evaluate.eval().configured()) {
      return Optional.of(CorpusReader.read(context.spark(), evaluate.train().spec("evaluate.train")));
    }
    if (config.sample().examples().path() != null) {
      return Optional.of(CorpusReader.read(context.spark(), config.sample().examples().corpus()));
    }
    LOG.info("no real training corpus: privacy audit and realism skipped. Set sample.examples.path, or"
        + " evaluate.train.path with evaluate.eval.path (evaluate.train alone also holds the evaluation notes)");
    return Optional.empty();
  }
}
