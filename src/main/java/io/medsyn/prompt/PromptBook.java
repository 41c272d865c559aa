package io.medsyn.prompt;

import io.medsyn.Hashes;
import io.medsyn.config.ConfigException;
import io.medsyn.llm.ChatMessage;
import io.medsyn.llm.NoteTask;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The three templates of one language, read from the classpath ({@code prompts/<kind>.<language>.txt}, which the
 * build copies from {@code conf/prompts}) unless {@code generate.prompts.dir} replaces them. Small enough to ship to
 * executors inside the stage's closure.
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
        : new PromptTemplate(t.source(), t.system(), t.user(), Hashes.sha256Hex(t.hash() + "\n" + hint))));
    return new PromptBook(language, styled, hint);
  }

  /** The built-in templates of {@code language}. */
  public static PromptBook load(String language) {
    return load(language, null);
  }

  /**
   * The templates of {@code language}: each {@code <kind>.<language>.txt} in {@code dir} (the value of
   * {@code generate.prompts.dir}; null for none) replaces the built-in one, parsed with the same checks.
   */
  public static PromptBook load(String language, String dir) {
    Path overrides = dir == null ? null : Path.of(dir);
    if (overrides != null && !Files.isDirectory(overrides)) {
      throw new ConfigException("generate.prompts.dir: " + dir + " is not a directory; name a directory of"
          + " <kind>.<language>.txt templates (as conf/prompts), or leave it null for the built-in ones");
    }
    Map<PromptKind, PromptTemplate> templates = new EnumMap<>(PromptKind.class);
    int replaced = 0;
    for (PromptKind kind : PromptKind.values()) {
      String name = kind.label() + "." + language + ".txt";
      Path file = overrides == null ? null : overrides.resolve(name);
      boolean replace = file != null && Files.isRegularFile(file);
      templates.put(kind, replace ? read(file) : builtIn(name));
      replaced += replace ? 1 : 0;
    }
    if (overrides != null && replaced == 0) {
      throw new ConfigException("generate.prompts.dir: " + dir + " holds none of the " + language + " templates "
          + Arrays.stream(PromptKind.values()).map(k -> k.label() + "." + language + ".txt").toList()
          + "; name them so, or leave generate.prompts.dir null");
    }
    return new PromptBook(language, templates, "");
  }

  private static PromptTemplate read(Path file) {
    try {
      return PromptTemplate.parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new ConfigException("generate.prompts.dir: cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static PromptTemplate builtIn(String name) {
    String resource = "/prompts/" + name;
    try (InputStream in = PromptBook.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("prompt template " + resource + " is missing from the classpath; add "
            + "conf/prompts/" + name + " and rebuild");
      }
      return PromptTemplate.parse("conf/prompts/" + name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("prompt template " + resource + " is unreadable: " + e.getMessage(), e);
    }
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
