package io.medsyn.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which sampled symptoms a note mentions: by stems, so that inflected and reordered mentions count; or, when the
 * note came as a structured answer that lists the symptoms it used, exactly as listed.
 */
final class SymptomCoverage {
  /** Share of symptoms found (null when the task had none) and the texts of those not found. */
  record Result(Double share, List<String> missing) {}

  private final Stemmer stemmer;
  private final double wordShare;

  SymptomCoverage(Stemmer stemmer, double wordShare) {
    this.stemmer = stemmer;
    this.wordShare = wordShare;
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
