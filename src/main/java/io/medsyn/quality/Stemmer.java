package io.medsyn.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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

  private final SnowballStemmer russian = new RussianStemmer();
  private final SnowballStemmer english = new EnglishStemmer();

  /** The stems of the text's words that are not stopwords, in order. */
  List<String> contentStems(String text) {
    List<String> stems = new ArrayList<>();
    for (String word : Words.of(text)) {
      if (!STOPWORDS.contains(word)) {
        stems.add(stem(word));
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
