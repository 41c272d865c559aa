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
import java.util.stream.Stream;
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
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * All the quality stage's checks, as one {@code notes -> quality/notes} function: each note on its own (the
 * {@link NoteChecks}), then against the others (exact and near-duplicates, the privacy audit); a note that fails
 * one is marked with its reasons, never deleted. The corpus is {@link #corpus(Dataset)} of the result.
 */
public final class QualityChecks {
  private static final Logger LOG = LoggerFactory.getLogger(QualityChecks.class);
  static final RejectReason EXACT_DUPLICATE = new RejectReason("exact_duplicate",
      "the same words (case, spacing and punctuation aside) as a note that is kept");
  /** Every reason, in the order a note lists them: failed generation, the per-note checks', then the corpus-wide. */
  static final List<RejectReason> REASONS = Stream.of(List.of(NoteChecker.GENERATION_FAILED), NoteChecks.REASONS,
      List.of(PassageAudit.COPIES_REAL_PASSAGE, EXACT_DUPLICATE, NearDuplicates.NEAR_DUPLICATE))
      .flatMap(List::stream).toList();

  private final QualityConfig config;
  private final int minRealNotes;
  private final long seed;

  /**
   * @param minRealNotes a passage fewer real notes contain could identify a patient ({@code style.min_real_notes})
   */
  public QualityChecks(QualityConfig config, int minRealNotes, long seed) {
    this.config = config;
    this.minRealNotes = minRealNotes;
    this.seed = seed;
  }

  /** {@link #check(Dataset, Dataset)} without a real training corpus: the privacy audit is left out (null). */
  public Dataset<Row> check(Dataset<Row> notes) {
    return check(notes, null);
  }

  /**
   * The notes with the checks' columns appended ({@link QualitySchema#checked} of the {@link NoteChecks}'
   * columns), one row per note.
   *
   * @param real {@code id} and {@code text} of the real training notes every note is audited against
   *     ({@link PassageAudit}), never an evaluation split; null when there are none
   */
  public Dataset<Row> check(Dataset<Row> notes, Dataset<Row> real) {
    Dataset<Row> exact = exactDuplicates(checkEach(notes)).localCheckpoint();
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
    Column[] out = Arrays.stream(QualitySchema.checked(notes.schema(), NoteChecks.columns(config)).fieldNames())
        .map(c -> col(c)).toArray(Column[]::new);
    // One row per near-duplicate: few enough to send to every task instead of shuffling the notes.
    return exact.join(broadcast(near), exact.col("note_id").equalTo(near.col("note_id")), "left_outer")
        .drop(near.col("note_id"))
        .withColumn(QualitySchema.REAL_PASSAGE_WORDS, passageWords)
        .withColumn(QualitySchema.REAL_PASSAGE_ID, passageId)
        .withColumn("reject_reasons", reasons().apply(col(NoteChecker.REASONS),
            col(QualitySchema.REAL_PASSAGE_WORDS), col("duplicate_of"), col("near_duplicate_of")))
        .withColumn("quality_pass", size(col("reject_reasons")).equalTo(0))
        .select(out);
  }

  Dataset<Row> checkEach(Dataset<Row> notes) {
    NoteChecker checker = new NoteChecker(config, notes.schema());
    requireUniqueIds(notes);
    return notes.mapPartitions(checker, Encoders.row(checker.outputSchema()));
  }

  /**
   * Adds {@code duplicate_of}: the note kept among those with the same words, for all but that one. Only the few
   * repeated texts are ranked, on three columns, so the notes themselves are not shuffled.
   */
  static Dataset<Row> exactDuplicates(Dataset<Row> perNote) {
    Dataset<Row> repeated = perNote.filter(col(NoteChecker.TEXT_KEY).isNotNull())
        .groupBy(NoteChecker.TEXT_KEY)
        .agg(min_by(col("note_id"), struct(bad(), col("note_id"))).as("keeper"), count(lit(1)).as("copies"))
        .filter(col("copies").gt(1))
        .select(col(NoteChecker.TEXT_KEY).as("repeated_key"), col("keeper"));
    return perNote.join(broadcast(repeated), perNote.col(NoteChecker.TEXT_KEY).equalTo(col("repeated_key")),
            "left_outer")
        .withColumn("duplicate_of", when(col("keeper").notEqual(col("note_id")), col("keeper")))
        .drop("repeated_key", "keeper");
  }

  /** From the checked notes, checkpointed: the boilerplate, the candidates and the final table all read them. */
  Dataset<Row> candidates(Dataset<Row> exact) {
    return exact
        .filter(col(NoteChecker.TEXT_KEY).isNotNull().and(col("duplicate_of").isNull()))
        .select(col("note_id"), bad().as("bad"), strip(exact.sparkSession(), boilerplate(exact))
            .apply(col(NoteChecker.SEGMENTS)).as("stripped"))
        .filter(col("stripped").notEqual(""));
  }

  /** A note failing a per-note check ranks after the others when duplicates are resolved. */
  private static Column bad() {
    return size(col(NoteChecker.REASONS)).gt(0);
  }

  /** The corpus: the notes that pass, with the notes' own columns only. */
  public Dataset<Row> corpus(Dataset<Row> checked) {
    Set<String> added = new HashSet<>(List.of(QualitySchema.checked(new StructType(),
        NoteChecks.columns(config)).fieldNames()));
    Column[] own = Arrays.stream(checked.columns()).filter(c -> !added.contains(c)).map(c -> col(c))
        .toArray(Column[]::new);
    return checked.filter(col("quality_pass")).select(own);
  }

  /**
   * The segments (headings, lines, sentences) found in at least {@code boilerplate_share} of the notes with text
   * and in at least {@code boilerplate_min_notes} of them.
   */
  private Set<String> boilerplate(Dataset<Row> perNote) {
    Dataset<Row> texts = perNote.filter(col(NoteChecker.TEXT_KEY).isNotNull());
    long notes = texts.count();
    long minNotes = Math.max(config.nearDuplicate().boilerplateMinNotes(),
        (long) Math.ceil(config.nearDuplicate().boilerplateShare() * notes));
    Set<String> segments = new HashSet<>();
    texts.select(explode(array_distinct(col(NoteChecker.SEGMENTS))).as("segment")).groupBy("segment").count()
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

  /** The per-note reasons, then the corpus-wide ones, in {@link #REASONS} order. */
  private static UserDefinedFunction reasons() {
    String copiesRealPassage = PassageAudit.COPIES_REAL_PASSAGE.label();
    String exactDuplicate = EXACT_DUPLICATE.label();
    String nearDuplicate = NearDuplicates.NEAR_DUPLICATE.label();
    return udf((UDF4<scala.collection.Seq<String>, Integer, String, String, List<String>>) (own, passageWords,
        duplicateOf, nearOf) -> {
      List<String> all = new ArrayList<>(scala.jdk.javaapi.CollectionConverters.asJava(own));
      // The audit lists only passages of at least quality.real_passage_words words.
      if (passageWords != null && passageWords > 0) {
        all.add(copiesRealPassage);
      }
      if (duplicateOf != null) {
        all.add(exactDuplicate);
      }
      if (nearOf != null) {
        all.add(nearDuplicate);
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
