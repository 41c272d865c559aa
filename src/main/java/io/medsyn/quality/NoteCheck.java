package io.medsyn.quality;

import io.medsyn.config.QualityConfig;
import io.medsyn.text.Stemmer;
import java.util.List;
import org.apache.spark.sql.types.StructType;

/**
 * One check of a note on its own: the columns it adds to {@code quality/notes} and how it fills them for one note.
 * A check declares its {@link Kind} as a constant, {@code KIND}, and is registered by that in {@link NoteChecks}. A
 * note without text is not checked: its columns stay null and it is {@code generation_failed}.
 */
interface NoteCheck {
  /** Makes the check for one partition (checks may hold stemmers and patterns, neither serializable nor shared). */
  @FunctionalInterface
  interface Factory {
    NoteCheck create(QualityConfig config, Stemmer stemmer);
  }

  /**
   * What the registry knows of a check before making one: the reasons it may reject a note for, in the order a
   * note lists them, and how it is made from the quality settings.
   */
  record Kind(List<RejectReason> reasons, Factory factory) {
    public Kind {
      reasons = List.copyOf(reasons);
    }
  }

  /** Its columns, in order, all nullable: the table's schema takes them from here. */
  StructType columns();

  /** Writes its columns for {@code note} by name and rejects it for the reasons of its {@link Kind}. */
  void check(CheckedNote note, Verdict verdict);
}
