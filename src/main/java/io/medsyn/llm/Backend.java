package io.medsyn.llm;

import java.util.concurrent.CompletableFuture;

/**
 * Something that writes notes: an OpenAI-compatible endpoint, the offline composer, or any other. One instance
 * lives per Spark task on an executor; adding a backend touches only its own package and {@link Backends}.
 */
public interface Backend extends AutoCloseable {
  /**
   * Starts one request without blocking the caller. The future completes with the note, or exceptionally with a
   * {@link GenerationException} once the backend's own retries are spent.
   */
  CompletableFuture<Completion> submit(NoteRequest request);

  /** The backend's name as recorded in the notes table ({@code openai}, {@code offline}). */
  String name();

  @Override
  void close();
}
