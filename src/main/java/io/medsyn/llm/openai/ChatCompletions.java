package io.medsyn.llm.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.medsyn.llm.ChatMessage;
import io.medsyn.llm.Completion;
import io.medsyn.llm.ErrorClass;
import io.medsyn.llm.GenerationParams;
import io.medsyn.llm.NoteRequest;
import java.util.List;

/**
 * The chat-completions format, as both ways of calling it use it: the request body ({@link ChatEndpoint} posts it,
 * a batch file carries it as a line's {@code body}) and the reading of an answer into a {@link Completion} or an
 * {@link AttemptFailure} of the right class. Pure: no I/O, no key.
 */
public final class ChatCompletions {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int SNIPPET_CHARS = 300;

  private ChatCompletions() {}

  /** The JSON body of the request: model, messages, sampling parameters. */
  public static ObjectNode body(OpenAiConfig config, NoteRequest request) {
    GenerationParams params = params(config, request);
    ObjectNode root = JSON.createObjectNode();
    root.put("model", params.model());
    ArrayNode messages = root.putArray("messages");
    for (ChatMessage message : request.messages()) {
      messages.addObject().put("role", message.role()).put("content", message.content());
    }
    root.put("temperature", params.temperature());
    root.put("max_tokens", params.maxTokens());
    if (params.seed() != null) {
      root.put("seed", params.seed());
    }
    return root;
  }

  /**
   * Reads a 200 answer's body.
   *
   * @param source where the answer came from, for messages ({@code HTTP 200 from POST <url>}); already redacted
   * @param text the body, already redacted
   */
  public static Completion read(OpenAiConfig config, NoteRequest request, String source, String text, int attempt,
      long latencyMs) throws AttemptFailure {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw AttemptFailure.of(ErrorClass.MALFORMED, source + " is not JSON: " + snippet(text));
    }
    return read(config, request, source, root, attempt, latencyMs);
  }

  /** {@link #read(OpenAiConfig, NoteRequest, String, String, int, long)} of a body already parsed. */
  public static Completion read(OpenAiConfig config, NoteRequest request, String source, JsonNode root,
      int attempt, long latencyMs) throws AttemptFailure {
    JsonNode choice = root == null ? null : root.path("choices").path(0);
    if (choice == null || !choice.isObject() || !choice.path("message").isObject()) {
      throw AttemptFailure.of(ErrorClass.MALFORMED, source + " has no choices[0].message: " + snippet(root));
    }
    JsonNode content = choice.path("message").path("content");
    if (!content.isTextual() && !content.isNull() && !content.isMissingNode()) {
      throw AttemptFailure.of(ErrorClass.MALFORMED,
          source + " has a non-text choices[0].message.content: " + snippet(root));
    }
    String finishReason = choice.path("finish_reason").asText("");
    GenerationParams params = params(config, request);
    if ("length".equals(finishReason)) {
      throw AttemptFailure.of(ErrorClass.TRUNCATED, source + " ended with finish_reason=length: the note was cut"
          + " at max_tokens=" + params.maxTokens() + " (generate.openai.max_tokens)");
    }
    String note = content.isTextual() ? content.asText() : "";
    if (note.isBlank()) {
      throw AttemptFailure.of(ErrorClass.EMPTY, source + " carried no text (finish_reason=" + finishReason + ")");
    }
    JsonNode usage = root.path("usage");
    int promptTokens = usage.path("prompt_tokens").asInt(estimatePromptTokens(request.messages()));
    int completionTokens = usage.path("completion_tokens").asInt(note.length() / 4 + 1);
    String model = root.path("model").asText(params.model());
    return new Completion(note, finishReason, promptTokens, completionTokens, attempt, latencyMs, model,
        config.cost(promptTokens, completionTokens));
  }

  /** Prompt tokens as estimated before sending: about four characters per token. */
  public static int estimatePromptTokens(List<ChatMessage> messages) {
    long chars = 0;
    for (ChatMessage message : messages) {
      chars += message.content() == null ? 0 : message.content().length();
    }
    return (int) Math.min(Integer.MAX_VALUE / 2, chars / 4 + 1);
  }

  /** The start of a body on one line, for an error message. */
  public static String snippet(String text) {
    String flat = text == null ? "" : text.replaceAll("\\s+", " ").trim();
    return flat.isEmpty() ? "(empty body)"
        : flat.length() <= SNIPPET_CHARS ? flat : flat.substring(0, SNIPPET_CHARS) + "...";
  }

  private static String snippet(JsonNode root) {
    return snippet(root == null ? null : root.toString());
  }

  private static GenerationParams params(OpenAiConfig config, NoteRequest request) {
    return request.params() == null ? config.params() : request.params();
  }
}
