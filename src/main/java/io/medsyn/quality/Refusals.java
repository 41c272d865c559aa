package io.medsyn.quality;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Refusals and meta-talk: the configured patterns, matched anywhere in the lower-cased note (the patterns are
 * written in lower case). Without the regex engine's Unicode case folding, which cost more than all other checks
 * together, matching is about eight times faster.
 */
final class Refusals implements NoteCheck {
  static final RejectReason REFUSAL = new RejectReason("refusal", "a refusal or talk about the task"
      + " (\"как языковая модель\", \"I cannot\", apologies, \"Here is a note\")");
  static final NoteCheck.Kind KIND = new NoteCheck.Kind(List.of(REFUSAL),
      (config, stemmer) -> new Refusals(config.refusalPatterns()));

  private final List<Pattern> patterns;

  Refusals(List<String> patterns) {
    this.patterns = patterns.stream().map(p -> Pattern.compile(p, Pattern.UNICODE_CHARACTER_CLASS)).toList();
  }

  @Override
  public StructType columns() {
    return new StructType().add("refusal_match", DataTypes.StringType, true);
  }

  @Override
  public void check(CheckedNote note, Verdict verdict) {
    String refusal = firstMatch(note.text());
    verdict.put("refusal_match", refusal);
    verdict.rejectIf(refusal != null, REFUSAL);
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
