package io.medsyn.quality;

import static org.apache.spark.sql.functions.char_length;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.trim;

import io.medsyn.config.RealismConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * How much the synthetic corpus reads like the user's real training notes: whether a classifier tells them apart
 * ({@link Discriminator}), how their lengths differ ({@link LengthDistance}) and how much of the real vocabulary
 * they use ({@link VocabularyCoverage}).
 *
 * @param realNotes the real training notes compared with
 * @param discriminatorAuc cross-validated ROC AUC of the real-vs-synthetic classifier; null when a side has too few
 *     notes for the folds
 * @param discriminatorAucSd its standard deviation over the folds
 * @param discriminatorNotes notes the discriminator saw, half of each side
 * @param realMedianChars median length of the real notes in characters
 * @param syntheticMedianChars median length of the synthetic notes
 * @param lengthKs Kolmogorov–Smirnov statistic between the two length distributions
 * @param realWordForms word forms found in at least two real notes
 * @param vocabularyCoverage share of those found in the synthetic notes
 * @param tells the words the synthetic notes over-use most, then those they under-use most ({@link WordTell})
 */
public record Realism(long realNotes, Double discriminatorAuc, Double discriminatorAucSd, int discriminatorNotes,
    double realMedianChars, double syntheticMedianChars, double lengthKs, long realWordForms,
    double vocabularyCoverage, List<WordTell> tells) {
  public Realism {
    tells = List.copyOf(tells);
  }

  /** Synthetic median length over real median length. */
  public double medianLengthRatio() {
    return syntheticMedianChars / realMedianChars;
  }

  /**
   * The figures for {@code synthetic} against {@code real}; empty when either has no note with text.
   *
   * @param synthetic {@code text} of the synthetic notes (the corpus)
   * @param real {@code id} and {@code text} of the real training notes, never an evaluation split
   * @param minRealNotes k of the privacy rule: no word of fewer real notes is named among the tells
   */
  public static Optional<Realism> measure(Dataset<Row> synthetic, Dataset<Row> real, RealismConfig config,
      int minRealNotes, long seed) {
    Dataset<Row> fake = synthetic.filter(col("text").isNotNull()).select("text").localCheckpoint();
    Dataset<Row> own = real.filter(col("text").isNotNull()).select(col("id"), col("text")).localCheckpoint();
    Map<Integer, Long> realLengths = new HashMap<>();
    Map<Integer, Long> fakeLengths = new HashMap<>();
    own.select(lit(true).as("real"), col("text")).unionByName(fake.select(lit(false).as("real"), col("text")))
        .groupBy(col("real"), char_length(trim(col("text"))).as("chars")).count().collectAsList()
        .forEach(r -> (r.getBoolean(0) ? realLengths : fakeLengths).put(r.getInt(1), r.getLong(2)));
    if (realLengths.isEmpty() || fakeLengths.isEmpty()) {
      return Optional.empty();
    }
    LengthDistance lengths = LengthDistance.of(realLengths, fakeLengths);
    Dataset<Row> realForms = WordForms.notesPerForm(own).localCheckpoint();
    Dataset<Row> fakeForms = WordForms.notesPerForm(fake).localCheckpoint();
    VocabularyCoverage vocabulary = VocabularyCoverage.of(realForms, fakeForms);
    Discriminator.Result auc = new Discriminator(config.discriminatorNotes(), config.folds(), seed)
        .measure(own, fake);
    return Optional.of(new Realism(count(realLengths), auc == null ? null : auc.auc(),
        auc == null ? null : auc.aucSd(), auc == null ? 0 : auc.notes(), lengths.realMedian(),
        lengths.syntheticMedian(), lengths.ks(), vocabulary.realForms(), vocabulary.share(),
        WordTell.of(realForms, count(realLengths), fakeForms, count(fakeLengths), minRealNotes)));
  }

  /** One line for the terminal, and a second naming the tells when there are any. */
  public String render() {
    String auc = discriminatorAuc == null ? "n/a (too few notes)"
        : String.format(Locale.ROOT, "%.3f ± %.3f on %,d notes", discriminatorAuc, discriminatorAucSd,
            discriminatorNotes);
    return String.format(Locale.ROOT, "realism vs %,d real training notes: discriminator AUC %s; median length %.0f"
        + " vs %.0f chars (ratio %.2f, KS %.3f); %.1f%% of %,d real word forms used", realNotes, auc,
        syntheticMedianChars, realMedianChars, medianLengthRatio(), lengthKs, 100 * vocabularyCoverage,
        realWordForms) + tellsLine();
  }

  /** The tells as one line ("" when none): "… over-used боль 36.4%/12.8%, …; under-used до 2.5%/18.0%, …". */
  private String tellsLine() {
    List<String> kinds = new ArrayList<>();
    for (boolean over : new boolean[] {true, false}) {
      String words = tells.stream().filter(t -> t.overUsed() == over).map(t -> String.format(Locale.ROOT,
          "%s %.1f%%/%.1f%%", t.word(), 100 * t.syntheticShare(), 100 * t.realShare()))
          .collect(Collectors.joining(", "));
      if (!words.isEmpty()) {
        kinds.add((over ? "over-used " : "under-used ") + words);
      }
    }
    return kinds.isEmpty() ? "" : System.lineSeparator() + "words that give the notes away (share of synthetic"
        + " notes, of real notes): " + String.join("; ", kinds);
  }

  private static long count(Map<Integer, Long> counts) {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }
}
