package io.medsyn.style;

import io.medsyn.text.Stemmer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Body sides as notes write them: a side adjective between two words ("в правой руке", "области левого
 * подреберья"), in the form that agrees with the word after it. Nothing here declines a word: the forms are the
 * notes' own, and a side adjective is any word whose Snowball stem is прав or лев. A {@link Stemmer} is not
 * thread-safe, so each call that is not handed one makes its own.
 */
final class SideWords {
  /** The stems of the side adjectives: правой, левом, правого, левую ... */
  private static final Set<String> ADJECTIVES = Set.of("прав", "лев");
  /** ... and of the side adverbs: a phrase with "справа" or "слева" has its side already. */
  private static final Set<String> ADVERBS = Set.of("справ", "слев");

  private SideWords() {}

  /** Whether the note names a body side with an adjective. */
  static boolean has(String text) {
    Stemmer stemmer = new Stemmer();
    return Tokens.of(text).stream().anyMatch(t -> isAdjective(t, stemmer));
  }

  /** Whether the token is a side adjective or adverb. */
  static boolean isSide(String token, Stemmer stemmer) {
    return isAdjective(token, stemmer) || ADVERBS.contains(stemmer.stem(token));
  }

  /**
   * The note's side phrases, each once: a side adjective with the token before it and the word after it, within a
   * sentence ("в правой руке"). The word after has two letters or more and is not a function word: a single letter
   * is a preposition or a piece of an abbreviation ("в правом т.б. суставе").
   */
  static Set<String> phrases(String text) {
    Stemmer stemmer = new Stemmer();
    Set<String> out = new LinkedHashSet<>();
    for (String sentence : Tokens.sentences(text)) {
      List<String> tokens = Tokens.of(sentence);
      for (int i = 1; i + 1 < tokens.size(); i++) {
        String after = tokens.get(i + 1);
        if (isAdjective(tokens.get(i), stemmer) && after.length() >= 2 && Character.isLetter(after.charAt(0))
            && !Tokens.isShorthand(after) && !Stemmer.isStopword(after)) {
          out.add(phrase(place(tokens.get(i - 1), after), tokens.get(i)));
        }
      }
    }
    return out;
  }

  /**
   * Whether the note names one of the places, each the two words a side goes between ("в руке"), with a side
   * adjective between them or without.
   */
  static boolean names(String text, Set<String> places) {
    Stemmer stemmer = new Stemmer();
    for (String sentence : Tokens.sentences(text)) {
      List<String> tokens = Tokens.of(sentence);
      for (int i = 0; i + 1 < tokens.size(); i++) {
        if (places.contains(place(tokens.get(i), tokens.get(i + 1))) || (i + 2 < tokens.size()
            && isAdjective(tokens.get(i + 1), stemmer) && places.contains(place(tokens.get(i), tokens.get(i + 2))))) {
          return true;
        }
      }
    }
    return false;
  }

  /** The place two words make, as the style model keys it: "в" and "руке" make "в руке". */
  static String place(String before, String after) {
    return before + " " + after;
  }

  /** The phrase a side's form makes at a place: "в руке" with "правой" is "в правой руке". */
  static String phrase(String place, String form) {
    int space = place.indexOf(' ');
    return place.substring(0, space + 1) + form + place.substring(space);
  }

  /** The place of a side phrase of {@link #phrases}: "в руке" of "в правой руке". */
  static String placeOf(String phrase) {
    String[] words = phrase.split(" ");
    return place(words[0], words[2]);
  }

  /** The side's form in a side phrase of {@link #phrases}: "правой" of "в правой руке". */
  static String formOf(String phrase) {
    return phrase.split(" ")[1];
  }

  /** The side a side adjective names, as its stem (прав or лев). */
  static String side(String adjective, Stemmer stemmer) {
    return stemmer.stem(adjective);
  }

  private static boolean isAdjective(String token, Stemmer stemmer) {
    return ADJECTIVES.contains(stemmer.stem(token));
  }
}
