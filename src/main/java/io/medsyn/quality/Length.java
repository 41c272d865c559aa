package io.medsyn.quality;

import java.util.Set;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** How long a note is, in characters (code points) of its trimmed text. */
final class Length implements NoteCheck {
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
  public Set<RejectReason> reasons() {
    return Set.of(RejectReason.TOO_SHORT, RejectReason.TOO_LONG);
  }

  @Override
  public void check(CheckedNote note, Verdict verdict) {
    String text = note.text().strip();
    int chars = text.codePointCount(0, text.length());
    verdict.put("char_count", chars);
    verdict.rejectIf(chars < minChars, RejectReason.TOO_SHORT);
    verdict.rejectIf(chars > maxChars, RejectReason.TOO_LONG);
  }
}
