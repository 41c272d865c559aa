package io.medsyn.llm;

/**
 * A backend that takes a run's requests all at once and answers them hours later, such as a provider's batch API.
 * Unlike a {@link Backend}, which the executors call one request at a time, it runs on the driver: it uploads,
 * waits and downloads, and reports each request's end to the generate stage, which journals it as it journals any
 * backend's answers. Whatever it has in flight is its own to remember, so that a run killed while waiting resumes
 * waiting instead of sending again.
 */
public interface DeferredBackend extends AutoCloseable {
  /**
   * Sends the requests not already in flight from an earlier run, waits for every one, and reports each exactly
   * once to {@code results}.
   */
  void run(java.util.List<NoteRequest> requests, DeferredResults results);

  /**
   * Cancels what is in flight, reports what it had finished anyway, and every other request as
   * {@link ErrorClass#CANCELLED}; sends nothing.
   */
  void cancel(java.util.List<NoteRequest> requests, DeferredResults results);

  /** The fingerprints of the requests it has out from earlier runs: waited for, not sent again. */
  java.util.Set<String> outstanding();

  /** The backend's name as recorded in the notes table. */
  String name();

  @Override
  void close();
}
