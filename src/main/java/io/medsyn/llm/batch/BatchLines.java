package io.medsyn.llm.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.medsyn.llm.Completion;
import io.medsyn.llm.ErrorClass;
import io.medsyn.llm.NoteRequest;
import io.medsyn.llm.openai.AttemptFailure;
import io.medsyn.llm.openai.ChatCompletions;
import io.medsyn.llm.openai.OpenAiConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The lines of batch files: a request line ({@code custom_id} = the request's fingerprint, the chat body the online
 * backend would post), and the reading of the output and error files' lines into a note or a classified failure.
 */
final class BatchLines {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One request's answer from a batch: a note, or why there is none. */
  record Answer(Completion completion, AttemptFailure failure) {}

  private BatchLines() {}

  /** The request's JSONL line, newline included. */
  static byte[] request(OpenAiConfig config, NoteRequest request) {
    ObjectNode line = JSON.createObjectNode();
    line.put("custom_id", request.fingerprint()).put("method", "POST").put("url", BatchApi.CHAT_ENDPOINT);
    line.set("body", ChatCompletions.body(config, request));
    return (line + "\n").getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Reads an output or error file into {@code answers}, by {@code custom_id}; lines about requests not in
   * {@code requests} are skipped.
   *
   * @param attempt the request's submission number, recorded in the note
   */
  static void read(String file, String batchId, Map<String, NoteRequest> requests, OpenAiConfig config,
      int attempt, long latencyMs, Map<String, Answer> answers) {
    for (String line : file.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode root;
      try {
        root = JSON.readTree(line);
      } catch (IOException e) {
        continue;
      }
      NoteRequest request = requests.get(root.path("custom_id").asText(""));
      if (request != null) {
        answers.put(request.fingerprint(), answer(root, batchId, request, config, attempt, latencyMs));
      }
    }
  }

  private static Answer answer(JsonNode line, String batchId, NoteRequest request, OpenAiConfig config,
      int attempt, long latencyMs) {
    String source = "batch " + batchId + ", request " + request.fingerprint();
    JsonNode error = line.path("error");
    if (error.isObject()) {
      String code = error.path("code").asText("");
      ErrorClass errorClass = switch (code) {
        case "batch_expired" -> ErrorClass.EXPIRED;
        case "batch_cancelled" -> ErrorClass.CANCELLED;
        default -> ErrorClass.BAD_REQUEST;
      };
      return new Answer(null, AttemptFailure.of(errorClass, source + ": " + code + ": "
          + ChatCompletions.snippet(error.path("message").asText(""))));
    }
    JsonNode response = line.path("response");
    int status = response.path("status_code").asInt(0);
    if (status != 200) {
      ErrorClass errorClass = status == 429 ? ErrorClass.RATE_LIMITED : status >= 500 ? ErrorClass.SERVER
          : status == 408 ? ErrorClass.TIMEOUT : status == 0 ? ErrorClass.MALFORMED : ErrorClass.BAD_REQUEST;
      return new Answer(null, AttemptFailure.of(errorClass, source + ": HTTP " + status + ": "
          + ChatCompletions.snippet(response.path("body").toString())));
    }
    try {
      Completion c = ChatCompletions.read(config, request, source, response.path("body"), attempt, latencyMs);
      return new Answer(c, null);
    } catch (AttemptFailure failure) {
      return new Answer(null, failure);
    }
  }
}
