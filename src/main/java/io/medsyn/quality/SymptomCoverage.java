package io.medsyn.quality;

import io.medsyn.text.Stemmer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Which sampled symptoms a note mentions: by stems, so that inflected and reordered mentions count; or, when the
 * note came as a structured answer that lists the symptoms it used, exactly as listed.
 */
final class SymptomCoverage implements NoteCheck {
  static final RejectReason LOW_SYMPTOM_COVERAGE = new RejectReason("low_symptom_coverage",
      "too few of the sampled symptoms are mentioned");
  static final NoteCheck.Kind KIND = new NoteCheck.Kind(List.of(LOW_SYMPTOM_COVERAGE),
      (config, stemmer) -> new SymptomCoverage(stemmer, config.symptomWordShare(), config.minSymptomCoverage()));

  /** Share of symptoms found (null when the task had none) and the texts of those not found. */
  record Result(Double share, List<String> missing) {}

  private final Stemmer stemmer;
  private final double wordShare;
  private final double minCoverage;

  /**
   * @param wordShare a symptom is found when this share of its content words is in the note
   * @param minCoverage a lower share of symptoms found rejects the note
   */
  SymptomCoverage(Stemmer stemmer, double wordShare, double minCoverage) {
    this.stemmer = stemmer;
    this.wordShare = wordShare;
    this.minCoverage = minCoverage;
  }

  @Override
  public StructType columns() {
    return new StructType().add("symptom_coverage", DataTypes.DoubleType, true)
        .add("symptoms_missing", DataTypes.createArrayType(DataTypes.StringType, false), true);
  }

  @Override
  public void check(CheckedNote note, Verdict verdict) {
    Result covered = measure(note.symptoms(), note.stems(), note.symptomsUsed());
    verdict.put("symptom_coverage", covered.share());
    verdict.put("symptoms_missing", covered.missing());
    verdict.rejectIf(covered.share() != null && covered.share() < minCoverage - 1e-9, LOW_SYMPTOM_COVERAGE);
  }

  /**
   * @param used the symptoms the note's structured answer says it mentions, or null for a plain-text answer; with
   *     the list, a symptom counts exactly when the list names it (case and spacing aside), since a paraphrase the
   *     stems cannot see is still a mention
   */
  Result measure(List<String> symptoms, StemIndex note, List<String> used) {
    if (symptoms.isEmpty()) {
      return new Result(null, List.of());
    }
    Set<String> listed = used == null ? null : used.stream().map(SymptomCoverage::fold).collect(Collectors.toSet());
    List<String> missing = new ArrayList<>();
    for (String symptom : symptoms) {
      if (listed != null ? !listed.contains(fold(symptom)) : !found(symptom, note)) {
        missing.add(symptom);
      }
    }
    return new Result((symptoms.size() - missing.size()) / (double) symptoms.size(), missing);
  }

  private static String fold(String text) {
    return text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  /** At least {@code wordShare} of the symptom's content words occur in the note. */
  boolean found(String symptom, StemIndex note) {
    List<String> stems = stemmer.contentStems(symptom);
    if (stems.isEmpty()) {
      return true;
    }
    long hits = stems.stream().filter(note::contains).count();
    return hits >= wordShare * stems.size() - 1e-9;
  }
}
