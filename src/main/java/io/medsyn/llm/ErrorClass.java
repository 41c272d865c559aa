package io.medsyn.llm;

/** Why a request failed, as recorded in the notes table's {@code error_class} column. */
public enum ErrorClass {
  /** 429 after the retries were spent. */
  RATE_LIMITED,
  /** 5xx after the retries were spent. */
  SERVER,
  TIMEOUT,
  /** Connection refused or reset. */
  CONNECTION,
  /** 400-class other than 401/403/429: the request itself is wrong; never retried. */
  BAD_REQUEST,
  /** 401/403: the key is wrong; the run stops at once. */
  AUTH,
  /** {@code finish_reason=length}: the note was cut off. */
  TRUNCATED,
  EMPTY,
  /** The body was not the JSON an OpenAI-compatible endpoint returns. */
  MALFORMED,
  /**
   * The answer broke the JSON schema it was asked for ({@code generate.openai.response_format: json_schema});
   * retried like a malformed body.
   */
  SCHEMA,
  /** The endpoint's circuit breaker is open. */
  CIRCUIT_OPEN,
  /** The run's cost budget is spent; the request was not sent. */
  BUDGET,
  /** A provider's batch expired before answering it, after {@code generate.openai_batch.max_attempts} batches. */
  EXPIRED,
  /** Its batch was cancelled ({@code medsyn generate --cancel}) before answering it. */
  CANCELLED,
  /** Anything else (a bug): recorded rather than killing the batch. */
  INTERNAL;

  /** Whether this failure says the endpoint is unwell (as opposed to the request, the note or the budget). */
  public boolean endpointHealth() {
    return switch (this) {
      case RATE_LIMITED, SERVER, TIMEOUT, CONNECTION, MALFORMED, SCHEMA, EXPIRED, CIRCUIT_OPEN, INTERNAL -> true;
      case BAD_REQUEST, AUTH, TRUNCATED, EMPTY, BUDGET, CANCELLED -> false;
    };
  }
}
