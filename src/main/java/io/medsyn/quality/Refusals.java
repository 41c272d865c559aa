package io.medsyn.quality;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refusals and meta-talk: the configured patterns, matched anywhere in the lower-cased note (the patterns are
 * written in lower case). Without the regex engine's Unicode case folding, which cost more than all other checks
 * together, matching is about eight times faster.
 */
final class Refusals {
  private final List<Pattern> patterns;

  Refusals(List<String> patterns) {
    this.patterns = patterns.stream().map(p -> Pattern.compile(p, Pattern.UNICODE_CHARACTER_CLASS)).toList();
  }

  /** The earliest text of the note (as written) a pattern matches, or null. */
  String firstMatch(String text) {
    String lower = lowerCase(text);
    int start = Integer.MAX_VALUE;
    int end = -1;
    for (Pattern pattern : patterns) {
      Matcher m = pattern.matcher(lower);
      if (m.find() && m.start() < start) {
        start = m.start();
        end = m.end();
      }
    }
    return end < 0 ? null : text.substring(start, end);
  }

  /** Lower-cased char by char, so that positions in it are positions in the note. */
  private static String lowerCase(String text) {
    char[] chars = text.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      chars[i] = Character.toLowerCase(chars[i]);
    }
    return new String(chars);
  }
}
