package io.medsyn.card;

import io.medsyn.config.MedSynConfig;
import io.medsyn.mkg.GraphSource;
import io.medsyn.mkg.KnowledgeGraph;
import io.medsyn.pipeline.Layout;
import io.medsyn.pipeline.OutputFiles;
import java.nio.charset.StandardCharsets;
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
  public static Card write(SparkSession spark, MedSynConfig config, Layout layout, boolean scored) {
    long start = System.nanoTime();
    spark.sparkContext().setJobDescription("medsyn card: describe the corpus");
    KnowledgeGraph graph = GraphSource.load(config.mkg(), spark);
    Dataset<Row> notes = spark.read().parquet(scored ? layout.qualityNotes() : layout.notes());
    Dataset<Row> summary = scored ? spark.read().parquet(layout.qualitySummary()) : null;
    Card card = CardFacts.of(config, graph.vertices(spark), graph.edges(spark), notes, summary);
    OutputFiles.write(spark, layout.card(), CardMarkdown.render(card).getBytes(StandardCharsets.UTF_8));
    OutputFiles.write(spark, layout.cardJson(), CardJson.render(card).getBytes(StandardCharsets.UTF_8));
    LOG.info("wrote the dataset card {} and {} in {} ms", layout.card(), layout.cardJson(),
        (System.nanoTime() - start) / 1_000_000);
    return card;
  }
}
