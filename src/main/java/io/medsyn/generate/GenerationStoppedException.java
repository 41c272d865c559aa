package io.medsyn.generate;

/**
 * The run stopped because going on would only write thousands of identical error rows: the endpoint refused the
 * credentials. Finished notes stay in the journal; a re-run after the fix resumes from there.
 */
public class GenerationStoppedException extends RuntimeException {
  public GenerationStoppedException(String message) {
    super(message);
  }
}
