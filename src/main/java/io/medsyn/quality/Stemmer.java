package io.medsyn.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.RussianStemmer;

/**
 * Snowball stems of the content words of a text: Russian for words with Cyrillic letters, English for the rest, so
 * that inflected forms meet ("головную боль" and "головная боль" both give головн, бол). Not thread-safe: one per
 * task.
 */
final class Stemmer {
  /** Function words that carry no symptom or diagnosis. */
  private static final Set<String> STOPWORDS = Set.of(
      "в", "во", "на", "с", "со", "и", "или", "а", "но", "по", "при", "перед", "после", "под", "над", "за", "из",
      "от", "до", "для", "к", "ко", "у", "о", "об", "без", "не", "ни", "же", "то", "что", "как", "его", "ее", "их",
      "of", "the", "a", "an", "in", "on", "at", "to", "and", "or", "with", "without", "by", "for", "from", "over",
      "under", "before", "after", "when", "is", "are", "be", "not", "no");

  private static final Pattern IT_NOUN = Pattern.compile("([а-я]{3,}ит)(а|у|ом|е|ы|ов|ам|ами|ах)?");

  private final SnowballStemmer russian = new RussianStemmer();
  private final SnowballStemmer english = new EnglishStemmer();

  /** The stems of the text's words that are not stopwords, in order. */
  List<String> contentStems(String text) {
    return content(text, this::stem);
  }

  /**
   * Like {@link #stem}, but a Russian noun in -ит keeps it: Snowball takes -ит for a verb ending and would stem
   * бронхит to бронх, which also begins бронхиальный. For disease names (гастрит, цистит, бронхитом).
   */
  String stemNoun(String word) {
    Matcher noun = IT_NOUN.matcher(word);
    return noun.matches() ? noun.group(1) : stem(word);
  }

  /** The content stems of a text by {@link #stemNoun}. */
  List<String> contentNounStems(String text) {
    return content(text, this::stemNoun);
  }

  private static List<String> content(String text, UnaryOperator<String> stemmer) {
    List<String> stems = new ArrayList<>();
    for (String word : Words.of(text)) {
      if (!STOPWORDS.contains(word)) {
        stems.add(stemmer.apply(word));
      }
    }
    return stems;
  }

  String stem(String word) {
    SnowballStemmer stemmer = cyrillic(word) ? russian : english;
    stemmer.setCurrent(word);
    stemmer.stem();
    return stemmer.getCurrent();
  }

  private static boolean cyrillic(String word) {
    for (int i = 0; i < word.length(); i++) {
      if (Character.UnicodeBlock.of(word.charAt(i)) == Character.UnicodeBlock.CYRILLIC) {
        return true;
      }
    }
    return false;
  }
}
