package io.medsyn.generate;

import io.medsyn.llm.Completion;
import io.medsyn.llm.DeferredBackend;
import io.medsyn.llm.DeferredResults;
import io.medsyn.llm.GenerationException;
import io.medsyn.llm.GenerationParams;
import io.medsyn.llm.NoteRequest;
import io.medsyn.llm.NoteTask;
import io.medsyn.prompt.PromptBook;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The generate stage's other way of sending, for a {@link DeferredBackend} (a provider's batch API): the pending
 * requests come to the driver, the backend sends and waits for them there, and each answer is journaled as the
 * executors journal theirs ({@link RequestPump}): the same lines, so the notes table is built the same way.
 */
final class DriverGeneration implements DeferredResults {
  /** What a journal line needs of a task besides the answer. */
  private record Planned(NoteOutcome.Request request, long taskId, String code) {}

  private final Map<String, Planned> planned = new HashMap<>();
  private final JournalWriter journal;
  private final GenerateMetrics metrics;
  private final double budgetUsd;
  private double spent;

  private DriverGeneration(JournalWriter journal, GenerateMetrics metrics, double budgetUsd) {
    this.journal = journal;
    this.metrics = metrics;
    this.budgetUsd = budgetUsd;
  }

  /**
   * Sends (or, with {@code cancel}, cancels) the pending requests through {@code backend} and journals every end.
   *
   * @param budgetUsd what the run may still spend; infinite for no budget
   */
  static void run(Dataset<Row> pending, DeferredBackend backend, PromptBook prompts, GenerationParams params,
      String journalDir, String runId, Configuration hadoop, GenerateMetrics metrics, double budgetUsd,
      boolean cancel) {
    try (JournalWriter journal = new JournalWriter(hadoop, journalDir, runId, 0, 0, 0)) {
      DriverGeneration results = new DriverGeneration(journal, metrics, budgetUsd);
      List<NoteRequest> requests = new ArrayList<>();
      for (Iterator<Row> rows = pending.toLocalIterator(); rows.hasNext(); ) {
        Row row = rows.next();
        NoteTask task = TaskRows.noteTask(row);
        String fingerprint = row.getAs("note_id");
        requests.add(new NoteRequest(fingerprint, prompts.messages(task), params, task));
        results.planned.put(fingerprint, new Planned(TaskRows.request(row, runId), task.taskId(), task.code()));
      }
      if (cancel) {
        backend.cancel(requests, results);
      } else {
        backend.run(requests, results);
      }
    }
  }

  @Override
  public void ok(NoteRequest request, Completion completion, long sentAtMs) {
    Planned p = planned.get(request.fingerprint());
    record(p, NoteOutcome.ok(p.request(), completion, sentAtMs, System.currentTimeMillis()));
  }

  @Override
  public void failed(NoteRequest request, GenerationException error, long sentAtMs) {
    Planned p = planned.get(request.fingerprint());
    record(p, NoteOutcome.failed(p.request(), error.errorClass(), error.getMessage(), error.attempts(), sentAtMs,
        System.currentTimeMillis()));
  }

  private void record(Planned p, NoteOutcome outcome) {
    journal.append(JournalLine.encode(outcome, p.taskId(), p.code()), System.currentTimeMillis());
    metrics.record(outcome);
    spent += outcome.costUsd();
  }

  @Override
  public void persist() {
    // Closing the open file publishes it on object stores too; the next line opens the next roll.
    journal.close();
  }

  @Override
  public boolean budgetSpent() {
    return spent >= budgetUsd;
  }
}
