package io.medsyn.quality;

import java.util.ArrayList;
import java.util.List;

/** The words of a text: runs of letters and digits, lower-cased, with ё read as е (writers use either). */
public final class Words {
  private Words() {}

  public static List<String> of(String text) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isLetterOrDigit(cp)) {
        word.appendCodePoint(fold(cp));
      } else if (!word.isEmpty()) {
        words.add(word.toString());
        word.setLength(0);
      }
    }
    if (!word.isEmpty()) {
      words.add(word.toString());
    }
    return words;
  }

  /** The text with case and ё folded and every run of non-word characters as one space, trimmed. */
  static String normalize(String text) {
    return String.join(" ", of(text));
  }

  private static int fold(int cp) {
    int lower = Character.toLowerCase(cp);
    return lower == 'ё' ? 'е' : lower;
  }
}
