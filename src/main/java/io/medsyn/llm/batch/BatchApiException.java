package io.medsyn.llm.batch;

import io.medsyn.llm.ErrorClass;

/**
 * A call to the batch API that failed for good (after its retries): the run cannot go on, but every batch created
 * so far is in the ledger, so the next run resumes it. The message never contains the API key.
 */
public class BatchApiException extends RuntimeException {
  private final ErrorClass errorClass;

  BatchApiException(ErrorClass errorClass, String message) {
    super(message);
    this.errorClass = errorClass;
  }

  public ErrorClass errorClass() {
    return errorClass;
  }
}
