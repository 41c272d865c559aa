package io.medsyn.quality;

import io.medsyn.text.Words;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** How much of a note is lifted from its example note: the share of its word n-grams that the example also has. */
final class ExampleCopy implements NoteCheck {
  static final RejectReason EXAMPLE_COPY = new RejectReason("example_copy",
      "too much of the note is copied from its example note");
  static final NoteCheck.Kind KIND = new NoteCheck.Kind(List.of(EXAMPLE_COPY),
      (config, stemmer) -> new ExampleCopy(config.copyNgram(), config.maxCopyShare()));

  private final int n;
  private final double maxShare;

  /** @param maxShare a higher share of the note's n-grams in its example rejects the note */
  ExampleCopy(int n, double maxShare) {
    this.n = n;
    this.maxShare = maxShare;
  }

  @Override
  public StructType columns() {
    return new StructType().add("copy_share", DataTypes.DoubleType, true);
  }

  @Override
  public void check(CheckedNote note, Verdict verdict) {
    Double copied = share(note.words(), note.get("example_text"));
    verdict.put("copy_share", copied);
    verdict.rejectIf(copied != null && copied > maxShare, EXAMPLE_COPY);
  }

  /** Null when there is no example; 0 when the note is shorter than one n-gram. */
  Double share(List<String> noteWords, String example) {
    if (example == null) {
      return null;
    }
    Set<String> noteGrams = Words.runs(noteWords, n);
    if (noteGrams.isEmpty()) {
      return 0.0;
    }
    Set<String> exampleGrams = Words.runs(Words.of(example), n);
    long shared = noteGrams.stream().filter(exampleGrams::contains).count();
    return shared / (double) noteGrams.size();
  }
}
