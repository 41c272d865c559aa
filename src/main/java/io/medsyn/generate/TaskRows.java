package io.medsyn.generate;

import io.medsyn.llm.NoteTask;
import io.medsyn.sample.Fact;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;

/** Reads a planned task row (the tasks table's columns plus the plan's) into the backend contract's types. */
final class TaskRows {
  private TaskRows() {}

  static NoteTask noteTask(Row row) {
    return new NoteTask(row.getAs("task_id"), row.<Long>getAs("run_seed"), row.getAs("code"), row.getAs("subcode"),
        row.getAs("disease_ru"), row.getAs("disease_en"), row.getAs("subcode_ru"), row.getAs("subcode_en"),
        row.getAs("sex"), row.<Integer>getAs("age"), facts(row, "symptoms"), facts(row, "anamnesis"),
        facts(row, "findings"), row.getAs("example_text"), row.getAs("language"), row.getAs("prompt_kind"));
  }

  static NoteOutcome.Request request(Row row, String runId) {
    return new NoteOutcome.Request(row.getAs("note_id"), row.getAs("language"), row.getAs("prompt_kind"),
        row.getAs("backend"), row.getAs("model"), row.getAs("template_hash"), runId);
  }

  private static List<Fact> facts(Row row, String column) {
    List<Row> rows = row.getList(row.fieldIndex(column));
    List<Fact> facts = new ArrayList<>(rows.size());
    for (Row f : rows) {
      facts.add(new Fact(f.getString(0), f.getString(1), f.getString(2), f.getDouble(3)));
    }
    return facts;
  }
}
