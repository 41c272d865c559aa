package io.medsyn.llm;

/** Where a {@link DeferredBackend} reports each request's end; called on one thread. */
public interface DeferredResults {
  /** @param sentAtMs when the request went out (its batch was created), epoch milliseconds */
  void ok(NoteRequest request, Completion completion, long sentAtMs);

  void failed(NoteRequest request, GenerationException error, long sentAtMs);

  /**
   * Makes every report so far durable. Called before the backend forgets what it waits for (a batch marked ended),
   * so that a run killed after that finds the answers in the journal rather than nowhere.
   */
  void persist();

  /** Whether the run's budget is spent: nothing more may be sent. */
  boolean budgetSpent();
}
