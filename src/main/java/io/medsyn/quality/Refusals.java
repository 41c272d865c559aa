package io.medsyn.quality;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Refusals and meta-talk: the configured patterns, matched case-insensitively anywhere in a note. */
final class Refusals {
  private final List<Pattern> patterns;

  Refusals(List<String> patterns) {
    this.patterns = patterns.stream().map(p -> Pattern.compile(p,
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS)).toList();
  }

  /** The first text a pattern matches, or null. */
  String firstMatch(String text) {
    for (Pattern pattern : patterns) {
      Matcher m = pattern.matcher(text);
      if (m.find()) {
        return m.group();
      }
    }
    return null;
  }
}
