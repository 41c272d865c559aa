package io.medsyn.llm.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.medsyn.llm.ErrorClass;
import io.medsyn.llm.openai.Backoff;
import io.medsyn.llm.openai.ChatCompletions;
import io.medsyn.llm.openai.OpenAiConfig;
import java.io.IOException;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The OpenAI Batch API calls the batch backend makes: upload a JSONL file, create a batch, look at it, cancel it,
 * download a file. Each call is retried on 429, 5xx and connection errors ({@code generate.openai.max_attempts},
 * with its backoff); a 401/403 fails at once. Only this class holds the key, and it never puts it in a message.
 */
final class BatchApi implements AutoCloseable {
  static final String CHAT_ENDPOINT = "/v1/chat/completions";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");
  private static final MediaType JSONL_TYPE = MediaType.get("application/jsonl");

  private final OpenAiConfig config;
  private final String key;
  private final OkHttpClient client;
  private final Backoff backoff;

  /** @param key the API key, or null/empty for an endpoint that needs none */
  BatchApi(OpenAiConfig config, String key) {
    this.config = config;
    this.key = key == null || key.isEmpty() ? null : key;
    this.client = new OkHttpClient.Builder()
        .connectTimeout(OpenAiConfig.duration(config.connectTimeoutSeconds()))
        .readTimeout(OpenAiConfig.duration(config.readTimeoutSeconds()))
        .writeTimeout(OpenAiConfig.duration(config.readTimeoutSeconds()))
        .retryOnConnectionFailure(false)
        .build();
    this.backoff = new Backoff(config.backoffBaseMs(), config.backoffMaxMs(),
        OpenAiConfig.duration(config.retryAfterMaxSeconds()));
  }

  /** Uploads one batch file ({@code purpose=batch}); returns its file id. */
  String upload(String name, byte[] jsonl) {
    RequestBody body = new MultipartBody.Builder().setType(MultipartBody.FORM)
        .addFormDataPart("purpose", "batch")
        .addFormDataPart("file", name, RequestBody.create(jsonl, JSONL_TYPE))
        .build();
    return call("POST", "/v1/files", body).path("id").asText();
  }

  /** Creates a batch of the uploaded file's requests; {@code metadata} says which run made it. */
  BatchStatus create(String inputFileId, String completionWindow, String runId) {
    ObjectNode request = JSON.createObjectNode().put("input_file_id", inputFileId)
        .put("endpoint", CHAT_ENDPOINT).put("completion_window", completionWindow);
    request.putObject("metadata").put("medsyn_run", runId);
    return BatchStatus.of(call("POST", "/v1/batches", RequestBody.create(request.toString(), JSON_TYPE)));
  }

  BatchStatus get(String batchId) {
    return BatchStatus.of(call("GET", "/v1/batches/" + batchId, null));
  }

  BatchStatus cancel(String batchId) {
    return BatchStatus.of(call("POST", "/v1/batches/" + batchId + "/cancel", RequestBody.create(new byte[0])));
  }

  /** A file's content: JSON lines. */
  String content(String fileId) {
    return exchange("GET", "/v1/files/" + fileId + "/content", null);
  }

  private JsonNode call(String method, String path, RequestBody body) {
    String text = exchange(method, path, body);
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new BatchApiException(ErrorClass.MALFORMED, method + " " + config.baseUrl() + path
          + " answered with a body that is not JSON: " + snippet(text));
    }
  }

  private String exchange(String method, String path, RequestBody body) {
    String what = method + " " + config.baseUrl() + path;
    Request.Builder request = new Request.Builder().url(config.baseUrl() + path).method(method, body);
    if (key != null) {
      request.header("Authorization", "Bearer " + key);
    }
    BatchApiException last = null;
    for (int attempt = 1; attempt <= config.maxAttempts(); attempt++) {
      if (attempt > 1) {
        pause(attempt - 1);
      }
      try (Response response = client.newCall(request.build()).execute()) {
        String text = response.body().string();
        int code = response.code();
        if (response.isSuccessful()) {
          return text;
        }
        if (code == 401 || code == 403) {
          throw new BatchApiException(ErrorClass.AUTH, "HTTP " + code + " from " + what + ": the API key "
              + (config.apiKeyEnv().isEmpty() ? "(none sent, generate.openai.api_key_env is empty)"
                  : "from environment variable " + config.apiKeyEnv() + " (generate.openai.api_key_env)")
              + " was refused; fix the key or its permissions, then run generate again");
        }
        ErrorClass errorClass = code == 429 ? ErrorClass.RATE_LIMITED : code >= 500 ? ErrorClass.SERVER
            : ErrorClass.BAD_REQUEST;
        last = new BatchApiException(errorClass, "HTTP " + code + " from " + what + ": " + snippet(text));
        if (errorClass == ErrorClass.BAD_REQUEST) {
          throw last;
        }
      } catch (IOException e) {
        last = new BatchApiException(ErrorClass.CONNECTION, what + " failed: " + redact(String.valueOf(
            e.getMessage())));
      }
    }
    throw last;
  }

  /** The chat backend's backoff between attempts. */
  private void pause(int failed) {
    try {
      Thread.sleep(backoff.delayMs(failed));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BatchApiException(ErrorClass.INTERNAL, "interrupted while waiting to retry the batch API");
    }
  }

  private String snippet(String text) {
    return ChatCompletions.snippet(redact(text == null ? "" : text));
  }

  private String redact(String text) {
    return key == null ? text : text.replace(key, "***");
  }

  @Override
  public void close() {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }
}
