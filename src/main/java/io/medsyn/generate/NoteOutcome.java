package io.medsyn.generate;

import io.medsyn.llm.Completion;
import io.medsyn.llm.ErrorClass;
import io.medsyn.table.NoteSchema;
import java.util.List;

/**
 * How one request ended: the note columns of its row ({@link NoteSchema#NOTE}), ok or failed.
 *
 * @param symptomsUsed the sampled complaints the note mentions, when the answer was structured; else null
 * @param startedAtMs when the request was handed to the backend (epoch milliseconds)
 */
public record NoteOutcome(String noteId, String language, String promptKind, String text,
    List<String> symptomsUsed, String status,
    String errorClass, String errorMessage, int attempts, long latencyMs, Integer promptTokens,
    Integer completionTokens, double costUsd, boolean usageEstimated, String backend, String model, String templateHash,
    String finishReason, long startedAtMs, long finishedAtMs, String runId) {

  /** The fields every outcome of a request shares, whatever its end. */
  public record Request(String noteId, String language, String promptKind, String backend, String model,
      String templateHash, String runId) {}

  public static NoteOutcome ok(Request r, Completion c, long startedAtMs, long finishedAtMs) {
    return new NoteOutcome(r.noteId(), r.language(), r.promptKind(), c.text(), c.symptomsUsed(), NoteSchema.OK,
        null, null, c.attempts(), c.latencyMs(), c.promptTokens(), c.completionTokens(), c.costUsd(),
        c.usageEstimated(), r.backend(),
        c.model() == null ? r.model() : c.model(), r.templateHash(), c.finishReason(), startedAtMs, finishedAtMs,
        r.runId());
  }

  public static NoteOutcome failed(Request r, ErrorClass error, String message, int attempts, long startedAtMs,
      long finishedAtMs) {
    return new NoteOutcome(r.noteId(), r.language(), r.promptKind(), null, null, NoteSchema.FAILED, error.name(),
        message, attempts, finishedAtMs - startedAtMs, null, null, 0.0, false, r.backend(), r.model(),
        r.templateHash(),
        null, startedAtMs, finishedAtMs, r.runId());
  }

  public boolean ok() {
    return NoteSchema.OK.equals(status);
  }
}
