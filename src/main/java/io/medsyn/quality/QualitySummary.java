package io.medsyn.quality;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.medsyn.table.QualitySchema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * What the quality stage kept and why it rejected the rest: counts over the whole corpus and by code. A note with
 * several reasons counts once under each, so the reason counts may add up to more than {@link #rejected()}.
 *
 * @param byReason notes per reason, every reason in {@link QualityChecks#REASONS} order (zeros included)
 * @param byCode the same counts for each code, in code order
 * @param longestRealPassage the longest rare passage a note shares with a real training note
 *     ({@link PassageAudit}); 0 when none, null when the notes were not audited
 * @param realism the passing notes against the real training notes; null when no real training corpus is
 *     configured or no note passes
 */
public record QualitySummary(long notes, long passed, Map<String, Long> byReason, List<CodeCounts> byCode,
    Integer longestRealPassage, Realism realism) {
  private static final ObjectMapper JSON = new ObjectMapper()
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(SerializationFeature.INDENT_OUTPUT);

  /** The counts of one code. */
  public record CodeCounts(String code, long notes, long passed, Map<String, Long> byReason,
      Integer longestRealPassage) {
    public CodeCounts {
      byReason = allReasons(byReason);
    }

    @JsonProperty("rejected")
    public long rejected() {
      return notes - passed;
    }
  }

  public QualitySummary {
    byReason = allReasons(byReason);
    byCode = List.copyOf(byCode);
  }

  @JsonProperty("rejected")
  public long rejected() {
    return notes - passed;
  }

  /** Counts the checked notes ({@link QualitySchema#checked}); {@code realism} may be null. */
  public static QualitySummary of(Dataset<Row> checked, Realism realism) {
    Map<String, Map<String, Long>> reasons = new TreeMap<>();
    checked.select(col("code"), explode(col("reject_reasons")).as("reason")).groupBy("code", "reason").count()
        .collectAsList()
        .forEach(r -> reasons.computeIfAbsent(r.getString(0), c -> new LinkedHashMap<>())
            .put(r.getString(1), r.getLong(2)));
    List<CodeCounts> byCode = new ArrayList<>();
    checked.groupBy("code").agg(count(lit(1)), sum(when(col("quality_pass"), 1L).otherwise(0L)),
            max(QualitySchema.REAL_PASSAGE_WORDS)).orderBy("code")
        .collectAsList()
        .forEach(r -> byCode.add(new CodeCounts(r.getString(0), r.getLong(1), r.getLong(2),
            reasons.getOrDefault(r.getString(0), Map.of()), r.isNullAt(3) ? null : r.getInt(3))));
    Map<String, Long> total = new LinkedHashMap<>();
    byCode.forEach(c -> c.byReason().forEach((reason, n) -> total.merge(reason, n, Long::sum)));
    Integer longest = byCode.stream().map(CodeCounts::longestRealPassage).filter(Objects::nonNull)
        .max(Integer::compare).orElse(null);
    return new QualitySummary(byCode.stream().mapToLong(CodeCounts::notes).sum(),
        byCode.stream().mapToLong(CodeCounts::passed).sum(), total, byCode, longest, realism);
  }

  /** The summary back from its {@code quality/summary} table ({@link #table}). */
  public static QualitySummary read(Dataset<Row> table) {
    Row total = null;
    List<CodeCounts> byCode = new ArrayList<>();
    for (Row r : table.orderBy("code").collectAsList()) {
      Map<String, Long> reasons = r.getJavaMap(r.fieldIndex("reasons"));
      if (r.isNullAt(r.fieldIndex("code"))) {
        total = r;
      } else {
        byCode.add(new CodeCounts(r.getAs("code"), r.getAs("notes"), r.getAs("passed"), reasons,
            r.getAs("longest_real_passage")));
      }
    }
    if (total == null) {
      throw new IllegalArgumentException("the quality summary table has no total row (code null): rerun the quality"
          + " stage (medsyn quality)");
    }
    Realism realism = total.isNullAt(total.fieldIndex("real_notes")) ? null : new Realism(total.getAs("real_notes"),
        total.getAs("discriminator_auc"), total.getAs("discriminator_auc_sd"), total.getAs("discriminator_notes"),
        total.getAs("real_median_chars"), total.getAs("synthetic_median_chars"), total.getAs("length_ks"),
        total.getAs("real_word_forms"), total.getAs("vocabulary_coverage"),
        tells(total));
    return new QualitySummary(total.getAs("notes"), total.getAs("passed"),
        total.getJavaMap(total.fieldIndex("reasons")), byCode, total.getAs("longest_real_passage"), realism);
  }

  /** The total row's tells; none from a table written before the column existed, so that older runs still read. */
  private static List<WordTell> tells(Row total) {
    if (!Arrays.asList(total.schema().fieldNames()).contains("tells") || total.isNullAt(total.fieldIndex("tells"))) {
      return List.of();
    }
    return total.<Row>getList(total.fieldIndex("tells")).stream().map(t -> new WordTell(t.getString(0),
        t.getDouble(1), t.getDouble(2))).toList();
  }

  /** The summary as the {@code quality/summary} table ({@link QualitySchema#SUMMARY}): the total row has code null. */
  public Dataset<Row> table(SparkSession spark) {
    List<Row> rows = new ArrayList<>();
    rows.add(row(null, notes, passed, byReason, longestRealPassage, realism));
    byCode.forEach(c -> rows.add(row(c.code(), c.notes(), c.passed(), c.byReason(), c.longestRealPassage(), null)));
    return spark.createDataFrame(rows, QualitySchema.SUMMARY);
  }

  public String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a summary of plain counts always serializes", e);
    }
  }

  /** A few lines for the terminal: totals, then the notes per reason. */
  public String render() {
    double passRate = passPercent(notes, passed);
    StringBuilder out = new StringBuilder(String.format("quality: %d notes, %d pass (%.1f%%), %d rejected%n", notes,
        passed, passRate, rejected()));
    byReason.forEach((reason, n) -> out.append(String.format("  %-22s %8d%n", reason, n)));
    if (longestRealPassage != null) {
      out.append(String.format(Locale.ROOT, "privacy: %d of %d notes share a rare passage with a real training note"
          + " (copies_real_passage); the longest is %d words%n",
          byReason.get(PassageAudit.COPIES_REAL_PASSAGE.label()), notes, longestRealPassage));
    }
    if (realism != null) {
      out.append(realism.render());
    }
    return out.toString().stripTrailing();
  }

  /** The share passing in percent, one decimal, rounded down: one rejection in two thousand is not 100 %. */
  public static double passPercent(long notes, long passed) {
    return notes == 0 ? 0.0 : Math.floor(1000.0 * passed / notes) / 10;
  }

  /** A row of {@link QualitySchema#SUMMARY}, its values set by column name. */
  private static Row row(String code, long notes, long passed, Map<String, Long> reasons, Integer longest,
      Realism realism) {
    Map<String, Object> values = new HashMap<>();
    values.put("code", code);
    values.put("notes", notes);
    values.put("passed", passed);
    values.put("rejected", notes - passed);
    values.put("reasons", reasons);
    values.put("longest_real_passage", longest);
    if (realism != null) {
      values.put("real_notes", realism.realNotes());
      values.put("discriminator_notes", realism.discriminatorNotes());
      values.put("discriminator_auc", realism.discriminatorAuc());
      values.put("discriminator_auc_sd", realism.discriminatorAucSd());
      values.put("real_median_chars", realism.realMedianChars());
      values.put("synthetic_median_chars", realism.syntheticMedianChars());
      values.put("median_length_ratio", realism.medianLengthRatio());
      values.put("length_ks", realism.lengthKs());
      values.put("real_word_forms", realism.realWordForms());
      values.put("vocabulary_coverage", realism.vocabularyCoverage());
      values.put("tells", realism.tells().stream().map(t -> RowFactory.create(t.word(), t.realShare(),
          t.syntheticShare())).toList());
    }
    return RowFactory.create(Arrays.stream(QualitySchema.SUMMARY.fieldNames()).map(values::get).toArray());
  }

  /** Every reason, in order, with 0 for those not given; an unknown reason is a bug in the stage. */
  private static Map<String, Long> allReasons(Map<String, Long> counts) {
    Map<String, Long> all = new LinkedHashMap<>();
    QualityChecks.REASONS.forEach(reason -> all.put(reason.label(), counts.getOrDefault(reason.label(), 0L)));
    if (!all.keySet().containsAll(counts.keySet())) {
      throw new IllegalArgumentException("unknown reject reasons " + counts.keySet() + "; known: " + all.keySet());
    }
    return Collections.unmodifiableMap(all);
  }
}
