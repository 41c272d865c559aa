package io.medsyn.quality;

import java.util.ArrayList;
import java.util.List;

/** Which sampled symptoms a note mentions, by stems, so that inflected and reordered mentions count. */
final class SymptomCoverage {
  /** Share of symptoms found (null when the task had none) and the texts of those not found. */
  record Result(Double share, List<String> missing) {}

  private final Stemmer stemmer;
  private final double wordShare;

  SymptomCoverage(Stemmer stemmer, double wordShare) {
    this.stemmer = stemmer;
    this.wordShare = wordShare;
  }

  Result measure(List<String> symptoms, StemIndex note) {
    if (symptoms.isEmpty()) {
      return new Result(null, List.of());
    }
    List<String> missing = new ArrayList<>();
    for (String symptom : symptoms) {
      if (!found(symptom, note)) {
        missing.add(symptom);
      }
    }
    return new Result((symptoms.size() - missing.size()) / (double) symptoms.size(), missing);
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
