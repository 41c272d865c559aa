package io.medsyn.llm;

/** A request that ended without a note. Its message never contains the API key. */
public class GenerationException extends Exception {
  private final ErrorClass errorClass;
  private final int attempts;

  public GenerationException(ErrorClass errorClass, String message, int attempts) {
    super(message);
    this.errorClass = errorClass;
    this.attempts = attempts;
  }

  public ErrorClass errorClass() {
    return errorClass;
  }

  /** Requests sent for it, retries included; 0 when it was refused before anything was sent. */
  public int attempts() {
    return attempts;
  }
}
