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
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * One exchange with {@code POST {base_url}/v1/chat/completions}: the JSON body, the headers, and the reading of the
 * answer into a {@link Completion} or an {@link AttemptFailure} of the right class. No retries, limits or state:
 * {@link OpenAiBackend} adds those. This is the only class that holds the API key, and every text it builds from
 * what the endpoint sent back passes {@link #redact} first (some servers echo the key in error bodies).
 */
final class ChatEndpoint implements AutoCloseable {
  static final String FINGERPRINT_HEADER = "X-MedSyn-Fingerprint";
  private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");
  /** Where {@code Retry-After} is moved to before OkHttp's own follow-up logic sees it. */
  private static final String RETRY_AFTER_COPY = "X-MedSyn-Retry-After";

  private final OpenAiConfig config;
  private final String url;
  private final String key;
  private final OkHttpClient client;

  /**
   * @param key the API key, or null/empty for an endpoint that needs none
   * @param limits checked at the moment each request goes on the wire
   */
  ChatEndpoint(OpenAiConfig config, String key, RateLimits limits) {
    int maxInFlight = config.maxInFlight();
    this.config = config;
    this.url = config.chatCompletionsUrl();
    this.key = key == null || key.isEmpty() ? null : key;
    Dispatcher dispatcher = new Dispatcher();
    // The backend bounds concurrency itself; OkHttp must never queue behind its default of 5 calls per host.
    dispatcher.setMaxRequests(maxInFlight);
    dispatcher.setMaxRequestsPerHost(maxInFlight);
    this.client = new OkHttpClient.Builder()
        .dispatcher(dispatcher)
        .connectionPool(new ConnectionPool(maxInFlight, 5, TimeUnit.MINUTES))
        .connectTimeout(OpenAiConfig.duration(config.connectTimeoutSeconds()))
        .readTimeout(OpenAiConfig.duration(config.readTimeoutSeconds()))
        .writeTimeout(OpenAiConfig.duration(config.readTimeoutSeconds()))
        .callTimeout(OpenAiConfig.duration(config.callTimeoutSeconds()))
        // Every retry goes through the backend's policy, so that attempts are counted and limited.
        .retryOnConnectionFailure(false)
        .addNetworkInterceptor(chain -> {
          Integer estimatedTokens = chain.request().tag(Integer.class);
          limits.admit(estimatedTokens == null ? 0 : estimatedTokens);
          return chain.proceed(chain.request());
        })
        // OkHttp repeats a 503 carrying "Retry-After: 0" on its own, whatever the setting above: hide the header.
        .addNetworkInterceptor(chain -> {
          Response response = chain.proceed(chain.request());
          String retryAfter = response.header("Retry-After");
          return retryAfter == null ? response
              : response.newBuilder().removeHeader("Retry-After").header(RETRY_AFTER_COPY, retryAfter).build();
        })
        .build();
  }

  /**
   * Sends one attempt; the future fails only with {@link AttemptFailure}.
   *
   * @param estimatedTokens what the request counts against the token limit
   */
  CompletableFuture<Completion> send(NoteRequest request, int attempt, int estimatedTokens) {
    CompletableFuture<Completion> result = new CompletableFuture<>();
    Request.Builder http = new Request.Builder()
        .url(url)
        .tag(Integer.class, estimatedTokens)
        .header(FINGERPRINT_HEADER, request.fingerprint())
        .post(RequestBody.create(ChatCompletions.body(config, request).toString(), JSON_TYPE));
    if (key != null) {
      http.header("Authorization", "Bearer " + key);
    }
    long start = System.nanoTime();
    client.newCall(http.build()).enqueue(new Callback() {
      @Override
      public void onResponse(Call call, Response response) {
        try (response) {
          String text = response.body().string();
          long latencyMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
          if (response.isSuccessful()) {
            result.complete(ChatCompletions.read(config, request, "HTTP 200 from POST " + url, redact(text), attempt,
                latencyMs));
          } else {
            result.completeExceptionally(failure(response, text));
          }
        } catch (AttemptFailure e) {
          result.completeExceptionally(e);
        } catch (IOException e) {
          result.completeExceptionally(ioFailure(e));
        } catch (RuntimeException e) {
          result.completeExceptionally(AttemptFailure.of(ErrorClass.INTERNAL,
              "reading the answer of POST " + url + " failed: " + redact(String.valueOf(e))));
        }
      }

      @Override
      public void onFailure(Call call, IOException e) {
        result.completeExceptionally(ioFailure(e));
      }
    });
    return result;
  }

  /** {@code text} with the API key, if it occurs, replaced by {@code ***}. */
  String redact(String text) {
    return key == null || text == null ? text : text.replace(key, "***");
  }

  String url() {
    return url;
  }

  @Override
  public void close() {
    client.dispatcher().cancelAll();
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }

  private AttemptFailure failure(Response response, String text) {
    int code = response.code();
    String what = "HTTP " + code + " from POST " + url;
    if (code == 401 || code == 403) {
      // The body is left out: servers quote (part of) a rejected key in it.
      return AttemptFailure.of(ErrorClass.AUTH, what + ": the API key "
          + (config.apiKeyEnv().isEmpty() ? "(none sent, generate.openai.api_key_env is empty)"
              : "from environment variable " + config.apiKeyEnv() + " (generate.openai.api_key_env)")
          + " was refused; fix the key or its permissions, then re-run");
    }
    Duration retryAfter = RetryAfter.parse(response.header("retry-after-ms"), response.header(RETRY_AFTER_COPY),
        Instant.now()).orElse(null);
    String detail = what + ": " + snippet(text);
    if (code == 429) {
      return AttemptFailure.of(ErrorClass.RATE_LIMITED, detail, retryAfter);
    }
    if (code == 408) {
      return AttemptFailure.of(ErrorClass.TIMEOUT, detail, retryAfter);
    }
    if (code >= 500) {
      return AttemptFailure.of(ErrorClass.SERVER, detail, retryAfter);
    }
    return AttemptFailure.of(ErrorClass.BAD_REQUEST, detail);
  }

  private AttemptFailure ioFailure(IOException e) {
    String reason = redact(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    if (e instanceof SocketTimeoutException || (e instanceof InterruptedIOException && "timeout".equals(reason))) {
      return AttemptFailure.of(ErrorClass.TIMEOUT, "POST " + url + " timed out (" + reason + "; limits: "
          + "generate.openai.connect/read/call_timeout_seconds = " + config.connectTimeoutSeconds() + "/"
          + config.readTimeoutSeconds() + "/" + config.callTimeoutSeconds() + ")");
    }
    return AttemptFailure.of(ErrorClass.CONNECTION, "POST " + url + " failed: " + reason);
  }

  private String snippet(String text) {
    return ChatCompletions.snippet(redact(text));
  }
}
