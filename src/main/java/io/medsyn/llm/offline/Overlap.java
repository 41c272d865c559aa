package io.medsyn.llm.offline;

import io.medsyn.text.Words;
import java.util.List;
import java.util.Set;

/**
 * Word runs two texts share: how the composer makes sure it imitates an example note without copying it. Words are
 * the project's one tokeniser's ({@link Words}), so the composer and the quality stage's copy checks agree.
 */
final class Overlap {
  private Overlap() {}

  /** Every run of {@code n} consecutive words of the text. */
  static Set<String> runs(String text, int n) {
    return Words.runs(Words.of(text), n);
  }

  static boolean shares(String text, Set<String> runs, int n) {
    List<String> words = Words.of(text);
    for (int i = 0; i + n <= words.size(); i++) {
      if (runs.contains(String.join(" ", words.subList(i, i + n)))) {
        return true;
      }
    }
    return false;
  }

  /** The length of the longest run of words both texts contain. */
  static int longestSharedRun(String a, String b) {
    List<String> x = Words.of(a);
    List<String> y = Words.of(b);
    int best = 0;
    int[] previous = new int[y.size() + 1];
    for (int i = 1; i <= x.size(); i++) {
      int[] current = new int[y.size() + 1];
      for (int j = 1; j <= y.size(); j++) {
        if (x.get(i - 1).equals(y.get(j - 1))) {
          current[j] = previous[j - 1] + 1;
          best = Math.max(best, current[j]);
        }
      }
      previous = current;
    }
    return best;
  }
}
