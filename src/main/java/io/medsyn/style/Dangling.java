package io.medsyn.style;

import io.medsyn.text.Words;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Whether a phrase is cut off before its noun, as a phrase window or a comma-separated clause of a real note can be:
 * "головные боли в лобной" (the notes go on "области" or "височной области"), or a clause of one adjective,
 * "выраженные", after adverbs if any ("умеренно выраженные"). Such a phrase ends on an adjective form, and its last two
 * words go on in the real notes: one next word follows them in at least half the notes that have them ("в лобной
 * области"), or their next words together do in at least three quarters ("в правой руке", "ноге", "подвздошной"...), or
 * they end a clause in fewer than one in ten of their notes ("с обильным", which the notes go on "отделяемым",
 * "слизистым отделяемым", each in too few of them to be a phrase). A phrase that ends on a noun, or on a word the notes
 * often end on ("в покое", in 54 of 125 notes), passes. The model's phrases are all it reads; they hold only 3-word
 * phrases of at least k notes, so the sum falls short of every continuation, and the threshold is set below 1 for that.
 *
 * <p>A phrase that ends on a preposition of two words ("головокружение на фоне", "кашель в течение") is cut too: it
 * governs the noun after it, and its continuations are too varied for the counts to show it. So is one that ends on
 * the first part of a compound ("боли в пояснично", where the notes write "пояснично-крестцовом", or, with spaces
 * around the hyphen, "пояснично - крестцовом"), and one that ends on a preposition of two words and a verbal noun
 * that one next word follows in three quarters of the notes ("головокружение на фоне повышения", which they go on
 * "цифр АД"; "при смене положения" goes on "тела" in about half and passes).
 */
final class Dangling implements Predicate<String> {
  /** Adjective and participle case endings; nouns in -ние and -тие end alike and are let through. */
  private static final List<String> ADJECTIVE_ENDINGS = List.of("ого", "его", "ому", "ему", "ой", "ей", "ых", "их",
      "ую", "юю", "ая", "яя", "ые", "ие", "ое", "ее", "ом", "ым", "им", "ыми", "ими");
  /** Prepositions of two words, in normal form; each governs a noun after it ("на фоне стресса"). */
  private static final Set<String> COMPOUND_PREPOSITIONS = Set.of("в течение", "в течении", "на фоне", "по типу",
      "в области", "со стороны", "в виде", "при смене");
  /** Genitive endings of the verbal nouns in -ние and -тие: "повышения", "развития". */
  static final List<String> VERBAL_GENITIVE_ENDINGS = List.of("ния", "тия");
  /** An adverb of degree: "умеренно", "незначительно", "резко", "слабо", "очень". */
  private static final Pattern ADVERB = Pattern.compile("\\p{L}{3,}(?:нно|льно|ко|бо)|очень");
  /** One next word that follows a preposition of two words and its verbal noun in this share shows the cut. */
  private static final double AFTER_PREPOSITION_NEXT = 0.75;
  /** One next word that follows the last two words of a phrase in this share of their notes shows the phrase is cut. */
  private static final double ONE_NEXT = 0.5;
  /** So do next words that follow them in this share of their notes, all counted. */
  private static final double ANY_NEXT = 0.75;
  /** Last two words that end a clause in fewer than this share of their notes show the phrase is cut. */
  static final double FEW_ENDS = 0.1;

  private final Map<String, Long> phrases;
  /** For 2-word phrases, the notes in which they end a clause ({@link StyleModel#clauseEnds}). */
  private final Map<String, Long> clauseEnds;
  /** For two words, the note count of their most common 3-word continuation in the phrases ... */
  private final Map<String, Long> bestNext = new HashMap<>();
  /** ... and of all of them. */
  private final Map<String, Long> allNext = new HashMap<>();
  /** The first parts of the phrases' hyphenated compounds that end in -о or -е: "пояснично", "тянуще". */
  private final Set<String> compoundStarts = new HashSet<>();

  Dangling(Map<String, Long> phrases, Map<String, Long> clauseEnds) {
    this.phrases = phrases;
    this.clauseEnds = clauseEnds;
    phrases.forEach((phrase, notes) -> {
      String[] tokens = phrase.split(" ");
      if (tokens.length == 3) {
        bestNext.merge(tokens[0] + " " + tokens[1], notes, Math::max);
        allNext.merge(tokens[0] + " " + tokens[1], notes, Long::sum);
      }
      for (String token : tokens) {
        String start = Words.fold(token.substring(0, Math.max(token.indexOf('-'), 0)));
        if (start.endsWith("о") || start.endsWith("е")) {
          compoundStarts.add(start);
        }
      }
    });
  }

  @Override
  public boolean test(String phrase) {
    List<String> tokens = Tokens.of(phrase);
    String lastTwo = tokens.size() < 2 ? "" : Tokens.pairAt(tokens, tokens.size() - 2);
    // Tokens keep the case of shorthand, and some notes write whole clauses in capitals ("НА ФОНЕ").
    if (COMPOUND_PREPOSITIONS.contains(Words.fold(lastTwo))) {
      return true;
    }
    if (tokens.isEmpty()) {
      return false;
    }
    String last = tokens.get(tokens.size() - 1);
    if (compoundStarts.contains(Words.fold(last))) {
      return true;
    }
    Long notes = phrases.get(lastTwo);
    if (tokens.size() >= 3 && Tokens.endsWithAny(last, VERBAL_GENITIVE_ENDINGS) && COMPOUND_PREPOSITIONS.contains(
        Words.fold(tokens.get(tokens.size() - 3) + " " + tokens.get(tokens.size() - 2)))) {
      return notes != null && bestNext.getOrDefault(lastTwo, 0L) >= AFTER_PREPOSITION_NEXT * notes;
    }
    if (!adjectiveForm(last)) {
      return false;
    }
    if (tokens.subList(0, tokens.size() - 1).stream().allMatch(t -> ADVERB.matcher(t).matches())) {
      return true;
    }
    if (notes == null) {
      return false;
    }
    Long ends = clauseEnds.get(lastTwo);
    return (ends != null && ends < FEW_ENDS * notes) || (bestNext.containsKey(lastTwo)
        && (bestNext.get(lastTwo) >= ONE_NEXT * notes || allNext.get(lastTwo) >= ANY_NEXT * notes));
  }

  private static boolean adjectiveForm(String word) {
    return word.length() >= 4 && !word.endsWith("ние") && !word.endsWith("тие")
        && Tokens.endsWithAny(word, ADJECTIVE_ENDINGS);
  }
}
