package io.medsyn.evaluate;

import io.medsyn.config.CorpusConfig;
import io.medsyn.config.EvaluateConfig;
import io.medsyn.corpus.CorpusReader;
import io.medsyn.quality.QualitySummary;
import io.medsyn.stage.RunContext;
import io.medsyn.stage.Stage;
import io.medsyn.table.Layout;
import io.medsyn.table.OutputFiles;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the ICD-10 classifier on every mixture of real and synthetic notes, scores it on real evaluation notes,
 * and writes the figures (Parquet and JSON) and the HTML report. Empty when no real training corpus is
 * configured: there is nothing to evaluate against.
 */
public final class EvaluateStage implements Stage<Optional<EvaluationResult>> {
  private static final Logger LOG = LoggerFactory.getLogger(EvaluateStage.class);

  @Override
  public String name() {
    return "evaluate";
  }

  @Override
  public Optional<EvaluationResult> run(RunContext context) {
    EvaluateConfig ec = context.config().evaluate();
    if (!ec.train().configured()) {
      return Optional.empty();
    }
    SparkSession spark = context.spark();
    Layout layout = context.layout();
    long seed = context.config().seed();
    context.describe(this, "classifier on real, mixed and synthetic notes");
    Dataset<Row> real = Corpora.real(CorpusReader.read(spark, ec.train().spec("evaluate.train")),
        ec.train().path(), ec.depth());
    Dataset<Row> train;
    Dataset<Row> eval;
    String evalSource;
    if (ec.eval().configured()) {
      train = real;
      eval = Corpora.real(CorpusReader.read(spark, ec.eval().spec("evaluate.eval")), ec.eval().path(), ec.depth());
      evalSource = ec.eval().path();
    } else {
      Dataset<Row>[] split = Stratified.split(real, ec.evalFraction(), seed);
      train = split[0];
      eval = split[1];
      evalSource = String.format(Locale.ROOT, "a stratified %.0f %% of %s held out (seed %d)",
          100 * ec.evalFraction(), ec.train().path(), seed);
    }
    // The run's own notes: the quality stage's verdicts when it has run (only passing notes are used), else all.
    boolean ownQualityNotes = !ec.synthetic().configured() && OutputFiles.exists(spark, layout.qualityNotes());
    String notesPath = ec.synthetic().configured() ? ec.synthetic().path()
        : ownQualityNotes ? layout.qualityNotes() : layout.notes();
    Dataset<Row> synthetic;
    String syntheticSource;
    if (!OutputFiles.exists(spark, notesPath)) {
      if (ec.synthetic().configured()) {
        throw new IllegalArgumentException("evaluate.synthetic.path: " + notesPath + " does not exist; point it"
            + " at a notes table or corpus, or leave it null to use the run's own notes");
      }
      LOG.warn("no synthetic notes at {} (run the generation stage first, or set evaluate.synthetic.path):"
          + " evaluating the real-only mixtures alone", notesPath);
      synthetic = spark.createDataFrame(List.of(), Corpora.SCHEMA);
      syntheticSource = "none found at " + notesPath;
    } else {
      synthetic = ec.synthetic().format().equals("notes")
          ? Corpora.notes(spark.read().parquet(notesPath), ec.depth())
          : Corpora.other(CorpusReader.read(spark, new CorpusConfig(notesPath, ec.synthetic().format(),
              ec.synthetic().idColumn(), ec.synthetic().textColumn(), ec.synthetic().codeColumn())
              .spec("evaluate.synthetic")), ec.depth());
      syntheticSource = notesPath;
    }
    EvaluationResult result = new Experiment(ec, seed).run(train, eval, synthetic, evalSource, syntheticSource);
    EvaluationWriter.write(spark, result, layout);
    // The quality summary goes with the figures when the notes evaluated are the ones it counted.
    Optional<QualitySummary> quality = ownQualityNotes && OutputFiles.exists(spark, layout.qualitySummary())
        ? Optional.of(QualitySummary.read(spark.read().parquet(layout.qualitySummary()))) : Optional.empty();
    OutputFiles.write(spark, layout.report(), HtmlReport.render(result, ec, quality)
        .getBytes(StandardCharsets.UTF_8));
    LOG.info("wrote the evaluation to {} and the report to {}", layout.evaluationJson(), layout.report());
    return Optional.of(result);
  }
}
