package io.medsyn.quality;

import io.medsyn.Checks;

/**
 * Why a note is kept out of the corpus: its label, as spelled in {@code reject_reasons}, and what it means, in a
 * sentence for reports. The check that gives a reason declares it: a per-note check in its
 * {@link NoteCheck.Kind}, a corpus-wide one next to its step. {@link QualityChecks#REASONS} lists them all, in the
 * order a note lists them.
 */
public record RejectReason(String label, String meaning) {
  public RejectReason {
    Checks.checkArgument(label != null && label.matches("[a-z]+(_[a-z]+)*"), "a reject reason's label is written"
        + " to Parquet as lower-case words joined by _, not %s", label);
  }

  @Override
  public String toString() {
    return label;
  }
}
