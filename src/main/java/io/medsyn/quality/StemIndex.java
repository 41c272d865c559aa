package io.medsyn.quality;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The stems of one note, looked up with a tolerance the stemmer lacks: Russian fleeting vowels and derived forms
 * (кашел/кашл, затылк/затылочн, гипертенз/гипертензивн) differ by one letter or share a long prefix.
 */
final class StemIndex {
  /** How far apart two stems may be and still count as one word. */
  enum Tolerance {
    /** One edit, or a shared prefix of 5+ letters covering all but the last letter of the shorter stem. */
    DERIVED(1),
    /**
     * One edit, or the stem looked up (5+ letters) as the prefix of the note's: гипертенз finds гипертензивн, but
     * бронхит not бронхиальн, and беспокойн (a name's word) not беспоко (беспокоят).
     */
    EXTENDED(0);

    private final int lastLetters;

    Tolerance(int lastLetters) {
      this.lastLetters = lastLetters;
    }
  }

  /** Longer than this past the shared prefix is another word: голов is not головокружен, сердц not сердцебиен. */
  private static final int MAX_SUFFIX_GAP = 3;

  private final Set<String> exact;
  private final Tolerance tolerance;
  /** Stems by first letter: fuzzy matches never differ in it, and the buckets keep the scan short. */
  private final Map<Character, List<String>> byInitial = new HashMap<>();

  StemIndex(Collection<String> stems, Tolerance tolerance) {
    this.exact = new HashSet<>(stems);
    this.tolerance = tolerance;
    for (String stem : exact) {
      byInitial.computeIfAbsent(stem.charAt(0), c -> new ArrayList<>()).add(stem);
    }
  }

  boolean contains(String stem) {
    if (exact.contains(stem)) {
      return true;
    }
    for (String candidate : byInitial.getOrDefault(stem.charAt(0), List.of())) {
      if (similar(stem, candidate, tolerance)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Equal, or within the tolerance: {@code b} (the note's stem) extends {@code a} or, for {@link Tolerance#DERIVED},
   * either extends the other; or one inserted letter apart (both 4+ letters), or one changed letter apart (6+).
   * Short stems (бол, пут) must be equal.
   */
  static boolean similar(String a, String b, Tolerance tolerance) {
    if (a.equals(b)) {
      return true;
    }
    int shorter = Math.min(a.length(), b.length());
    if (shorter < 4) {
      return false;
    }
    int prefix = 0;
    while (prefix < shorter && a.charAt(prefix) == b.charAt(prefix)) {
      prefix++;
    }
    boolean direction = tolerance == Tolerance.DERIVED || b.length() >= a.length();
    if (direction && prefix >= 5 && prefix >= shorter - tolerance.lastLetters
        && Math.max(a.length(), b.length()) - shorter <= MAX_SUFFIX_GAP) {
      return true;
    }
    int gap = Math.abs(a.length() - b.length());
    return (gap == 1 || gap == 0 && shorter >= 6) && oneEditApart(a, b, prefix);
  }

  /** One insertion, deletion or substitution turns a into b, given their first {@code prefix} letters agree. */
  private static boolean oneEditApart(String a, String b, int prefix) {
    String longer = a.length() >= b.length() ? a : b;
    String other = longer == a ? b : a;
    if (longer.length() == other.length()) {
      return longer.substring(prefix + 1).equals(other.substring(prefix + 1));
    }
    return longer.substring(prefix + 1).equals(other.substring(prefix));
  }
}
