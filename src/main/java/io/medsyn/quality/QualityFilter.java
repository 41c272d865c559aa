package io.medsyn.quality;

import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min_by;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import io.medsyn.Checks;
import io.medsyn.config.QualityConfig;
import io.medsyn.table.QualitySchema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF4;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code filter} stage: scores every note of the {@code notes} table, marks the ones to keep out of the
 * corpus with their reasons, and deletes nothing. The corpus is {@link #corpus(Dataset)} of the result.
 */
public final class QualityFilter {
  private static final Logger LOG = LoggerFactory.getLogger(QualityFilter.class);

  private final QualityConfig config;
  private final int minRealNotes;
  private final long seed;

  /**
   * @param minRealNotes a passage fewer real notes contain could identify a patient ({@code style.min_real_notes})
   */
  public QualityFilter(QualityConfig config, int minRealNotes, long seed) {
    this.config = config;
    this.minRealNotes = minRealNotes;
    this.seed = seed;
  }

  /** {@link #score(Dataset, Dataset)} without a real training corpus: the privacy audit is left out (null). */
  public Dataset<Row> score(Dataset<Row> notes) {
    return score(notes, null);
  }

  /**
   * The notes with {@link QualitySchema#SCORES} appended ({@link QualitySchema#scored}), one row per note.
   *
   * @param real {@code id} and {@code text} of the real training notes every note is audited against
   *     ({@link PassageAudit}), never an evaluation split; null when there are none
   */
  public Dataset<Row> score(Dataset<Row> notes, Dataset<Row> real) {
    Dataset<Row> exact = exactDuplicates(scoreEach(notes)).localCheckpoint();
    Dataset<Row> near = new NearDuplicates(config.nearDuplicate(), seed).find(candidates(exact));
    Column passageWords = lit(null).cast(DataTypes.IntegerType);
    Column passageId = lit(null).cast(DataTypes.StringType);
    if (real != null) {
      // One row per note that copies a rare passage: few enough to broadcast, as the near-duplicates are.
      Dataset<Row> passages = new PassageAudit(config.realPassageWords(), minRealNotes)
          .find(exact.select("note_id", "text"), real)
          .withColumnRenamed("note_id", "passage_note_id");
      exact = exact.join(broadcast(passages), col("note_id").equalTo(col("passage_note_id")), "left_outer")
          .drop("passage_note_id");
      // Audited: 0 for a note with text and no rare passage.
      passageWords = when(col("text").isNotNull(), coalesce(col(QualitySchema.REAL_PASSAGE_WORDS), lit(0)));
      passageId = col(QualitySchema.REAL_PASSAGE_ID);
    }

    List<Column> out = new ArrayList<>();
    Arrays.stream(notes.columns()).forEach(c -> out.add(col(c)));
    Arrays.stream(QualitySchema.NOTE_SCORES.fieldNames()).forEach(c -> out.add(col(c)));
    out.add(col("duplicate_of"));
    out.add(col("near_duplicate_of"));
    out.add(col("near_duplicate_similarity"));
    out.add(col(QualitySchema.REAL_PASSAGE_WORDS));
    out.add(col(QualitySchema.REAL_PASSAGE_ID));
    out.add(size(col("reject_reasons")).equalTo(0).as("quality_pass"));
    out.add(col("reject_reasons"));
    // One row per near-duplicate: few enough to send to every task instead of shuffling the notes.
    return exact.join(broadcast(near), exact.col("note_id").equalTo(near.col("note_id")), "left_outer")
        .drop(near.col("note_id"))
        .withColumn(QualitySchema.REAL_PASSAGE_WORDS, passageWords)
        .withColumn(QualitySchema.REAL_PASSAGE_ID, passageId)
        .withColumn("reject_reasons", reasons().apply(col(NoteScorer.REASONS), col(QualitySchema.REAL_PASSAGE_WORDS),
            col("duplicate_of"), col("near_duplicate_of")))
        .select(out.toArray(Column[]::new));
  }

  /**
   * What {@link NearDuplicates#find} compares: {@code note_id}, {@code bad} (fails a per-note check) and the text
   * with boilerplate stripped, for the notes with text that are not exact duplicates. Public for the benchmark.
   */
  public Dataset<Row> nearDuplicateCandidates(Dataset<Row> notes) {
    return candidates(exactDuplicates(scoreEach(notes)).localCheckpoint());
  }

  private Dataset<Row> scoreEach(Dataset<Row> notes) {
    NoteScorer scorer = new NoteScorer(config, notes.schema());
    requireUniqueIds(notes);
    return notes.mapPartitions(scorer, Encoders.row(scorer.outputSchema()));
  }

  /**
   * Adds {@code duplicate_of}: the note kept among those with the same words, for all but that one. Only the few
   * repeated texts are ranked, on three columns, so the notes themselves are not shuffled.
   */
  private static Dataset<Row> exactDuplicates(Dataset<Row> perNote) {
    Dataset<Row> repeated = perNote.filter(col(NoteScorer.TEXT_KEY).isNotNull())
        .groupBy(NoteScorer.TEXT_KEY)
        .agg(min_by(col("note_id"), struct(bad(), col("note_id"))).as("keeper"), count(lit(1)).as("copies"))
        .filter(col("copies").gt(1))
        .select(col(NoteScorer.TEXT_KEY).as("repeated_key"), col("keeper"));
    return perNote.join(broadcast(repeated), perNote.col(NoteScorer.TEXT_KEY).equalTo(col("repeated_key")),
            "left_outer")
        .withColumn("duplicate_of", when(col("keeper").notEqual(col("note_id")), col("keeper")))
        .drop("repeated_key", "keeper");
  }

  /** From the scored notes, checkpointed: the scores, the boilerplate and the final table all read them. */
  private Dataset<Row> candidates(Dataset<Row> exact) {
    return exact
        .filter(col(NoteScorer.TEXT_KEY).isNotNull().and(col("duplicate_of").isNull()))
        .select(col("note_id"), bad().as("bad"), strip(exact.sparkSession(), boilerplate(exact))
            .apply(col(NoteScorer.SEGMENTS)).as("stripped"))
        .filter(col("stripped").notEqual(""));
  }

  /** A note failing a per-note check ranks after the others when duplicates are resolved. */
  private static Column bad() {
    return size(col(NoteScorer.REASONS)).gt(0);
  }

  /** The corpus: the notes that pass, with the notes' own columns only. */
  public static Dataset<Row> corpus(Dataset<Row> scored) {
    Set<String> added = new HashSet<>(List.of(QualitySchema.SCORES.fieldNames()));
    Column[] own = Arrays.stream(scored.columns()).filter(c -> !added.contains(c)).map(c -> col(c))
        .toArray(Column[]::new);
    return scored.filter(col("quality_pass")).select(own);
  }

  /**
   * The segments (headings, lines, sentences) found in at least {@code boilerplate_share} of the notes with text
   * and in at least {@code boilerplate_min_notes} of them.
   */
  private Set<String> boilerplate(Dataset<Row> perNote) {
    Dataset<Row> texts = perNote.filter(col(NoteScorer.TEXT_KEY).isNotNull());
    long notes = texts.count();
    long minNotes = Math.max(config.nearDuplicate().boilerplateMinNotes(),
        (long) Math.ceil(config.nearDuplicate().boilerplateShare() * notes));
    Set<String> segments = new HashSet<>();
    texts.select(explode(array_distinct(col(NoteScorer.SEGMENTS))).as("segment")).groupBy("segment").count()
        .filter(col("count").geq(minNotes)).select("segment").collectAsList()
        .forEach(r -> segments.add(r.getString(0)));
    LOG.info("{} boilerplate segments (in at least {} of {} notes)", segments.size(), minNotes, notes);
    return segments;
  }

  private static UserDefinedFunction strip(SparkSession spark, Set<String> boilerplate) {
    Broadcast<Set<String>> shared = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(boilerplate);
    return udf((UDF1<scala.collection.Seq<String>, String>) segments -> Boilerplate.strip(
        scala.jdk.javaapi.CollectionConverters.asJava(segments), shared.value()), DataTypes.StringType)
        .asNonNullable();
  }

  /** The per-note reasons, then the corpus-wide ones, in {@link RejectReason} order. */
  private static UserDefinedFunction reasons() {
    return udf((UDF4<scala.collection.Seq<String>, Integer, String, String, List<String>>) (own, passageWords,
        duplicateOf, nearOf) -> {
      List<String> all = new ArrayList<>(scala.jdk.javaapi.CollectionConverters.asJava(own));
      // The audit lists only passages of at least quality.real_passage_words words.
      if (passageWords != null && passageWords > 0) {
        all.add(RejectReason.COPIES_REAL_PASSAGE.label());
      }
      if (duplicateOf != null) {
        all.add(RejectReason.EXACT_DUPLICATE.label());
      }
      if (nearOf != null) {
        all.add(RejectReason.NEAR_DUPLICATE.label());
      }
      return all;
    }, DataTypes.createArrayType(DataTypes.StringType, false)).asNonNullable();
  }

  private static void requireUniqueIds(Dataset<Row> notes) {
    List<Row> repeated = notes.groupBy("note_id").count().filter(col("count").gt(1)).limit(3).collectAsList();
    Checks.checkArgument(repeated.isEmpty(), "notes.note_id must be unique, but %s (id, rows) occur more than once;"
        + " write each note once", repeated);
  }
}
