package io.medsyn.text;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The words of a text: runs of letters and digits (any script, code points outside the BMP included), lower-cased,
 * with ё read as е (writers use either). The project's one tokeniser: a digit is a decimal digit, so ² and ½ end a
 * word. It sits below every stage so that the stages compare words the same way.
 */
public final class Words {
  /** The same rule as a regular expression, for SQL: a run of characters that are neither letters nor digits. */
  public static final String NON_WORD = "[^\\p{L}\\p{Nd}]+";

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
  public static String normalize(String text) {
    return String.join(" ", of(text));
  }

  /**
   * A piece of text in the normal form {@link #of} gives a word (lower case, ё as е), for a tokeniser that cuts the
   * text by another rule but must fold its words as this one does.
   */
  public static String fold(String word) {
    StringBuilder folded = new StringBuilder(word.length());
    word.codePoints().forEach(cp -> folded.appendCodePoint(fold(cp)));
    return folded.toString();
  }

  /** Every run of {@code n} consecutive words, joined by one space: how copying from another text is measured. */
  public static Set<String> runs(List<String> words, int n) {
    Set<String> runs = new HashSet<>();
    for (int i = 0; i + n <= words.size(); i++) {
      runs.add(String.join(" ", words.subList(i, i + n)));
    }
    return runs;
  }

  private static int fold(int cp) {
    int lower = Character.toLowerCase(cp);
    return lower == 'ё' ? 'е' : lower;
  }
}
