package io.medsyn.generate;

import io.medsyn.llm.Completion;
import io.medsyn.llm.ErrorClass;
import io.medsyn.table.NoteSchema;

/**
 * How one request ended: the note columns of its row ({@link NoteSchema#NOTE}), ok or failed.
 *
 * @param startedAtMs when the request was handed to the backend (epoch milliseconds)
 */
public record NoteOutcome(String noteId, String language, String promptKind, String text, String status,
    String errorClass, String errorMessage, int attempts, long latencyMs, Integer promptTokens,
    Integer completionTokens, double costUsd, String backend, String model, String templateHash,
    String finishReason, long startedAtMs, long finishedAtMs, String runId) {

  /** The fields every outcome of a request shares, whatever its end. */
  public record Request(String noteId, String language, String promptKind, String backend, String model,
      String templateHash, String runId) {}

  public static NoteOutcome ok(Request r, Completion c, long startedAtMs, long finishedAtMs) {
    return new NoteOutcome(r.noteId(), r.language(), r.promptKind(), c.text(), NoteSchema.OK, null, null,
        c.attempts(), c.latencyMs(), c.promptTokens(), c.completionTokens(), c.costUsd(), r.backend(),
        c.model() == null ? r.model() : c.model(), r.templateHash(), c.finishReason(), startedAtMs, finishedAtMs,
        r.runId());
  }

  public static NoteOutcome failed(Request r, ErrorClass error, String message, int attempts, long startedAtMs,
      long finishedAtMs) {
    return new NoteOutcome(r.noteId(), r.language(), r.promptKind(), null, NoteSchema.FAILED, error.name(),
        message, attempts, finishedAtMs - startedAtMs, null, null, 0.0, r.backend(), r.model(), r.templateHash(),
        null, startedAtMs, finishedAtMs, r.runId());
  }

  public boolean ok() {
    return NoteSchema.OK.equals(status);
  }
}
