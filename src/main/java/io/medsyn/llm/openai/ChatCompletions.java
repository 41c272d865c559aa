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
import java.util.ArrayList;
import java.util.List;

/**
 * The chat-completions format, as both ways of calling it use it: the request body ({@link ChatEndpoint} posts it,
 * a batch file carries it as a line's {@code body}) and the reading of an answer into a {@link Completion} or an
 * {@link AttemptFailure} of the right class. Pure: no I/O, no key.
 */
public final class ChatCompletions {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int SNIPPET_CHARS = 300;
  private static final String NOTE = "note";
  private static final String SYMPTOMS_USED = "symptoms_used";

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
    if (config.structured()) {
      root.set("response_format", responseFormat());
    }
    return root;
  }

  /** The structured answer asked for: the note, and which of the prompt's complaints it mentions. */
  private static ObjectNode responseFormat() {
    ObjectNode format = JSON.createObjectNode().put("type", OpenAiConfig.JSON_SCHEMA);
    ObjectNode spec = format.putObject("json_schema").put("name", "clinical_note").put("strict", true);
    ObjectNode schema = spec.putObject("schema").put("type", "object").put("additionalProperties", false);
    ObjectNode properties = schema.putObject("properties");
    properties.putObject(NOTE).put("type", "string").put("description", "the note, as plain text");
    ObjectNode used = properties.putObject(SYMPTOMS_USED).put("type", "array")
        .put("description", "the complaints from the prompt's list that the note mentions, each copied verbatim");
    used.putObject("items").put("type", "string");
    schema.putArray("required").add(NOTE).add(SYMPTOMS_USED);
    return format;
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
    JsonNode role = choice.path("message").path("role");
    if (!"assistant".equals(role.asText(null))) {
      throw AttemptFailure.of(ErrorClass.MALFORMED, source + " has choices[0].message.role="
          + (role.isMissingNode() ? "(none)" : role.toString()) + ", not \"assistant\": not a model's answer: "
          + snippet(root));
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
    // Without usage (some servers send none) the tokens and cost are estimates, and the row says so.
    boolean counted = usage.path("prompt_tokens").isIntegralNumber()
        && usage.path("completion_tokens").isIntegralNumber();
    int promptTokens = counted ? usage.path("prompt_tokens").asInt() : estimatePromptTokens(request.messages());
    int completionTokens = counted ? usage.path("completion_tokens").asInt() : note.length() / 4 + 1;
    String model = root.path("model").asText(params.model());
    List<String> symptomsUsed = null;
    if (config.structured()) {
      JsonNode answer = structured(source, note);
      note = answer.path(NOTE).asText();
      symptomsUsed = new ArrayList<>();
      for (JsonNode symptom : answer.path(SYMPTOMS_USED)) {
        symptomsUsed.add(symptom.asText());
      }
    }
    return new Completion(note, finishReason, promptTokens, completionTokens, attempt, latencyMs, model,
        config.cost(promptTokens, completionTokens), !counted, symptomsUsed);
  }

  /** The content as the structured answer asked for, or a {@link ErrorClass#SCHEMA} failure saying what broke. */
  private static JsonNode structured(String source, String content) throws AttemptFailure {
    JsonNode answer;
    try {
      answer = JSON.readTree(content);
    } catch (JsonProcessingException e) {
      answer = null;
    }
    String broken = answer == null || !answer.isObject() ? "it is not a JSON object"
        : !answer.path(NOTE).isTextual() || answer.path(NOTE).asText().isBlank() ? "\"" + NOTE + "\" is not a"
            + " non-empty string"
        : !answer.path(SYMPTOMS_USED).isArray() ? "\"" + SYMPTOMS_USED + "\" is not an array"
        : !allText(answer.path(SYMPTOMS_USED)) ? "\"" + SYMPTOMS_USED + "\" holds something other than strings"
        : null;
    if (broken != null) {
      throw AttemptFailure.of(ErrorClass.SCHEMA, source + " broke the structured answer asked for"
          + " (generate.openai.response_format: json_schema): " + broken + ": " + snippet(content));
    }
    return answer;
  }

  private static boolean allText(JsonNode array) {
    for (JsonNode item : array) {
      if (!item.isTextual()) {
        return false;
      }
    }
    return true;
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
