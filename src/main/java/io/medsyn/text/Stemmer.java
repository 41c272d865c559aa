package io.medsyn.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.RussianStemmer;

/**
 * Snowball stems of the content words of a text: Russian for words with Cyrillic letters, English for the rest, so
 * that inflected forms meet ("головную боль" and "головная боль" both give головн, бол). Notes repeat a small
 * vocabulary, so stems are remembered. Not thread-safe: one per task.
 */
public final class Stemmer {
  /** Function words that carry no symptom or diagnosis. */
  private static final Set<String> STOPWORDS = Set.of(
      "в", "во", "на", "с", "со", "и", "или", "а", "но", "по", "при", "перед", "после", "под", "над", "за", "из",
      "от", "до", "для", "к", "ко", "у", "о", "об", "без", "не", "ни", "же", "то", "что", "как", "его", "ее", "их",
      "из-за", "из-под",
      "of", "the", "a", "an", "in", "on", "at", "to", "and", "or", "with", "without", "by", "for", "from", "over",
      "under", "before", "after", "when", "is", "are", "be", "not", "no");
  /** Case endings a Russian noun in -ит takes (бронхит, бронхита, бронхитами). */
  private static final List<String> IT_ENDINGS = List.of("ами", "ам", "ах", "ов", "ом", "а", "у", "е", "ы", "");
  /** The shortest stem {@link #sameFamily} looks past. */
  public static final int MIN_FAMILY_STEM = 5;
  /** Bounds the memory of a task that meets an unusually large vocabulary. */
  private static final int MAX_REMEMBERED = 200_000;

  private final SnowballStemmer russian = new RussianStemmer();
  private final SnowballStemmer english = new EnglishStemmer();
  private final Map<String, String> stems = new HashMap<>();
  private final Map<String, String> nounStems = new HashMap<>();

  /** Whether a (lower-case) word is a function word that carries no symptom or diagnosis. */
  public static boolean isStopword(String word) {
    return STOPWORDS.contains(word);
  }

  /** The stems of the text's words that are not stopwords, in order. */
  public List<String> contentStems(String text) {
    return content(text, this::stem);
  }

  /** The content stems of a text by {@link #stemNoun}. */
  public List<String> contentNounStems(String text) {
    return content(text, this::stemNoun);
  }

  public String stem(String word) {
    return remembered(stems, word, this::snowball);
  }

  /**
   * Like {@link #stem}, but a Russian noun in -ит keeps it: Snowball takes -ит for a verb ending and would stem
   * бронхит to бронх, which also begins бронхиальный. For disease names (гастрит, цистит, бронхитом).
   */
  public String stemNoun(String word) {
    return remembered(nounStems, word, w -> {
      for (String ending : IT_ENDINGS) {
        int end = w.length() - ending.length();
        if (w.endsWith(ending) && end >= 5 && w.startsWith("ит", end - 2) && cyrillic(w)) {
          return w.substring(0, end);
        }
      }
      return stem(w);
    });
  }

  /**
   * Whether two stems are of one word family: equal, or a noun and its relational adjective, which adds "н" and may
   * alternate the noun's last consonant or drop its fleeting vowel (поясниц and поясничн, сердц and сердечн,
   * желудк and желудочн), so that "боль в пояснице" meets "боли в поясничном отделе". Stems under five letters are
   * left alone, where a word can have two families (легк of лёгкое and лёгкий), and so is a noun stem that ends in
   * "н" itself (болезн and болезнен, "болезненный").
   */
  public static boolean sameFamily(String a, String b) {
    if (a.equals(b)) {
      return true;
    }
    String noun = a.length() <= b.length() ? a : b;
    String adjective = a.length() <= b.length() ? b : a;
    int common = 0;
    while (common < noun.length() && noun.charAt(common) == adjective.charAt(common)) {
      common++;
    }
    return noun.length() >= MIN_FAMILY_STEM && !noun.endsWith("н") && adjective.endsWith("н")
        && common >= noun.length() - 1 && adjective.length() - common <= 3;
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

  private static String remembered(Map<String, String> memory, String word, UnaryOperator<String> compute) {
    String known = memory.get(word);
    if (known == null) {
      if (memory.size() >= MAX_REMEMBERED) {
        memory.clear();
      }
      known = compute.apply(word);
      memory.put(word, known);
    }
    return known;
  }

  private String snowball(String word) {
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
