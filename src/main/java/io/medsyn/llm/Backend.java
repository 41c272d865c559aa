package io.medsyn.llm;

import java.util.concurrent.CompletableFuture;

/**
 * Something that writes notes: an OpenAI-compatible endpoint, the offline composer, or any other. One instance
 * lives per Spark task on an executor; its {@link BackendProvider} makes it (see there for adding a backend).
 */
public interface Backend extends AutoCloseable {
  /**
   * Starts one request without blocking the caller. The future completes with the note, or exceptionally with a
   * {@link GenerationException} once the backend's own retries are spent.
   */
  CompletableFuture<Completion> submit(NoteRequest request);

  /**
   * How many requests a caller should keep outstanding at once; more would only wait inside the backend. Backends
   * that answer in the calling thread keep the default; network backends return their concurrency share.
   */
  default int maxInFlight() {
    return 1;
  }

  /** The backend's name as recorded in the notes table ({@code openai}, {@code offline}). */
  String name();

  @Override
  void close();
}
