package io.medsyn.card;

import io.medsyn.mkg.GraphSource;
import io.medsyn.stage.RunContext;
import io.medsyn.table.Layout;
import io.medsyn.table.OutputFiles;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The card's I/O: reads a run's tables, writes {@code README.md} and {@code card.json} beside them. */
public final class CardFiles {
  private static final Logger LOG = LoggerFactory.getLogger(CardFiles.class);

  private CardFiles() {}

  /**
   * Writes the card of the notes as they are now. {@code scored} says the quality stage has just scored them: its
   * tables count these notes. Otherwise the card comes from the notes table alone, since quality tables left by an
   * earlier run would count other notes.
   */
  public static Card write(RunContext context, boolean scored) {
    long start = System.nanoTime();
    SparkSession spark = context.spark();
    Layout layout = context.layout();
    spark.sparkContext().setJobDescription("medsyn card: describe the corpus");
    Dataset<Row> notes = spark.read().parquet(scored ? layout.qualityNotes() : layout.notes());
    Dataset<Row> summary = scored ? spark.read().parquet(layout.qualitySummary()) : null;
    Card card = CardFacts.of(context.config(), GraphSource.load(context.config().mkg(), spark), notes, summary);
    OutputFiles.write(spark, layout.card(), CardMarkdown.render(card).getBytes(StandardCharsets.UTF_8));
    OutputFiles.write(spark, layout.cardJson(), CardJson.render(card).getBytes(StandardCharsets.UTF_8));
    LOG.info("wrote the dataset card {} and {} in {} ms", layout.card(), layout.cardJson(),
        (System.nanoTime() - start) / 1_000_000);
    return card;
  }

  /** The card the last stage that changed the corpus wrote; empty before generate or quality ran. */
  public static Optional<Card> read(RunContext context) {
    String path = context.layout().cardJson();
    return OutputFiles.exists(context.spark(), path)
        ? Optional.of(CardJson.parse(OutputFiles.read(context.spark(), path))) : Optional.empty();
  }
}
