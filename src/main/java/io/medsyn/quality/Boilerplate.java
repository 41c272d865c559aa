package io.medsyn.quality;

import io.medsyn.text.Words;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Template text that many notes share: headings ("Жалобы:", "Objective:"), stock lines and sentences. A note is
 * cut into such segments; those found in a large share of the corpus are removed before near-duplicates are
 * sought, so notes that share a template but not their content are not merged.
 */
final class Boilerplate {
  /** A heading is a short run of words before a colon at the start of a line. */
  private static final Pattern HEADING = Pattern.compile("^\\s*([^:\\n]{1,40}):(.*)$");
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?;])\\s+");
  private static final int MAX_HEADING_WORDS = 4;

  private Boilerplate() {}

  /** The normalized headings and sentences of a note, in order. */
  static List<String> segments(String text) {
    List<String> segments = new ArrayList<>();
    for (String line : text.split("\\R")) {
      String body = line;
      Matcher heading = HEADING.matcher(line);
      if (heading.matches() && Words.of(heading.group(1)).size() <= MAX_HEADING_WORDS) {
        add(segments, heading.group(1));
        body = heading.group(2);
      }
      for (String sentence : SENTENCE_END.split(body)) {
        add(segments, sentence);
      }
    }
    return segments;
  }

  /** The note's segments that are not boilerplate, joined by spaces. */
  static String strip(List<String> segments, Set<String> boilerplate) {
    return String.join(" ", segments.stream().filter(s -> !boilerplate.contains(s)).toList());
  }

  /** The distinct character shingles of a stripped text; a text shorter than one shingle is its own. */
  static List<String> shingles(String stripped, int chars) {
    if (stripped.isEmpty()) {
      return List.of();
    }
    if (stripped.length() <= chars) {
      return List.of(stripped);
    }
    Set<String> shingles = new LinkedHashSet<>();
    for (int i = 0; i + chars <= stripped.length(); i++) {
      shingles.add(stripped.substring(i, i + chars));
    }
    return new ArrayList<>(shingles);
  }

  private static void add(List<String> segments, String raw) {
    String normalized = Words.normalize(raw);
    if (!normalized.isEmpty()) {
      segments.add(normalized);
    }
  }
}
