package io.medsyn.quality;

import io.medsyn.config.QualityConfig;
import io.medsyn.text.Stemmer;
import java.util.List;
import org.apache.spark.sql.types.StructType;

/**
 * The registry of per-note checks: one line per check, in the order of their columns in {@code quality/notes} and
 * of their reasons in {@code reject_reasons}. To add a check, write its class (with its {@code KIND}) and add its
 * line here.
 */
final class NoteChecks {
  static final List<NoteCheck.Kind> KINDS = List.of(
      Length.KIND,
      Script.KIND,
      Refusals.KIND,
      DiagnosisLeak.KIND,
      ExampleCopy.KIND,
      SymptomCoverage.KIND);

  /** The checks' reasons, in the order a note lists them (a reason two checks share, once). */
  static final List<RejectReason> REASONS = KINDS.stream().flatMap(kind -> kind.reasons().stream()).distinct()
      .toList();

  private NoteChecks() {}

  /** The checks for one partition, sharing its stemmer, in {@link #KINDS} order. */
  static List<NoteCheck> create(QualityConfig config, Stemmer stemmer) {
    return KINDS.stream().map(kind -> kind.factory().create(config, stemmer)).toList();
  }

  /** The columns the checks add to each note, in order: the per-note part of {@code quality/notes}' schema. */
  static StructType columns(QualityConfig config) {
    StructType columns = new StructType();
    for (NoteCheck check : create(config, new Stemmer())) {
      for (var field : check.columns().fields()) {
        columns = columns.add(field);
      }
    }
    return columns;
  }
}
