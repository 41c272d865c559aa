package io.medsyn.generate;

import io.medsyn.llm.Backend;
import io.medsyn.llm.Completion;
import io.medsyn.llm.ErrorClass;
import io.medsyn.llm.GenerationException;
import io.medsyn.llm.GenerationParams;
import io.medsyn.llm.NoteRequest;
import io.medsyn.llm.NoteTask;
import io.medsyn.prompt.PromptBook;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Sends one partition's requests: keeps up to the backend's bound in flight, journals each result the moment it
 * arrives, and yields one outcome row per request. A failed request is a row, never an exception, except a refused
 * key, which stops the run ({@link GenerationStoppedException}). When the {@link HealthGate} trips, the pump sends
 * nothing more, lets what is in flight settle, and ends with the reason in {@link GenerateMetrics#stopped()}: the
 * tasks it did not send have no journal line, so a later run sends them.
 */
final class RequestPump implements Iterator<Row> {
  static final StructType OUTCOME = new StructType()
      .add("note_id", DataTypes.StringType, false)
      .add("status", DataTypes.StringType, false)
      .add("error_class", DataTypes.StringType, true)
      .add("cost_usd", DataTypes.DoubleType, false);

  private record Finished(Row task, long startedAt, Completion completion, Throwable error) {}

  private final Iterator<Row> tasks;
  private final Set<String> done;
  private final Backend backend;
  private final JournalWriter journal;
  private final PromptBook prompts;
  private final GenerationParams params;
  private final String runId;
  private final GenerateMetrics metrics;
  private final double budgetUsd;
  private final int bound;
  private final HealthGate gate;
  private final LinkedBlockingQueue<Finished> finished = new LinkedBlockingQueue<>();
  private int inFlight;
  private boolean stopReported;
  private double spent;
  private Row next;

  /**
   * @param done fingerprints earlier attempts of this task already finished with a note: skipped
   * @param budgetUsd what this task may spend; past it, requests become BUDGET failures without being sent
   */
  RequestPump(Iterator<Row> tasks, Set<String> done, Backend backend, JournalWriter journal, PromptBook prompts,
      GenerationParams params, String runId, GenerateMetrics metrics, double budgetUsd, HealthGate gate) {
    this.tasks = tasks;
    this.done = done;
    this.backend = backend;
    this.journal = journal;
    this.prompts = prompts;
    this.params = params;
    this.runId = runId;
    this.metrics = metrics;
    this.budgetUsd = budgetUsd;
    this.bound = Math.max(1, backend.maxInFlight());
    this.gate = gate;
  }

  @Override
  public boolean hasNext() {
    if (next == null) {
      next = advance();
    }
    return next != null;
  }

  @Override
  public Row next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Row row = next;
    next = null;
    return row;
  }

  private Row advance() {
    try {
      while (true) {
        Finished f = finished.poll();
        if (f != null) {
          return settle(f);
        }
        if (inFlight < bound && !gate.tripped() && tasks.hasNext()) {
          Row task = tasks.next();
          if (done.contains(task.<String>getAs("note_id"))) {
            metrics.resumed().add(1);
          } else if (spent >= budgetUsd) {
            long now = System.currentTimeMillis();
            return record(task, NoteOutcome.failed(TaskRows.request(task, runId), ErrorClass.BUDGET,
                "not sent: the run's budget (generate.budget_usd) is spent; raise it and run generate again to"
                    + " resume", 0, now, now));
          } else {
            submit(task);
          }
          continue;
        }
        if (inFlight == 0) {
          if (gate.tripped() && !stopReported) {
            stopReported = true;
            metrics.stopped().add(gate.reason());
          }
          return null;
        }
        f = finished.poll(journal.millisUntilRoll(System.currentTimeMillis()), TimeUnit.MILLISECONDS);
        if (f == null) {
          journal.rollIfDue(System.currentTimeMillis());
        } else {
          return settle(f);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the " + backend.name() + " backend", e);
    }
  }

  private void submit(Row task) {
    long started = System.currentTimeMillis();
    inFlight++;
    CompletableFuture<Completion> future;
    try {
      NoteTask noteTask = TaskRows.noteTask(task);
      future = backend.submit(new NoteRequest(task.getAs("note_id"), prompts.messages(noteTask), params, noteTask));
    } catch (RuntimeException e) {
      future = CompletableFuture.failedFuture(e);
    }
    future.whenComplete((completion, error) -> finished.add(new Finished(task, started, completion, error)));
  }

  private Row settle(Finished f) {
    inFlight--;
    long now = System.currentTimeMillis();
    NoteOutcome.Request request = TaskRows.request(f.task(), runId);
    NoteOutcome outcome;
    if (f.error() == null && f.completion().text() != null && !f.completion().text().isBlank()) {
      outcome = NoteOutcome.ok(request, f.completion(), f.startedAt(), now);
    } else if (f.error() == null) {
      outcome = NoteOutcome.failed(request, ErrorClass.EMPTY, "the backend returned an empty note",
          f.completion().attempts(), f.startedAt(), now);
    } else {
      Throwable cause = f.error();
      while ((cause instanceof CompletionException || cause instanceof ExecutionException)
          && cause.getCause() != null) {
        cause = cause.getCause();
      }
      if (cause instanceof GenerationException g) {
        if (g.errorClass() == ErrorClass.AUTH) {
          throw new GenerationStoppedException("the " + backend.name() + " backend refused the credentials: "
              + g.getMessage() + ". Fix them and run generate again; finished notes are kept in the journal and"
              + " are not sent again");
        }
        outcome = NoteOutcome.failed(request, g.errorClass(), g.getMessage(), g.attempts(), f.startedAt(), now);
      } else {
        outcome = NoteOutcome.failed(request, ErrorClass.INTERNAL, String.valueOf(cause), 1, f.startedAt(), now);
      }
    }
    gate.record(outcome, now);
    return record(f.task(), outcome);
  }

  private Row record(Row task, NoteOutcome outcome) {
    journal.append(JournalLine.encode(outcome, task.<Long>getAs("task_id"), task.getAs("code")),
        System.currentTimeMillis());
    metrics.record(outcome);
    spent += outcome.costUsd();
    return RowFactory.create(outcome.noteId(), outcome.status(), outcome.errorClass(), outcome.costUsd());
  }
}
