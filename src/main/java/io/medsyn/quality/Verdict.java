package io.medsyn.quality;

import io.medsyn.Checks;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

/** What one check says about one note: its own columns, written by name, and the reasons it rejects the note for. */
final class Verdict {
  private final NoteCheck check;
  private final Set<String> columns;
  private final List<RejectReason> declared;
  private final StructType row;
  private final Object[] values;
  private final Set<RejectReason> reasons;

  /**
   * @param columns the check's column names
   * @param declared the reasons of the check's {@link NoteCheck.Kind}
   * @param row the schema of the row being written, {@code values} its values
   * @param reasons where the note's reasons collect
   */
  Verdict(NoteCheck check, Set<String> columns, List<RejectReason> declared, StructType row, Object[] values,
      Set<RejectReason> reasons) {
    this.check = check;
    this.columns = columns;
    this.declared = declared;
    this.row = row;
    this.values = values;
    this.reasons = reasons;
  }

  /** Sets the check's column {@code column}; a Java list is stored as the array Spark's row encoder expects. */
  void put(String column, Object value) {
    Checks.checkArgument(columns.contains(column), "%s wrote column %s but declares only %s: add it to its"
        + " columns()", check.getClass().getSimpleName(), column, columns);
    values[row.fieldIndex(column)] = value instanceof List<?> list ? CollectionConverters.asScala(list) : value;
  }

  /** Rejects the note for {@code reason} when {@code failed}. */
  void rejectIf(boolean failed, RejectReason reason) {
    Checks.checkArgument(declared.contains(reason), "%s rejected a note for %s but declares only %s: add it"
        + " to the reasons of its KIND", check.getClass().getSimpleName(), reason, declared);
    if (failed) {
      reasons.add(reason);
    }
  }
}
