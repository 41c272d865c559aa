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
  private final Set<String> exact;
  /** Stems by first letter: fuzzy matches never differ in it, and the buckets keep the scan short. */
  private final Map<Character, List<String>> byInitial = new HashMap<>();

  StemIndex(Collection<String> stems) {
    this.exact = new HashSet<>(stems);
    for (String stem : exact) {
      byInitial.computeIfAbsent(stem.charAt(0), c -> new ArrayList<>()).add(stem);
    }
  }

  boolean contains(String stem) {
    if (exact.contains(stem)) {
      return true;
    }
    for (String candidate : byInitial.getOrDefault(stem.charAt(0), List.of())) {
      if (similar(stem, candidate)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Equal, or both at least 4 letters and one edit apart, or sharing a prefix of at least 5 letters that covers
   * all but at most one letter of the shorter stem. Short stems (бол, пут) must be equal: боль is not болезнь.
   */
  static boolean similar(String a, String b) {
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
    if (prefix >= 5 && prefix >= shorter - 1) {
      return true;
    }
    return Math.abs(a.length() - b.length()) <= 1 && oneEditApart(a, b, prefix);
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
