package io.medsyn.quality;

import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Which alphabet a note is written in: the share of its letters in the script of its language. */
final class Script implements NoteCheck {
  static final RejectReason WRONG_LANGUAGE = new RejectReason("wrong_language",
      "too few letters in the script of the note's language");
  static final NoteCheck.Kind KIND = new NoteCheck.Kind(List.of(WRONG_LANGUAGE),
      (config, stemmer) -> new Script(config.minScriptShare()));

  private final double minShare;

  Script(double minShare) {
    this.minShare = minShare;
  }

  @Override
  public StructType columns() {
    return new StructType().add("script_share", DataTypes.DoubleType, true);
  }

  @Override
  public void check(CheckedNote note, Verdict verdict) {
    Double share = share(note.text(), note.language());
    verdict.put("script_share", share);
    verdict.rejectIf(share == null || share < minShare, WRONG_LANGUAGE);
  }

  /** Share of letters that are Cyrillic ({@code ru}) or Latin ({@code en}); null for a text without letters. */
  static Double share(String text, String language) {
    Character.UnicodeScript expected = "en".equals(language) ? Character.UnicodeScript.LATIN
        : Character.UnicodeScript.CYRILLIC;
    long letters = 0;
    long inScript = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isLetter(cp)) {
        letters++;
        if (Character.UnicodeScript.of(cp) == expected) {
          inScript++;
        }
      }
    }
    return letters == 0 ? null : inScript / (double) letters;
  }
}
