package io.medsyn.quality;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Refusals and meta-talk: the configured patterns, matched case-insensitively anywhere in a note. They are joined
 * into one alternation so that a note is scanned once, not once per pattern.
 */
final class Refusals {
  private final Pattern any;

  Refusals(List<String> patterns) {
    this.any = patterns.isEmpty() ? null : Pattern.compile(patterns.stream().map(p -> "(?:" + p + ")")
        .collect(Collectors.joining("|")), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE
        | Pattern.UNICODE_CHARACTER_CLASS);
  }

  /** The earliest text a pattern matches, or null. */
  String firstMatch(String text) {
    if (any == null) {
      return null;
    }
    Matcher m = any.matcher(text);
    return m.find() ? m.group() : null;
  }
}
