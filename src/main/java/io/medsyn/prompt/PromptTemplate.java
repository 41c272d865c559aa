package io.medsyn.prompt;

import io.medsyn.Hashes;
import io.medsyn.llm.ChatMessage;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One prompt template: a {@code ### system} and a {@code ### user} section with {@code {{name}}} placeholders.
 * Its SHA-256 (of the file's bytes) goes with every note, so a note always says which wording produced it.
 *
 * @param source where the template was read from, for error messages
 */
public record PromptTemplate(String source, String system, String user, String hash) implements Serializable {
  /** Every placeholder a template may use; {@link PromptVariables} supplies them all. */
  public static final Set<String> PLACEHOLDERS = Set.of("code", "subcode", "disease", "subcode_name", "sex", "age",
      "symptoms", "anamnesis", "findings", "example", "style");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-z_]+)\\s*}}");
  private static final String SYSTEM = "### system";
  private static final String USER = "### user";

  /** Parses a template's text, rejecting unknown sections and placeholders with the line that holds them. */
  public static PromptTemplate parse(String source, String text) {
    StringBuilder system = null;
    StringBuilder user = null;
    StringBuilder current = null;
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.strip().equals(SYSTEM) && system == null) {
        system = current = new StringBuilder();
      } else if (line.strip().equals(USER) && user == null) {
        user = current = new StringBuilder();
      } else if (line.startsWith("###")) {
        throw new IllegalArgumentException(source + " line " + (i + 1) + ": unknown or repeated section '" + line
            + "'; a template has one '" + SYSTEM + "' (optional) and one '" + USER + "' section");
      } else if (current == null) {
        if (!line.isBlank()) {
          throw new IllegalArgumentException(source + " line " + (i + 1) + ": text before the first section; start"
              + " the template with '" + SYSTEM + "' or '" + USER + "'");
        }
      } else {
        Matcher m = PLACEHOLDER.matcher(line);
        while (m.find()) {
          if (!PLACEHOLDERS.contains(m.group(1))) {
            throw new IllegalArgumentException(source + " line " + (i + 1) + ": unknown placeholder {{" + m.group(1)
                + "}}; known: " + PLACEHOLDERS.stream().sorted().toList());
          }
        }
        current.append(line).append('\n');
      }
    }
    if (user == null || user.toString().isBlank()) {
      throw new IllegalArgumentException(source + ": no '" + USER + "' section; a template needs the user message");
    }
    return new PromptTemplate(source, system == null ? null : system.toString().strip(), user.toString().strip(),
        Hashes.sha256Hex(text));
  }

  /** The chat messages with every placeholder replaced by its value. */
  public List<ChatMessage> render(Map<String, String> values) {
    List<ChatMessage> messages = new ArrayList<>(2);
    if (system != null && !system.isEmpty()) {
      messages.add(new ChatMessage("system", fill(system, values)));
    }
    messages.add(new ChatMessage("user", fill(user, values)));
    return messages;
  }

  private String fill(String text, Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder(text.length() + 256);
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null) {
        throw new IllegalArgumentException(source + ": no value for placeholder {{" + m.group(1) + "}}");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }
}
