package io.medsyn.llm.offline;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Word runs two texts share: how the composer makes sure it imitates an example note without copying it. */
final class Overlap {
  private Overlap() {}

  /** Lowercase words (letters and digits), punctuation dropped. */
  static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i <= text.length(); i++) {
      char c = i < text.length() ? text.charAt(i) : ' ';
      if (Character.isLetterOrDigit(c)) {
        word.append(Character.toLowerCase(c));
      } else if (!word.isEmpty()) {
        words.add(word.toString());
        word.setLength(0);
      }
    }
    return words;
  }

  /** Every run of {@code n} consecutive words of the text. */
  static Set<String> runs(String text, int n) {
    List<String> words = words(text);
    Set<String> runs = new HashSet<>();
    for (int i = 0; i + n <= words.size(); i++) {
      runs.add(String.join(" ", words.subList(i, i + n)));
    }
    return runs;
  }

  static boolean shares(String text, Set<String> runs, int n) {
    List<String> words = words(text);
    for (int i = 0; i + n <= words.size(); i++) {
      if (runs.contains(String.join(" ", words.subList(i, i + n)))) {
        return true;
      }
    }
    return false;
  }

  /** The length of the longest run of words both texts contain. */
  static int longestSharedRun(String a, String b) {
    List<String> x = words(a);
    List<String> y = words(b);
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
