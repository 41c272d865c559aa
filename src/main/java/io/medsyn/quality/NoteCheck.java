package io.medsyn.quality;

import io.medsyn.config.QualityConfig;
import io.medsyn.text.Stemmer;
import java.util.Set;
import org.apache.spark.sql.types.StructType;

/**
 * One check of a note on its own: the columns it adds to {@code quality/notes}, the reasons it may reject a note
 * for, and how it fills them for one note. Registered in {@link NoteChecks}. A note without text is not checked:
 * its columns stay null and it is {@code generation_failed}.
 */
interface NoteCheck {
  /** Makes the check for one partition (checks may hold stemmers and patterns, neither serializable nor shared). */
  @FunctionalInterface
  interface Factory {
    NoteCheck create(QualityConfig config, Stemmer stemmer);
  }

  /** Its columns, in order, all nullable: the table's schema takes them from here. */
  StructType columns();

  /** The reasons it may give; a note lists its reasons in {@link RejectReason} order whatever the check order. */
  Set<RejectReason> reasons();

  /** Writes its columns for {@code note} by name and rejects it for its reasons. */
  void check(CheckedNote note, Verdict verdict);
}
