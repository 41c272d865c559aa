package io.medsyn.prompt;

import io.medsyn.llm.ChatMessage;
import io.medsyn.llm.NoteTask;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The three templates of one language, read from the classpath ({@code prompts/<kind>.<language>.txt}, which the
 * build copies from {@code conf/prompts}). Small enough to ship to executors inside the stage's closure.
 */
public final class PromptBook implements Serializable {
  private final String language;
  private final Map<PromptKind, PromptTemplate> templates;
  private final String style;

  private PromptBook(String language, Map<PromptKind, PromptTemplate> templates, String style) {
    this.language = language;
    this.templates = templates;
    this.style = style;
  }

  /**
   * The same templates with a style hint for {@code {{style}}} (see {@link io.medsyn.style.StyleHints}); the hint is
   * part of each template's hash, so a request's fingerprint changes with the style it was asked in.
   */
  public PromptBook withStyle(String hint) {
    Map<PromptKind, PromptTemplate> styled = new EnumMap<>(PromptKind.class);
    templates.forEach((kind, t) -> styled.put(kind, hint.isEmpty() ? t
        : new PromptTemplate(t.source(), t.system(), t.user(), PromptTemplate.sha256(t.hash() + "\n" + hint))));
    return new PromptBook(language, styled, hint);
  }

  public static PromptBook load(String language) {
    Map<PromptKind, PromptTemplate> templates = new EnumMap<>(PromptKind.class);
    for (PromptKind kind : PromptKind.values()) {
      String resource = "/prompts/" + kind.label() + "." + language + ".txt";
      try (InputStream in = PromptBook.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalArgumentException("prompt template " + resource + " is missing from the classpath; add "
              + "conf/prompts/" + kind.label() + "." + language + ".txt and rebuild");
        }
        templates.put(kind, PromptTemplate.parse("conf/prompts/" + kind.label() + "." + language + ".txt",
            new String(in.readAllBytes(), StandardCharsets.UTF_8)));
      } catch (IOException e) {
        throw new IllegalStateException("prompt template " + resource + " is unreadable: " + e.getMessage(), e);
      }
    }
    return new PromptBook(language, templates, "");
  }

  public String language() {
    return language;
  }

  public PromptTemplate template(PromptKind kind) {
    return templates.get(kind);
  }

  /** The prompt of one task, rendered from the template of the task's kind. */
  public List<ChatMessage> messages(NoteTask task) {
    return template(PromptKind.of(task.promptKind())).render(PromptVariables.of(task, style));
  }
}
