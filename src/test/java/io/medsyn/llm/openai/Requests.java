package io.medsyn.llm.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.medsyn.llm.ChatMessage;
import io.medsyn.llm.Completion;
import io.medsyn.llm.GenerationException;
import io.medsyn.llm.NoteRequest;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Requests for the HTTP backend's tests, and the waiting for their outcome. */
final class Requests {
  private Requests() {}

  /** A chat prompt whose words the fault server echoes; the task is left out, as an HTTP backend never reads it. */
  static NoteRequest note(String fingerprint, OpenAiConfig config) {
    return new NoteRequest(fingerprint, List.of(
        new ChatMessage("system", "You are a physician writing outpatient clinical notes."),
        new ChatMessage("user", "Write the note of a 54-year-old man with hypertension, headache and dizziness.")),
        config.params(), null);
  }

  static Completion completion(CompletableFuture<Completion> future) throws Exception {
    return future.get(30, TimeUnit.SECONDS);
  }

  /** The GenerationException the future ended with; fails the test if it ended otherwise. */
  static GenerationException failure(CompletableFuture<Completion> future) {
    Throwable thrown = catchThrowable(() -> future.get(30, TimeUnit.SECONDS));
    assertThat(thrown).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(GenerationException.class);
    return (GenerationException) thrown.getCause();
  }
}
