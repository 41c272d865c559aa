package io.medsyn.card;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.percentile;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import io.medsyn.Hashes;
import io.medsyn.config.MedSynConfig;
import io.medsyn.config.MkgConfig;
import io.medsyn.mkg.Icd10;
import io.medsyn.mkg.KnowledgeGraph;
import io.medsyn.mkg.VertexType;
import io.medsyn.quality.QualitySummary;
import io.medsyn.table.NoteSchema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The card's facts, read from the run's tables: a pure function of the configuration, the graph, the notes (as the
 * generate stage wrote them, or as the quality stage scored them) and the quality summary table.
 */
public final class CardFacts {
  static final String PRETTY_NAME = "MedSyn synthetic clinical notes";
  /** MedSyn on Spark sets no license for the notes it makes: whoever publishes a corpus chooses one. */
  static final String LICENSE = "other";
  static final List<String> TASK_CATEGORIES = List.of("text-classification");
  static final List<String> TASK_IDS = List.of("multi-class-classification");
  static final List<String> TAGS = List.of("medical", "clinical-notes", "icd-10", "synthetic");
  /** Quantile names and their fractions, in the order the card lists them. */
  static final Map<String, Double> QUANTILES = quantiles();
  /** The quality summary's columns the card shows by name; any other column of its total row is a figure. */
  private static final Set<String> SUMMARY_COUNTS = Set.of("code", "notes", "passed", "rejected", "reasons");
  /** Keys of a few strings, in the order of their first string, then the next. */
  private static final Comparator<List<String>> LIST_ORDER = (a, b) -> String.join("\u0000", a)
      .compareTo(String.join("\u0000", b));

  private CardFacts() {}

  /**
   * @param notes the {@code notes} table, or the {@code quality/notes} table once the quality stage has scored it
   * @param qualitySummary the {@code quality/summary} table counting those scored notes; null before the stage ran
   */
  public static Card of(MedSynConfig config, KnowledgeGraph graph, Dataset<Row> notes, Dataset<Row> qualitySummary) {
    boolean scored = Arrays.asList(notes.columns()).contains("quality_pass");
    Column ok = col("status").equalTo(NoteSchema.OK);
    Column inCorpus = scored ? col("quality_pass") : ok;
    // One pass over the notes: every count of the card is a roll-up of these few groups on the driver.
    List<Row> groups = notes.groupBy("code", "language", "backend", "model", "prompt_kind", "template_hash", "run_id")
        .agg(count(lit(1)), sum(when(ok, 1L).otherwise(0L)), sum(when(inCorpus, 1L).otherwise(0L)),
            coalesce(sum("prompt_tokens"), lit(0L)), coalesce(sum("completion_tokens"), lit(0L)),
            coalesce(sum("cost_usd"), lit(0.0)))
        .collectAsList();
    Map<String, long[]> byCode = new TreeMap<>();
    Map<String, long[]> byLanguage = new TreeMap<>();
    Map<List<String>, Long> backends = new TreeMap<>(LIST_ORDER);
    Map<List<String>, Long> templates = new TreeMap<>(LIST_ORDER);
    Set<String> runIds = new TreeSet<>();
    long[] total = new long[3];
    long promptTokens = 0;
    long completionTokens = 0;
    double cost = 0;
    for (Row g : groups) {
      long[] counts = {g.getLong(7), g.getLong(8), g.getLong(9)};
      add(byCode.computeIfAbsent(g.getString(0), k -> new long[3]), counts);
      add(byLanguage.computeIfAbsent(g.getString(1), k -> new long[3]), counts);
      add(total, counts);
      backends.merge(List.of(g.getString(2), g.getString(3)), counts[0], Long::sum);
      templates.merge(List.of(g.getString(4), g.getString(1), g.getString(5)), counts[0], Long::sum);
      runIds.add(g.getString(6));
      promptTokens += g.getLong(10);
      completionTokens += g.getLong(11);
      cost += g.getDouble(12);
    }
    Card.Counts all = counts(null, total, scored);
    long corpusNotes = scored ? all.passed() : all.ok();
    List<String> languages = byLanguage.entrySet().stream().filter(e -> e.getValue()[2] > 0).map(Map.Entry::getKey)
        .toList();
    Card.Header header = new Card.Header(PRETTY_NAME, LICENSE,
        languages.isEmpty() ? List.of(config.generate().language()) : languages,
        List.of(sizeCategory(corpusNotes)), TASK_CATEGORIES, TASK_IDS, TAGS);
    Card.Made made = new Card.Made(graphSource(config.mkg()), categories(graph), graphSha256(graph),
        backends.entrySet().stream().map(e -> new Card.Backend(e.getKey().get(0), e.getKey().get(1), e.getValue()))
            .toList(),
        templates.entrySet().stream().map(e -> new Card.Template(e.getKey().get(0), e.getKey().get(1),
            e.getKey().get(2), e.getValue())).toList(),
        List.copyOf(runIds), config.seed(), PublicConfig.of(config));
    return new Card(header, made, all,
        byCode.entrySet().stream().map(e -> counts(e.getKey(), e.getValue(), scored)).toList(),
        byLanguage.entrySet().stream().map(e -> counts(e.getKey(), e.getValue(), scored)).toList(),
        lengths(notes.where(inCorpus)), scored && qualitySummary != null ? quality(qualitySummary) : null,
        new Card.Usage(promptTokens, completionTokens, cost));
  }

  /** Hugging Face's size category of a dataset with {@code n} rows. */
  static String sizeCategory(long n) {
    String[] names = {"1K", "10K", "100K", "1M", "10M", "100M", "1B", "10B", "100B", "1T"};
    if (n < 1000) {
      return "n<1K";
    }
    long bound = 1000;
    for (int i = 0; i + 1 < names.length; i++) {
      if (n < bound * 10) {
        return names[i] + "<n<" + names[i + 1];
      }
      bound *= 10;
    }
    return "n>1T";
  }

  /** The graph's ICD-10 categories (its subcodes aside). */
  private static long categories(KnowledgeGraph graph) {
    return graph.vertexList().stream().filter(v -> VertexType.DISEASE.label().equals(v.type()))
        .filter(v -> Icd10.isCategory(v.code())).count();
  }

  private static String graphSource(MkgConfig mkg) {
    String files = switch (mkg.source()) {
      case "builtin" -> "the built-in graph (src/main/resources/mkg/builtin)";
      case "json" -> mkg.source() + " " + mkg.vertices();
      default -> mkg.source() + " " + mkg.vertices() + " and " + mkg.edges();
    };
    return mkg.codes().isEmpty() ? files : files + ", codes " + String.join(", ", mkg.codes());
  }

  /**
   * SHA-256 of the graph's vertices and edges, one tab-separated line each, sorted, attributes in key order: the
   * same graph gives the same hash whatever its source's order of rows and in every JVM.
   */
  static String graphSha256(KnowledgeGraph graph) {
    List<String> lines = new ArrayList<>();
    graph.vertexList().forEach(v -> lines.add(String.join("\t", "vertex", v.id(), v.type(), v.code(), v.nameRu(),
        v.nameEn(), String.valueOf(v.frequency()), new TreeMap<>(v.attrs()).toString())));
    graph.edgeList().forEach(e -> lines.add(String.join("\t", "edge", e.src(), e.dst(), e.relation(),
        String.valueOf(e.weight()), new TreeMap<>(e.attrs()).toString())));
    Collections.sort(lines);
    return Hashes.sha256Hex(String.join("\n", lines));
  }

  private static Card.Lengths lengths(Dataset<Row> corpus) {
    Column fractions = array(QUANTILES.values().stream().map(q -> lit(q))
        .toArray(Column[]::new));
    Row r = corpus.select(length(col("text")).as("chars"), size(split(trim(col("text")), "\\s+")).as("words"))
        .agg(percentile(col("chars"), fractions), percentile(col("words"), fractions)).first();
    return new Card.Lengths(named(r, 0), named(r, 1));
  }

  private static Map<String, Double> named(Row r, int i) {
    Map<String, Double> out = new LinkedHashMap<>();
    if (!r.isNullAt(i)) {
      List<Double> values = r.getList(i);
      List<String> names = new ArrayList<>(QUANTILES.keySet());
      for (int q = 0; q < names.size(); q++) {
        out.put(names.get(q), values.get(q));
      }
    }
    return out;
  }

  private static Card.Quality quality(Dataset<Row> summaryTable) {
    QualitySummary summary = QualitySummary.read(summaryTable);
    Row total = summaryTable.where(col("code").isNull()).first();
    Map<String, Object> figures = new LinkedHashMap<>();
    for (StructField f : total.schema().fields()) {
      if (!SUMMARY_COUNTS.contains(f.name())) {
        figures.put(f.name(), plain(total.get(total.fieldIndex(f.name()))));
      }
    }
    return new Card.Quality(summary.notes(), summary.passed(), summary.byReason(), figures);
  }

  /** A Spark value as plain Java for the JSON and Markdown writers: maps, lists and rows unwrapped. */
  private static Object plain(Object value) {
    if (value instanceof scala.collection.Map<?, ?> m) {
      Map<Object, Object> out = new TreeMap<>();
      CollectionConverters.asJava(m).forEach((k, v) -> out.put(String.valueOf(k), plain(v)));
      return out;
    }
    if (value instanceof scala.collection.Seq<?> s) {
      return CollectionConverters.asJava(s).stream().map(CardFacts::plain).toList();
    }
    if (value instanceof Row row) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (StructField f : row.schema().fields()) {
        out.put(f.name(), plain(row.get(row.fieldIndex(f.name()))));
      }
      return out;
    }
    return value;
  }

  private static Card.Counts counts(String key, long[] c, boolean scored) {
    return new Card.Counts(key, c[0], c[1], c[0] - c[1], scored ? c[2] : null);
  }

  private static void add(long[] into, long[] counts) {
    for (int i = 0; i < into.length; i++) {
      into[i] += counts[i];
    }
  }

  private static Map<String, Double> quantiles() {
    Map<String, Double> q = new LinkedHashMap<>();
    q.put("min", 0.0);
    q.put("p10", 0.1);
    q.put("p25", 0.25);
    q.put("median", 0.5);
    q.put("p75", 0.75);
    q.put("p90", 0.9);
    q.put("max", 1.0);
    return Collections.unmodifiableMap(q);
  }
}
