package io.medsyn.style;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;

import io.medsyn.Checks;
import io.medsyn.config.StyleConfig;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * Learns a {@link StyleModel} from real notes of the training split (columns {@code id}, {@code text},
 * {@code code}). Everything is counted in distinct notes, so a phrase one patient's note repeats counts once; a
 * phrase, sentence or shorthand token enters the model only when at least k notes contain it.
 */
public final class StyleLearner {
  /** A filler sentence must come from notes of at least this many codes ... */
  static final int FILLER_MIN_CODES = 3;
  /** ... with no code holding more than this share of them: it says nothing about the diagnosis. */
  static final double FILLER_MAX_CODE_SHARE = 0.5;
  private static final int QUANTILES = 20;

  private final int minRealNotes;
  private final int maxPhrases;
  private final boolean codeClauses;
  private final int codeClauseNotes;
  private final boolean codeShorthand;

  public StyleLearner(StyleConfig config) {
    this.minRealNotes = config.minRealNotes();
    this.maxPhrases = config.maxPhrases();
    this.codeClauses = config.codeClauses();
    this.codeClauseNotes = config.codeClauseNotes();
    this.codeShorthand = config.codeShorthand();
  }

  public StyleModel learn(Dataset<Row> notes, String source) {
    Dataset<Row> real = notes.select(col("id"), col("text"), col("code"))
        .where(col("text").isNotNull().and(length(col("text")).gt(0))).dropDuplicates("id").cache();
    Dataset<Row> tokenUses = null;
    try {
      long n = real.count();
      Checks.checkArgument(n >= minRealNotes, "%s has %d notes, fewer than style.min_real_notes=%d: the style model"
          + " cannot keep any phrase; point sample.examples.path at the training split or lower the key", source, n,
          minRealNotes);
      Dataset<Row> sentences = sentenceRows(real);
      Dataset<Row> fillers = sentences.where(spread());
      // Each note's shorthand tokens, once: both the corpus-wide shares and the per-code counts read them.
      tokenUses = yielded(real, "token", text -> new ArrayList<>(Tokens.shorthand(text))).distinct().cache();
      Map<String, Double> shorthand = shorthand(tokenUses, n);
      Map<String, Long> phrases = phrases(real);
      return new StyleModel(StyleModel.VERSION, new StyleModel.Provenance(source, sha256(real), n, minRealNotes,
          codeClauseNotes, Instant.now().toString()), lengthQuantiles(real), registers(real, n), shorthand,
          typoRate(real), phrases, clauseBigrams(real, phrases, Tokens::clauseStarts), clauseBigrams(real, phrases,
          Tokens::sentenceStarts), clauseBigrams(real, phrases, Tokens::clauseEnds),
          shorthandSentences(sentences), collected(fillers), fillerShareOf(real, fillers, n),
          codeClauses ? codeClauses(real) : Map.of(), sides(real, n),
          codeShorthand ? codeShorthand(real, tokenUses, shorthand.keySet()) : Map.of());
    } finally {
      if (tokenUses != null) {
        tokenUses.unpersist();
      }
      real.unpersist();
    }
  }

  private static List<Integer> lengthQuantiles(Dataset<Row> real) {
    double[] probabilities = new double[QUANTILES + 1];
    for (int i = 0; i <= QUANTILES; i++) {
      probabilities[i] = (double) i / QUANTILES;
    }
    double[] q = real.select(length(col("text")).cast("double").as("chars")).stat()
        .approxQuantile("chars", probabilities, 0.0);
    List<Integer> out = new ArrayList<>();
    for (double v : q) {
      out.add((int) Math.round(v));
    }
    return out;
  }

  private static Map<String, Double> registers(Dataset<Row> real, long n) {
    List<Column> sums = new ArrayList<>();
    for (String feature : Registers.features().keySet()) {
      // The feature's name crosses to the executors; its test is looked up there.
      UserDefinedFunction has = udf((UDF1<String, Integer>) text -> Registers.features().get(feature).test(text)
          ? 1 : 0, DataTypes.IntegerType);
      sums.add(sum(has.apply(col("text"))).as(feature));
    }
    Row row = real.agg(sums.get(0), sums.subList(1, sums.size()).toArray(Column[]::new)).first();
    Map<String, Double> out = new LinkedHashMap<>();
    for (String feature : Registers.features().keySet()) {
      out.put(feature, round(row.getLong(row.fieldIndex(feature)) / (double) n));
    }
    return out;
  }

  /** The tokens that at least k notes use, with their share of the notes ({@code tokenUses}: id, code, token). */
  private Map<String, Double> shorthand(Dataset<Row> tokenUses, long n) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (Row r : tokenUses.groupBy("token").agg(count("*").as("notes")).where(col("notes").geq(minRealNotes))
        .collectAsList()) {
      out.put(r.getString(0), round(r.getLong(1) / (double) n));
    }
    return out;
  }

  /** Words of 4+ letters that one note alone writes, over all such words: most of them are typing slips. */
  private static double typoRate(Dataset<Row> real) {
    Dataset<Row> uses = yielded(real, "word", text -> {
      List<String> out = new ArrayList<>();
      for (String t : Tokens.of(text)) {
        if (t.length() >= 4 && Character.isLowerCase(t.charAt(0))) {
          out.add(t);
        }
      }
      return out;
    });
    Dataset<Row> byWord = uses.groupBy("word").agg(count("*").as("uses"), countDistinct("id").as("notes"));
    Row totals = byWord.agg(sum("uses"), sum(org.apache.spark.sql.functions.when(col("notes").equalTo(1),
        col("uses")).otherwise(0))).first();
    long all = totals.isNullAt(0) ? 0 : totals.getLong(0);
    return all == 0 ? 0.0 : round(totals.getLong(1) / (double) all);
  }

  private Map<String, Long> phrases(Dataset<Row> real) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (Row r : counted(real, "phrase", text -> new ArrayList<>(Tokens.phrases(text)))
        .where(col("notes").geq(minRealNotes)).orderBy(desc("notes"), col("phrase")).limit(maxPhrases)
        .collectAsList()) {
      out.put(r.getString(0), r.getLong(1));
    }
    return out;
  }

  /**
   * For each 2-word phrase of {@code phrases}, the notes whose {@code bigrams} hold it (where it starts a clause or a
   * sentence, or ends a clause), 0 included.
   */
  private static Map<String, Long> clauseBigrams(Dataset<Row> real, Map<String, Long> phrases,
      UDF1<String, Set<String>> bigrams) {
    Map<String, Long> out = new TreeMap<>();
    phrases.keySet().stream().filter(p -> p.split(" ").length == 2).forEach(p -> out.put(p, 0L));
    for (Row r : counted(real, "phrase", text -> new ArrayList<>(bigrams.call(text))).collectAsList()) {
      out.computeIfPresent(r.getString(0), (p, zero) -> r.getLong(1));
    }
    return out;
  }

  /**
   * Per code, the clauses that at least {@code style.code_clause_notes} of its notes contain, with that count, and
   * at least k notes of any code: the code's own wordings, none from one patient alone, even for a code with fewer
   * than k notes.
   */
  private Map<String, Map<String, Long>> codeClauses(Dataset<Row> real) {
    Map<String, Map<String, Long>> out = new TreeMap<>();
    // A note has one code, so a clause's notes in all are the sum of its codes' counts: one pass over the notes.
    Dataset<Row> byCode = yielded(real, "clause", text -> new ArrayList<>(Tokens.clauses(text))).distinct()
        .groupBy("code", "clause").agg(count("*").as("notes"));
    for (Row r : byCode.withColumn("all_notes", sum("notes").over(Window.partitionBy("clause")))
        .where(col("notes").geq(codeClauseNotes).and(col("all_notes").geq(minRealNotes)))
        .select("code", "clause", "notes").orderBy(col("code"), desc("notes"), col("clause")).collectAsList()) {
      out.computeIfAbsent(r.getString(0), c -> new LinkedHashMap<>()).put(r.getString(1), r.getLong(2));
    }
    return out;
  }

  /**
   * Per code, its notes and how many of them use each token of the model's shorthand (tokens that fewer than k notes
   * use are not in it).
   */
  private static Map<String, StyleModel.CodeShorthand> codeShorthand(Dataset<Row> real, Dataset<Row> tokenUses,
      Set<String> tokens) {
    Map<String, Long> notes = new TreeMap<>();
    for (Row r : real.groupBy("code").agg(count("*").as("notes")).collectAsList()) {
      notes.put(r.getString(0), r.getLong(1));
    }
    Map<String, Map<String, Long>> uses = new TreeMap<>();
    for (Row r : tokenUses.groupBy("code", "token").agg(count("*").as("notes")).orderBy("code", "token")
        .collectAsList()) {
      if (tokens.contains(r.getString(1))) {
        uses.computeIfAbsent(r.getString(0), c -> new TreeMap<>()).put(r.getString(1), r.getLong(2));
      }
    }
    Map<String, StyleModel.CodeShorthand> out = new TreeMap<>();
    notes.forEach((code, n) -> out.put(code, new StyleModel.CodeShorthand(n, uses.getOrDefault(code, Map.of()))));
    return out;
  }

  /**
   * The side adjectives' forms between the same two words in at least k notes (a form in fewer is left out), and
   * the share of notes that name one of those places.
   */
  private StyleModel.Sides sides(Dataset<Row> real, long n) {
    Map<String, Map<String, Long>> forms = new TreeMap<>();
    for (Row r : counted(real, "phrase", text -> new ArrayList<>(SideWords.phrases(text)))
        .where(col("notes").geq(minRealNotes)).orderBy(desc("notes"), col("phrase")).collectAsList()) {
      String phrase = r.getString(0);
      forms.computeIfAbsent(SideWords.placeOf(phrase), x -> new LinkedHashMap<>()).put(SideWords.formOf(phrase),
          r.getLong(1));
    }
    if (forms.isEmpty()) {
      return new StyleModel.Sides(forms, 0);
    }
    Set<String> places = new HashSet<>(forms.keySet());
    UserDefinedFunction names = udf((UDF1<String, Integer>) text -> SideWords.names(text, places) ? 1 : 0,
        DataTypes.IntegerType);
    return new StyleModel.Sides(forms, round(real.agg(sum(names.apply(col("text")))).first().getLong(0)
        / (double) n));
  }

  /** Each note's short sentences, one row each. */
  private static Dataset<Row> shortSentences(Dataset<Row> real) {
    return yielded(real, "sentence", text -> new ArrayList<>(Tokens.shortSentences(text)));
  }

  /** Each item a note yields, one row each (id, code and the item as column {@code name}). */
  private static Dataset<Row> yielded(Dataset<Row> real, String name, UDF1<String, List<String>> items) {
    UserDefinedFunction f = udf(items, DataTypes.createArrayType(DataTypes.StringType));
    return real.select(col("id"), col("code"), explode(f.apply(col("text"))).as(name));
  }

  /** Short sentences that at least k notes contain, with their note count, number of codes and largest code's count. */
  private Dataset<Row> sentenceRows(Dataset<Row> real) {
    Dataset<Row> byCode = shortSentences(real).groupBy("sentence", "code").agg(countDistinct("id").as("in_code"));
    return byCode.groupBy("sentence").agg(sum("in_code").as("notes"), count("*").as("codes"),
        max("in_code").as("top")).where(col("notes").geq(minRealNotes));
  }

  /** Fillers: sentences spread over many codes, none holding most of them. */
  private static Column spread() {
    return col("codes").geq(FILLER_MIN_CODES).and(col("top").leq(col("notes").multiply(FILLER_MAX_CODE_SHARE)));
  }

  private static Map<String, Long> collected(Dataset<Row> rows) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (Row r : rows.orderBy(desc("notes"), col("sentence")).select("sentence", "notes").collectAsList()) {
      out.put(r.getString(0), r.getLong(1));
    }
    return out;
  }

  /** Sentences that use shorthand ("АД 120/80", "ОАК без патологии"): how the composer writes it. */
  private Map<String, Long> shorthandSentences(Dataset<Row> sentences) {
    Map<String, Long> out = new LinkedHashMap<>();
    collected(sentences).forEach((sentence, notes) -> {
      if (!Tokens.shorthand(sentence).isEmpty()) {
        out.put(sentence, notes);
      }
    });
    return out;
  }

  private double fillerShareOf(Dataset<Row> real, Dataset<Row> fillers, long n) {
    long with = shortSentences(real).join(fillers.select("sentence"), "sentence").select("id").distinct().count();
    return round(with / (double) n);
  }

  /** For each item a note yields: the number of distinct notes that yield it. */
  private static Dataset<Row> counted(Dataset<Row> real, String name, UDF1<String, List<String>> items) {
    return yielded(real, name, items).select(col("id"), col(name)).distinct().groupBy(name).agg(count("*").as("notes"));
  }

  /** The hash of the notes' ids and texts in id order. */
  private static String sha256(Dataset<Row> real) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      Iterator<Row> rows = real.select("id", "text").orderBy("id").toLocalIterator();
      while (rows.hasNext()) {
        Row r = rows.next();
        digest.update(r.getString(0).getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(r.getString(1).getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static double round(double share) {
    return Math.round(share * 10_000) / 10_000.0;
  }
}
