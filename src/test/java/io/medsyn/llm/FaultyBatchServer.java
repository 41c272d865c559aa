package io.medsyn.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real endpoint of the OpenAI Batch API subset on 127.0.0.1, for tests of batch backends: {@code POST /v1/files}
 * (multipart, purpose {@code batch}), {@code POST /v1/batches} (endpoint {@code /v1/chat/completions}),
 * {@code GET /v1/batches/{id}}, {@code POST /v1/batches/{id}/cancel} and {@code GET /v1/files/{id}/content}.
 *
 * <p>A batch is {@code in_progress} for {@link Builder#processing} after its creation (and for as long as the
 * server is {@linkplain #hold() held}); the first look after that ends it. Each line is then answered as
 * {@link FaultyOpenAiServer} answers a chat request (a note from the prompt's words, with {@code usage}), or failed
 * with a 500 line in the error file for a seeded share of lines ({@link Builder#failLines}); the batches named by
 * {@link Builder#expire} end {@code expired} with only the first half of their lines processed and the rest in the
 * error file as {@code batch_expired}. Every line submitted is logged with how it ended ({@link #submissions()}).
 */
public final class FaultyBatchServer implements AutoCloseable {
  /** How one submitted line ended; null while its batch is open. */
  public enum LineEnd {
    ANSWERED, FAILED, EXPIRED, CANCELLED
  }

  /** One request line as submitted: its batch (0 = the first created) and, once the batch ended, its end. */
  public record Submission(int batch, String customId, JsonNode body, LineEnd end, int promptTokens,
      int completionTokens) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern BATCH = Pattern.compile("/v1/batches/([^/]+)(/cancel)?");
  private static final Pattern FILE = Pattern.compile("/v1/files/([^/]+)/content");

  private final Builder options;
  private final HttpServer server;
  private final ExecutorService handlers;
  private final Random random;
  private final Map<String, byte[]> files = new LinkedHashMap<>();
  private final Map<String, Batch> batches = new LinkedHashMap<>();
  private final List<Submission> submissions = new ArrayList<>();
  private boolean held;
  private long maxEnqueued;
  private int callsWithoutKey;

  private static final class Batch {
    final int index;
    final String id;
    final String inputFileId;
    final long createdNanos;
    final List<Integer> lines = new ArrayList<>();
    String status = "in_progress";
    String outputFileId;
    String errorFileId;
    int completed;
    int failed;

    Batch(int index, String inputFileId, long createdNanos) {
      this.index = index;
      this.id = "batch_" + index;
      this.inputFileId = inputFileId;
      this.createdNanos = createdNanos;
    }
  }

  private FaultyBatchServer(Builder options) {
    this.options = options;
    this.random = new Random(options.seed);
    this.handlers = Executors.newFixedThreadPool(4, FaultyOpenAiServer.daemon("faulty-batch-handler"));
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open a port on 127.0.0.1", e);
    }
    server.setExecutor(handlers);
    server.createContext("/v1/", this::handle);
    server.start();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** {@code http://127.0.0.1:PORT}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Every line submitted so far, in order of submission. */
  public synchronized List<Submission> submissions() {
    return List.copyOf(submissions);
  }

  /** The lines carrying {@code customId}, in order of submission. */
  public synchronized List<Submission> submissionsOf(String customId) {
    return submissions.stream().filter(s -> s.customId().equals(customId)).toList();
  }

  public synchronized int batchCount() {
    return batches.size();
  }

  /** The most prompt tokens that were in batches in progress at once, counted as the chat server counts them. */
  public synchronized long maxEnqueuedPromptTokens() {
    return maxEnqueued;
  }

  /** Keeps every batch in progress, whatever its age, until {@link #release()}. */
  public synchronized void hold() {
    held = true;
  }

  public synchronized void release() {
    held = false;
  }

  /** Calls that came without the right {@code Authorization} (answered 401) when a key is required. */
  public synchronized int refusedCalls() {
    return callsWithoutKey;
  }

  @Override
  public void close() {
    server.stop(0);
    handlers.shutdownNow();
  }

  private void handle(HttpExchange exchange) {
    try (exchange) {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      FaultyOpenAiServer.Answer answer;
      synchronized (this) {
        answer = answer(exchange, body);
      }
      answer.send(exchange);
    } catch (IOException | RuntimeException e) {
      // The client went away; nothing waits for the answer.
    }
  }

  private FaultyOpenAiServer.Answer answer(HttpExchange exchange, byte[] body) {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    if (options.apiKey != null && !("Bearer " + options.apiKey).equals(
        exchange.getRequestHeaders().getFirst("Authorization"))) {
      callsWithoutKey++;
      return error(401, "Incorrect API key provided");
    }
    if ("POST".equals(method) && "/v1/files".equals(path)) {
      return upload(exchange.getRequestHeaders().getFirst("Content-Type"), body);
    }
    if ("POST".equals(method) && "/v1/batches".equals(path)) {
      return create(body);
    }
    Matcher batch = BATCH.matcher(path);
    if (batch.matches() && batches.containsKey(batch.group(1))) {
      Batch b = batches.get(batch.group(1));
      if (batch.group(2) != null && "POST".equals(method)) {
        if (b.status.equals("in_progress")) {
          b.status = "cancelling";
        }
      } else if (!"GET".equals(method)) {
        return error(405, method + " " + path);
      }
      advance(b);
      return new FaultyOpenAiServer.Answer(200, describe(b).toString(), Map.of());
    }
    Matcher file = FILE.matcher(path);
    if (file.matches() && "GET".equals(method) && files.containsKey(file.group(1))) {
      return new FaultyOpenAiServer.Answer(200, new String(files.get(file.group(1)), StandardCharsets.UTF_8),
          Map.of());
    }
    return error(404, "no route for " + method + " " + path);
  }

  /** Parses the multipart form: a {@code purpose} field that must be {@code batch}, and a {@code file}. */
  private FaultyOpenAiServer.Answer upload(String contentType, byte[] body) {
    Matcher boundary = Pattern.compile("boundary=\"?([^\";]+)").matcher(contentType == null ? "" : contentType);
    if (!boundary.find()) {
      return error(400, "expected multipart/form-data");
    }
    String text = new String(body, StandardCharsets.ISO_8859_1);
    String purpose = null;
    byte[] content = null;
    for (String part : text.split("--" + Pattern.quote(boundary.group(1)))) {
      int split = part.indexOf("\r\n\r\n");
      if (split < 0) {
        continue;
      }
      String headers = part.substring(0, split);
      String value = part.substring(split + 4, Math.max(split + 4, part.length() - 2));
      if (headers.contains("name=\"purpose\"")) {
        purpose = value;
      } else if (headers.contains("name=\"file\"")) {
        content = value.getBytes(StandardCharsets.ISO_8859_1);
      }
    }
    if (!"batch".equals(purpose) || content == null) {
      return error(400, "expected purpose=batch and a file, got purpose=" + purpose);
    }
    String id = "file-in-" + files.size();
    files.put(id, content);
    return new FaultyOpenAiServer.Answer(200, JSON.createObjectNode().put("id", id).put("object", "file")
        .put("purpose", "batch").put("bytes", content.length).toString(), Map.of());
  }

  private FaultyOpenAiServer.Answer create(byte[] body) {
    JsonNode request;
    try {
      request = JSON.readTree(body);
    } catch (IOException e) {
      return error(400, "the body is not JSON");
    }
    String input = request.path("input_file_id").asText("");
    if (!files.containsKey(input) || !"/v1/chat/completions".equals(request.path("endpoint").asText())
        || request.path("completion_window").asText("").isEmpty()) {
      return error(400, "expected input_file_id of an uploaded file, endpoint /v1/chat/completions and a"
          + " completion_window");
    }
    Batch batch = new Batch(batches.size(), input, System.nanoTime());
    for (String line : new String(files.get(input), StandardCharsets.UTF_8).split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode parsed;
      try {
        parsed = JSON.readTree(line);
      } catch (IOException e) {
        return error(400, "line " + (batch.lines.size() + 1) + " is not JSON");
      }
      batch.lines.add(submissions.size());
      submissions.add(new Submission(batch.index, parsed.path("custom_id").asText(), parsed, null, 0, 0));
    }
    batches.put(batch.id, batch);
    long enqueued = 0;
    for (Batch open : batches.values()) {
      if (open.status.equals("in_progress") || open.status.equals("cancelling")) {
        for (int at : open.lines) {
          enqueued += FaultyOpenAiServer.promptTokens(submissions.get(at).body().path("body"));
        }
      }
    }
    maxEnqueued = Math.max(maxEnqueued, enqueued);
    return new FaultyOpenAiServer.Answer(200, describe(batch).toString(), Map.of());
  }

  /** Ends a batch whose time has come: writes its output and error files and the lines' ends. */
  private void advance(Batch batch) {
    boolean due = !held && System.nanoTime() - batch.createdNanos >= options.processing.toNanos();
    boolean cancelling = batch.status.equals("cancelling");
    if (!(batch.status.equals("in_progress") && due) && !cancelling) {
      return;
    }
    boolean expire = options.expire.contains(batch.index) && !cancelling;
    int processed = cancelling ? 0 : expire ? batch.lines.size() / 2 : batch.lines.size();
    StringBuilder output = new StringBuilder();
    StringBuilder errors = new StringBuilder();
    for (int i = 0; i < batch.lines.size(); i++) {
      int at = batch.lines.get(i);
      Submission line = submissions.get(at);
      JsonNode request = line.body().path("body");
      ObjectNode out = JSON.createObjectNode().put("id", "batch_req_" + at).put("custom_id", line.customId());
      LineEnd end;
      int prompt = 0;
      int completion = 0;
      if (i >= processed) {
        end = cancelling ? LineEnd.CANCELLED : LineEnd.EXPIRED;
        out.putNull("response");
        out.putObject("error").put("code", cancelling ? "batch_cancelled" : "batch_expired")
            .put("message", "This request could not be executed before the completion window expired.");
        errors.append(out).append('\n');
      } else if (random.nextDouble() < options.failLines) {
        end = LineEnd.FAILED;
        ObjectNode response = out.putObject("response").put("status_code", 500).put("request_id", "req_" + at);
        response.putObject("body").putObject("error").put("message", "The server had an error")
            .put("type", "server_error");
        out.putNull("error");
        errors.append(out).append('\n');
      } else {
        end = LineEnd.ANSWERED;
        String note = FaultyOpenAiServer.note(request, false);
        prompt = FaultyOpenAiServer.promptTokens(request);
        completion = FaultyOpenAiServer.completionTokens(note);
        ObjectNode response = out.putObject("response").put("status_code", 200).put("request_id", "req_" + at);
        response.set("body", read(FaultyOpenAiServer.completion(request.path("model").asText("unknown"),
            FaultyOpenAiServer.content(request, note), "stop", prompt, completion, at, FaultyOpenAiServer.Fault.NONE)));
        out.putNull("error");
        output.append(out).append('\n');
        batch.completed++;
      }
      if (end != LineEnd.ANSWERED) {
        batch.failed++;
      }
      submissions.set(at, new Submission(line.batch(), line.customId(), line.body(), end, prompt, completion));
    }
    batch.status = cancelling ? "cancelled" : expire ? "expired" : "completed";
    if (output.length() > 0) {
      batch.outputFileId = "file-out-" + batch.index;
      files.put(batch.outputFileId, output.toString().getBytes(StandardCharsets.UTF_8));
    }
    if (errors.length() > 0) {
      batch.errorFileId = "file-err-" + batch.index;
      files.put(batch.errorFileId, errors.toString().getBytes(StandardCharsets.UTF_8));
    }
  }

  private static ObjectNode describe(Batch batch) {
    ObjectNode root = JSON.createObjectNode().put("id", batch.id).put("object", "batch")
        .put("endpoint", "/v1/chat/completions").put("input_file_id", batch.inputFileId)
        .put("completion_window", "24h").put("status", batch.status);
    root.put("output_file_id", batch.outputFileId);
    root.put("error_file_id", batch.errorFileId);
    root.putObject("request_counts").put("total", batch.lines.size()).put("completed", batch.completed)
        .put("failed", batch.failed);
    return root;
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static FaultyOpenAiServer.Answer error(int status, String message) {
    ObjectNode root = JSON.createObjectNode();
    root.putObject("error").put("message", message).put("type", "invalid_request_error");
    return new FaultyOpenAiServer.Answer(status, root.toString(), Map.of());
  }

  /** Options of a {@link FaultyBatchServer}; the defaults make a well-behaved one. */
  public static final class Builder {
    private Duration processing = Duration.ofMillis(100);
    private double failLines;
    private long seed = 1;
    private final List<Integer> expire = new ArrayList<>();
    private String apiKey;

    private Builder() {}

    /** How long a batch stays in progress (default 100 ms). */
    public Builder processing(Duration processing) {
      this.processing = processing;
      return this;
    }

    /** Fails this share of the processed lines with a 500 line, drawn with {@link #seed}. */
    public Builder failLines(double share) {
      this.failLines = share;
      return this;
    }

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** The batches (by creation order, from 0) that expire with half of their lines processed. */
    public Builder expire(Integer... batches) {
      expire.addAll(List.of(batches));
      return this;
    }

    /** Requires {@code Authorization: Bearer <key>}; anything else is answered 401. */
    public Builder apiKey(String key) {
      this.apiKey = key;
      return this;
    }

    public FaultyBatchServer start() {
      return new FaultyBatchServer(this);
    }
  }
}
