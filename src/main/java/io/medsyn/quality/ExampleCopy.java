package io.medsyn.quality;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** How much of a note is lifted from its example note: the share of its word n-grams that the example also has. */
final class ExampleCopy {
  private final int n;

  ExampleCopy(int n) {
    this.n = n;
  }

  /** Null when there is no example; 0 when the note is shorter than one n-gram. */
  Double share(List<String> noteWords, String example) {
    if (example == null) {
      return null;
    }
    Set<String> noteGrams = ngrams(noteWords);
    if (noteGrams.isEmpty()) {
      return 0.0;
    }
    Set<String> exampleGrams = ngrams(Words.of(example));
    long shared = noteGrams.stream().filter(exampleGrams::contains).count();
    return shared / (double) noteGrams.size();
  }

  private Set<String> ngrams(List<String> words) {
    Set<String> grams = new HashSet<>();
    for (int i = 0; i + n <= words.size(); i++) {
      grams.add(String.join(" ", words.subList(i, i + n)));
    }
    return grams;
  }
}
