package io.medsyn.llm.offline;

import io.medsyn.llm.Backend;
import io.medsyn.llm.ChatMessage;
import io.medsyn.llm.Completion;
import io.medsyn.llm.ErrorClass;
import io.medsyn.llm.GenerationException;
import io.medsyn.llm.NoteRequest;
import io.medsyn.style.StyleModel;
import java.util.concurrent.CompletableFuture;

/**
 * The default backend: the {@link NoteComposer} in the calling thread, no network, no cost. It reads the task's
 * facts directly rather than the rendered prompt, so the prompt kind only decides whether an example's style is
 * followed. Token counts are estimates (about four characters per token), for the same columns an endpoint fills.
 */
public final class OfflineBackend implements Backend {
  public static final String NAME = "offline";
  /** The notes' model name starts with this; the composer's {@link ComposerVersion} follows it. */
  public static final String MODEL = "medsyn-composer";

  private final NoteComposer composer;
  private final String model;

  public OfflineBackend() {
    this(null);
  }

  /** @param style the user's style model, or null for the composer's built-in habits */
  public OfflineBackend(StyleModel style) {
    this.composer = new NoteComposer(style);
    this.model = model(composer, style);
  }

  /**
   * The model name the notes record: the composer's with its version ("medsyn-composer-1a2b3c4d"), and the style
   * model's hash when there is one.
   */
  public static String model(StyleModel style) {
    return model(new NoteComposer(style), style);
  }

  private static String model(NoteComposer composer, StyleModel style) {
    String name = MODEL + "-" + ComposerVersion.of(composer, style);
    return style == null ? name : name + "+style-" + style.provenance().sha256().substring(0, 12) + "-k"
        + style.provenance().minRealNotes();
  }

  @Override
  public CompletableFuture<Completion> submit(NoteRequest request) {
    long start = System.nanoTime();
    try {
      String text = composer.compose(request.task());
      int promptChars = 0;
      for (ChatMessage m : request.messages()) {
        promptChars += m.content().length();
      }
      long latencyMs = (System.nanoTime() - start) / 1_000_000;
      return CompletableFuture.completedFuture(new Completion(text, "stop", tokens(promptChars),
          tokens(text.length()), 1, latencyMs, model, 0.0, true, null));
    } catch (RuntimeException e) {
      // A composer bug becomes a failed row for this task, not a failed Spark task.
      return CompletableFuture.failedFuture(new GenerationException(ErrorClass.INTERNAL, "offline composer failed"
          + " on task " + request.task().taskId() + ": " + e, 1));
    }
  }

  private static int tokens(int chars) {
    return (chars + 3) / 4;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void close() {}
}
