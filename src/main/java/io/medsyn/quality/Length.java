package io.medsyn.quality;

import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** How long a note is, in characters (code points) of its trimmed text. */
final class Length implements NoteCheck {
  static final RejectReason TOO_SHORT = new RejectReason("too_short", "shorter than quality.min_chars");
  static final RejectReason TOO_LONG = new RejectReason("too_long", "longer than quality.max_chars");
  static final NoteCheck.Kind KIND = new NoteCheck.Kind(List.of(TOO_SHORT, TOO_LONG),
      (config, stemmer) -> new Length(config.minChars(), config.maxChars()));

  private final int minChars;
  private final int maxChars;

  Length(int minChars, int maxChars) {
    this.minChars = minChars;
    this.maxChars = maxChars;
  }

  @Override
  public StructType columns() {
    return new StructType().add("char_count", DataTypes.IntegerType, true);
  }

  @Override
  public void check(CheckedNote note, Verdict verdict) {
    String text = note.text().strip();
    int chars = text.codePointCount(0, text.length());
    verdict.put("char_count", chars);
    verdict.rejectIf(chars < minChars, TOO_SHORT);
    verdict.rejectIf(chars > maxChars, TOO_LONG);
  }
}
