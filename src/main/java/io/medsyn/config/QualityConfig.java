package io.medsyn.config;

import java.io.Serializable;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The quality stage: per-note checks and their thresholds. A note failing any check keeps its row with the reasons.
 *
 * @param minChars fewer characters (after trimming) is {@code too_short}
 * @param maxChars more characters is {@code too_long}
 * @param minScriptShare a lower share of letters in the note's own script (Cyrillic for ru, Latin for en) is
 *     {@code wrong_language}
 * @param symptomWordShare a sampled symptom counts as found when this share of its words (stemmed, fuzzy) is in
 *     the note
 * @param minSymptomCoverage a lower share of sampled symptoms found is {@code low_symptom_coverage}
 * @param leakNameShare the note leaks the diagnosis when it holds the ICD code, or at least this share of the
 *     distinctive words (stemmed) of one of the disease's names
 * @param copyNgram words per n-gram when comparing a note with its example note
 * @param maxCopyShare a higher share of the note's word n-grams found in its example is {@code example_copy}
 * @param refusalPatterns regular expressions for refusals and meta-talk ({@code refusal}), in lower case: they are
 *     matched against the lower-cased note
 * @param realPassageWords a note sharing a run of at least this many words with one real training note, a run that
 *     fewer than {@code style.min_real_notes} real notes contain, is {@code copies_real_passage}
 * @param realism how the realism figures against the real training notes are measured
 */
public record QualityConfig(int minChars, int maxChars, double minScriptShare, double symptomWordShare,
    double minSymptomCoverage, double leakNameShare, int copyNgram, double maxCopyShare,
    List<String> refusalPatterns, NearDuplicateConfig nearDuplicate, int realPassageWords, RealismConfig realism)
    implements Serializable {
  public QualityConfig {
    ConfigException.require(minChars >= 0, "min_chars", "an integer >= 0", minChars);
    ConfigException.require(maxChars > minChars, "max_chars",
        "an integer > quality.min_chars (" + minChars + ")", maxChars);
    requireShare(minScriptShare, "quality.min_script_share");
    ConfigException.require(symptomWordShare > 0 && symptomWordShare <= 1, "symptom_word_share",
        "a number in (0, 1]", symptomWordShare);
    requireShare(minSymptomCoverage, "quality.min_symptom_coverage");
    ConfigException.require(leakNameShare > 0 && leakNameShare <= 1, "leak_name_share",
        "a number in (0, 1]", leakNameShare);
    ConfigException.require(copyNgram >= 1, "copy_ngram", "an integer >= 1", copyNgram);
    requireShare(maxCopyShare, "quality.max_copy_share");
    refusalPatterns = refusalPatterns == null ? List.of() : refusalPatterns;
    for (String pattern : refusalPatterns) {
      ConfigException.require(pattern != null && !pattern.isBlank(), "refusal_patterns",
          "non-empty regular expressions", pattern);
      ConfigException.require(!hasUpperCase(pattern), "refusal_patterns",
          "patterns in lower case (notes are matched in lower case)", "'" + pattern + "'");
      try {
        Pattern.compile(pattern);
      } catch (PatternSyntaxException e) {
        throw new ConfigException("quality.refusal_patterns: expected Java regular expressions, got '" + pattern
            + "' (" + e.getDescription() + " at index " + e.getIndex() + ")", e);
      }
    }
    refusalPatterns = List.copyOf(refusalPatterns);
    ConfigException.require(nearDuplicate != null, "near_duplicate", "a section", nearDuplicate);
    ConfigException.require(realPassageWords >= 2, "real_passage_words", "an integer >= 2", realPassageWords);
    ConfigException.require(realism != null, "realism", "a section", realism);
  }

  /** An upper-case letter outside escapes such as \W or \p{Lu}: it would never match a lower-cased note. */
  private static boolean hasUpperCase(String pattern) {
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\') {
        i++;
        if (i + 1 < pattern.length() && "pP".indexOf(pattern.charAt(i)) >= 0 && pattern.charAt(i + 1) == '{') {
          i = pattern.indexOf('}', i);
          if (i < 0) {
            return false;
          }
        }
      } else if (Character.isUpperCase(c)) {
        return true;
      }
    }
    return false;
  }

  private static void requireShare(double value, String key) {
    ConfigException.require(value >= 0 && value <= 1, key, "a number in [0, 1]", value);
  }
}
