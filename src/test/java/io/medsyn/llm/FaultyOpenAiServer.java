package io.medsyn.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real OpenAI-compatible endpoint ({@code POST /v1/chat/completions}) on 127.0.0.1 that misbehaves on purpose, for
 * tests and benchmarks of HTTP backends. Build one with {@link #builder()}, point a backend at {@link #baseUrl()},
 * then read what it saw in {@link #requestLog()} and {@link #maxRequestsInWindow()}; {@link #close()} it after.
 *
 * <p>Each request is decided on arrival, in this order: a wrong or missing {@code Authorization} when
 * {@link Builder#apiKey} is set (401); a body that is not a chat request (400); the request limit when
 * {@link Builder#rateLimit} is set (429, {@link Fault#OVER_LIMIT}); the next scripted fault
 * ({@link Builder#script}); a seeded random draw among the {@link Builder#fault} fractions (per arrival, or per
 * fingerprint with {@link Builder#faultsByFingerprint}); otherwise a note. The
 * note is built from the words of the prompt, with {@code usage} filled, and sent after {@link Builder#latency}.
 */
public final class FaultyOpenAiServer implements AutoCloseable {
  /** The header an HTTP backend sends with the request's fingerprint; logged per request. */
  public static final String FINGERPRINT_HEADER = "X-MedSyn-Fingerprint";

  /** What the server did with one request. */
  public enum Fault {
    /** A proper note: 200, {@code finish_reason=stop}. */
    NONE(200),
    /** 429 with {@code Retry-After} ({@link Builder#retryAfterSeconds}). */
    RATE_LIMITED(429),
    /** 429 because the request exceeded {@link Builder#rateLimit}; never drawn or scripted. */
    OVER_LIMIT(429),
    SERVER_ERROR(500),
    /** 503 with {@code Retry-After}. */
    UNAVAILABLE(503),
    /** No answer for {@link Builder#hang} (logged with status 0). */
    TIMEOUT(0),
    /** 200 whose body is cut-off JSON (even requests) or JSON without {@code choices} (odd requests). */
    MALFORMED(200),
    /**
     * 200 whose content breaks the structured answer a request asked for ({@code response_format: json_schema}):
     * a note without {@code symptoms_used}.
     */
    SCHEMA_BREAK(200),
    /** 200 with {@code finish_reason=length}. */
    TRUNCATED(200),
    /** 200 with empty content. */
    EMPTY(200),
    /** A proper note without {@code usage}, as some servers send it: the tokens are the client's to estimate. */
    NO_USAGE(200),
    /** 200 whose message has the role {@code user}: an echo, not a model's answer. */
    WRONG_ROLE(200),
    BAD_REQUEST(400),
    UNAUTHORIZED(401);

    private final int status;

    Fault(int status) {
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  /**
   * One request as the server saw it.
   *
   * @param index arrival order, from 0
   * @param fingerprint the {@value #FINGERPRINT_HEADER} header, or null
   * @param receivedNanos System.nanoTime() at arrival
   * @param body the request's JSON, or null when it was not JSON
   * @param promptTokens, completionTokens the usage answered; 0 when no note was sent
   */
  public record LoggedRequest(int index, String fingerprint, long receivedNanos, int status, Fault fault,
      JsonNode body, int promptTokens, int completionTokens) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String WARM_UP_HEADER = "X-Faulty-Warm-Up";

  static {
    // Without TCP_NODELAY the JDK server sends headers and body as two small segments and Nagle's algorithm holds
    // the second until the client's delayed ACK (~40 ms), which would swamp the latencies tests configure. Read
    // once, when the JVM's first HttpServer starts.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private final Builder options;
  private final HttpServer server;
  private final ExecutorService handlers;
  private final ScheduledExecutorService responder;
  private final Random random;
  private final Deque<Fault> script;
  private final List<LoggedRequest> log = new ArrayList<>();
  private final Deque<Long> arrivals = new ArrayDeque<>();
  private final Deque<Long> admitted = new ArrayDeque<>();
  private final Map<String, Integer> admittedByFingerprint = new HashMap<>();
  private int maxInWindow;

  private FaultyOpenAiServer(Builder options) {
    this.options = options;
    this.random = new Random(options.seed);
    this.script = new ArrayDeque<>(options.script);
    this.handlers = Executors.newFixedThreadPool(8, daemon("faulty-openai-handler"));
    this.responder = Executors.newScheduledThreadPool(2, daemon("faulty-openai-responder"));
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open a port on 127.0.0.1", e);
    }
    server.setExecutor(handlers);
    server.createContext("/v1/chat/completions", this::handle);
    server.start();
    warmUp();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** {@code http://127.0.0.1:PORT}: the base URL a backend appends {@code /v1/chat/completions} to. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Every request so far, in arrival order. */
  public synchronized List<LoggedRequest> requestLog() {
    return List.copyOf(log);
  }

  public synchronized int requestCount() {
    return log.size();
  }

  /** The requests carrying this fingerprint, in arrival order. */
  public synchronized List<LoggedRequest> requestsFor(String fingerprint) {
    return log.stream().filter(request -> fingerprint.equals(request.fingerprint())).toList();
  }

  /** How many requests were answered with {@code fault}. */
  public synchronized long count(Fault fault) {
    return log.stream().filter(request -> request.fault() == fault).count();
  }

  /**
   * The most requests (admitted or not) that arrived within any sliding window of the configured length
   * ({@link Builder#rateLimit} or {@link Builder#window}; 60 s by default).
   */
  public synchronized int maxRequestsInWindow() {
    return maxInWindow;
  }

  /** The most requests (admitted or not) that arrived within any sliding window of {@code window}. */
  public synchronized int maxRequestsIn(Duration window) {
    long nanos = window.toNanos();
    int most = 0;
    int first = 0;
    for (int last = 0; last < log.size(); last++) {
      while (log.get(first).receivedNanos() <= log.get(last).receivedNanos() - nanos) {
        first++;
      }
      most = Math.max(most, last - first + 1);
    }
    return most;
  }

  /** Stops at once: open connections are dropped, hanging requests are never answered. */
  @Override
  public void close() {
    server.stop(0);
    responder.shutdownNow();
    handlers.shutdownNow();
  }

  /**
   * Runs one request through the whole path (HTTP, JSON, note) unlogged, so that the first real requests are not
   * held up, and their arrival times skewed, by class loading in the handler threads.
   */
  private void warmUp() {
    try {
      HttpURLConnection connection = (HttpURLConnection) URI.create(baseUrl()
          + "/v1/chat/completions").toURL().openConnection();
      connection.setRequestMethod("POST");
      connection.setDoOutput(true);
      connection.setRequestProperty(WARM_UP_HEADER, "1");
      try (OutputStream out = connection.getOutputStream()) {
        out.write("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"warm up\"}]}"
            .getBytes(StandardCharsets.UTF_8));
      }
      try (InputStream in = connection.getInputStream()) {
        in.readAllBytes();
      }
      connection.disconnect();
    } catch (IOException e) {
      throw new UncheckedIOException("the fault server on " + baseUrl() + " does not answer itself", e);
    }
  }

  private void handle(HttpExchange exchange) {
    long now = System.nanoTime();
    if (exchange.getRequestHeaders().containsKey(WARM_UP_HEADER)) {
      try (InputStream in = exchange.getRequestBody()) {
        JsonNode body = JSON.readTree(in);
        String note = note(body, false);
        new Answer(200, completion("m", note, "stop", promptTokens(body), completionTokens(note), -1, Fault.NONE), Map.of())
            .send(exchange);
      } catch (IOException e) {
        exchange.close();
      }
      return;
    }
    JsonNode body;
    try (InputStream in = exchange.getRequestBody()) {
      body = JSON.readTree(in);
    } catch (IOException e) {
      body = null;
    }
    String fingerprint = exchange.getRequestHeaders().getFirst(FINGERPRINT_HEADER);
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    Fault fault;
    long overLimitWaitNanos = 0;
    int promptTokens = 0;
    String note = null;
    int index;
    synchronized (this) {
      countArrival(now);
      if (options.apiKey != null && !("Bearer " + options.apiKey).equals(authorization)) {
        fault = Fault.UNAUTHORIZED;
      } else if (!"POST".equals(exchange.getRequestMethod()) || body == null || !body.path("model").isTextual()
          || !body.path("messages").isArray() || body.path("messages").isEmpty()) {
        fault = Fault.BAD_REQUEST;
      } else if ((overLimitWaitNanos = overLimit(now)) > 0) {
        fault = Fault.OVER_LIMIT;
      } else if (!script.isEmpty()) {
        fault = script.pollFirst();
      } else if (options.byFingerprint && fingerprint != null) {
        fault = drawFor(fingerprint);
      } else {
        fault = pick(random.nextDouble());
      }
      if (fault == Fault.NONE || fault == Fault.TRUNCATED || fault == Fault.EMPTY || fault == Fault.NO_USAGE
          || fault == Fault.WRONG_ROLE || fault == Fault.SCHEMA_BREAK) {
        promptTokens = promptTokens(body);
        note = fault == Fault.EMPTY ? "" : note(body, fault == Fault.TRUNCATED);
      }
      index = log.size();
      log.add(new LoggedRequest(index, fingerprint, now, fault.status(), fault, body, promptTokens,
          completionTokens(note)));
    }
    Answer answer = answer(fault, body, authorization, note, promptTokens, overLimitWaitNanos, index);
    long delayNanos = fault == Fault.TIMEOUT ? options.hang.toNanos() : options.latency.toNanos();
    if (delayNanos <= 0) {
      answer.send(exchange);
    } else {
      responder.schedule(() -> answer.send(exchange), delayNanos, TimeUnit.NANOSECONDS);
    }
  }

  private void countArrival(long now) {
    long window = options.window.toNanos();
    while (!arrivals.isEmpty() && arrivals.peekFirst() <= now - window) {
      arrivals.pollFirst();
    }
    arrivals.addLast(now);
    maxInWindow = Math.max(maxInWindow, arrivals.size());
  }

  /** 0 if the request is admitted (and counted), else the nanoseconds until the window has room again. */
  private long overLimit(long now) {
    if (options.limit <= 0) {
      return 0;
    }
    long window = options.window.toNanos();
    while (!admitted.isEmpty() && admitted.peekFirst() <= now - window) {
      admitted.pollFirst();
    }
    if (admitted.size() < options.limit) {
      admitted.addLast(now);
      return 0;
    }
    return Math.max(1, admitted.peekFirst() + window - now);
  }

  /**
   * The fingerprint's own fault, the same whichever order requests arrive in: a 400 (final for any client) answers
   * every admitted request of the fingerprint, any other fault only the first.
   */
  private Fault drawFor(String fingerprint) {
    int earlier = admittedByFingerprint.merge(fingerprint, 1, Integer::sum) - 1;
    long key = UUID.nameUUIDFromBytes(fingerprint.getBytes(StandardCharsets.UTF_8)).getMostSignificantBits();
    Fault fault = pick(new SplittableRandom(options.seed ^ key).nextDouble());
    return fault == Fault.BAD_REQUEST || earlier == 0 ? fault : Fault.NONE;
  }

  private Fault pick(double roll) {
    double cumulative = 0;
    for (Map.Entry<Fault, Double> entry : options.fractions.entrySet()) {
      cumulative += entry.getValue();
      if (roll < cumulative) {
        return entry.getKey();
      }
    }
    return Fault.NONE;
  }

  private Answer answer(Fault fault, JsonNode request, String authorization, String note, int promptTokens,
      long overLimitWaitNanos, int index) {
    String model = request == null ? "unknown" : request.path("model").asText("unknown");
    return switch (fault) {
      case NONE, TRUNCATED, EMPTY, NO_USAGE, WRONG_ROLE -> new Answer(200, completion(model, content(request, note),
          fault == Fault.TRUNCATED ? "length" : "stop", promptTokens, completionTokens(note), index, fault),
          Map.of());
      case SCHEMA_BREAK -> new Answer(200, completion(model, JSON.createObjectNode().put("note", note).toString(),
          "stop", promptTokens, completionTokens(note), index, fault), Map.of());
      case MALFORMED -> new Answer(200, index % 2 == 0
          ? "{\"id\":\"chatcmpl-" + index + "\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assist"
          : "{\"id\":\"chatcmpl-" + index + "\",\"object\":\"chat.completion\",\"usage\":{\"prompt_tokens\":1}}",
          Map.of());
      case RATE_LIMITED -> new Answer(429, error("Rate limit reached for requests", "rate_limit_exceeded",
          authorization), Map.of("Retry-After", String.valueOf(options.retryAfterSeconds)));
      case OVER_LIMIT -> new Answer(429, error("Rate limit of " + options.limit + " requests per "
          + options.window.toMillis() + " ms reached", "rate_limit_exceeded", authorization), Map.of(
          "Retry-After", String.valueOf((overLimitWaitNanos + 999_999_999) / 1_000_000_000),
          "retry-after-ms", String.valueOf((overLimitWaitNanos + 999_999) / 1_000_000)));
      case SERVER_ERROR -> new Answer(500, error("The server had an error", "server_error", authorization),
          Map.of());
      case UNAVAILABLE -> new Answer(503, error("The engine is currently overloaded", "server_error",
          authorization), Map.of("Retry-After", String.valueOf(options.retryAfterSeconds)));
      case TIMEOUT -> new Answer(504, error("Upstream timed out", "timeout", authorization), Map.of());
      case BAD_REQUEST -> new Answer(400, error("Invalid request: 'messages' is required and the context length "
          + "must not be exceeded", "invalid_request_error", authorization), Map.of());
      case UNAUTHORIZED -> new Answer(401, error("Incorrect API key provided", "invalid_api_key", authorization),
          Map.of());
    };
  }

  private String error(String message, String code, String authorization) {
    String text = options.echoAuthorization ? message + " (Authorization: " + authorization + ")" : message;
    ObjectNode root = JSON.createObjectNode();
    root.putObject("error").put("message", text).put("type", code).put("code", code);
    return root.toString();
  }

  static String completion(String model, String content, String finishReason, int promptTokens,
      int completionTokens, int index, Fault fault) {
    ObjectNode root = JSON.createObjectNode();
    root.put("id", "chatcmpl-" + index).put("object", "chat.completion").put("created", 1_700_000_000L + index)
        .put("model", model);
    ObjectNode choice = root.putArray("choices").addObject();
    choice.put("index", 0);
    choice.putObject("message").put("role", fault == Fault.WRONG_ROLE ? "user" : "assistant")
        .put("content", content);
    choice.put("finish_reason", finishReason);
    if (fault == Fault.NO_USAGE) {
      return root.toString();
    }
    root.putObject("usage").put("prompt_tokens", promptTokens).put("completion_tokens", completionTokens)
        .put("total_tokens", promptTokens + completionTokens);
    return root.toString();
  }

  /**
   * What a proper answer's content is: the note, or, when the request asked for a structured answer
   * ({@code response_format: json_schema}), {@code {note, symptoms_used}} with the complaints the note took from
   * the prompt (the words before "On examination").
   */
  static String content(JsonNode request, String note) {
    if (!"json_schema".equals(request.path("response_format").path("type").asText()) || note.isEmpty()) {
      return note;
    }
    ObjectNode answer = JSON.createObjectNode().put("note", note);
    var used = answer.putArray("symptoms_used");
    String complaints = note.replaceFirst("^Patient reports ", "").replaceFirst("\\. On examination.*$", "");
    for (String complaint : complaints.split(", ")) {
      used.add(complaint);
    }
    return answer.toString();
  }

  static int completionTokens(String note) {
    return note == null || note.isEmpty() ? 0 : note.length() / 4 + 1;
  }

  static int promptTokens(JsonNode request) {
    int chars = 0;
    for (JsonNode message : request.path("messages")) {
      chars += message.path("content").asText("").length();
    }
    return chars / 4 + 1;
  }

  /** A short note in the words of the last message, so that tests can tell which prompt it answers. */
  static String note(JsonNode request, boolean truncated) {
    JsonNode messages = request.path("messages");
    String prompt = messages.get(messages.size() - 1).path("content").asText("");
    Set<String> words = new LinkedHashSet<>();
    for (String word : prompt.split("[^\\p{L}\\p{N}]+")) {
      if (word.length() >= 4 && words.size() < 16) {
        words.add(word.toLowerCase());
      }
    }
    List<String> list = new ArrayList<>(words);
    String complaints = list.isEmpty() ? "no complaints" : String.join(", ", list.subList(0, (list.size() + 1) / 2));
    String findings = list.size() < 2 ? "unremarkable" : String.join(", ", list.subList((list.size() + 1) / 2,
        list.size()));
    String note = "Patient reports " + complaints + ". On examination: " + findings + ". Plan: follow-up in two "
        + "weeks.";
    return truncated ? note.substring(0, note.length() / 2) : note;
  }

  static ThreadFactory daemon(String name) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  record Answer(int status, String body, Map<String, String> headers) {
    void send(HttpExchange exchange) {
      try (exchange) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      } catch (IOException e) {
        // The client gave up (timed out or closed); nothing is waiting for this answer.
      }
    }
  }

  /** Options of a {@link FaultyOpenAiServer}; every one has a default that makes a well-behaved endpoint. */
  public static final class Builder {
    private Duration latency = Duration.ZERO;
    private final Map<Fault, Double> fractions = new EnumMap<>(Fault.class);
    private final List<Fault> script = new ArrayList<>();
    private long seed = 1;
    private int retryAfterSeconds = 1;
    private Duration hang = Duration.ofSeconds(60);
    private int limit;
    private Duration window = Duration.ofSeconds(60);
    private String apiKey;
    private boolean echoAuthorization;
    private boolean byFingerprint;

    private Builder() {}

    /** How long every answer takes (default none). */
    public Builder latency(Duration latency) {
      this.latency = latency;
      return this;
    }

    /** Answers this fraction of the unscripted requests with {@code fault}, drawn with {@link #seed}. */
    public Builder fault(Fault fault, double fraction) {
      if (fault == Fault.NONE || fault == Fault.OVER_LIMIT || fraction < 0 || fraction > 1) {
        throw new IllegalArgumentException("fault(" + fault + ", " + fraction + "): expected an injectable fault "
            + "and a fraction in [0, 1]");
      }
      fractions.put(fault, fraction);
      double total = fractions.values().stream().mapToDouble(Double::doubleValue).sum();
      if (total > 1 + 1e-9) {
        throw new IllegalArgumentException("fault fractions add up to " + total + ", more than 1");
      }
      return this;
    }

    /**
     * Draws a request's fault from the seed and its {@value #FINGERPRINT_HEADER} instead of its arrival: a 400
     * answers every request of its fingerprint, any other fault the fingerprint's first admitted request only. A
     * client that retries then ends each prompt the same way however its requests interleave or are sent again
     * after a kill, so two runs' notes can be compared row by row.
     */
    public Builder faultsByFingerprint() {
      this.byFingerprint = true;
      return this;
    }

    /** The seed of the random fault draws (default 1). */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** The first requests, in arrival order, get these answers ({@link Fault#NONE} for a proper one). */
    public Builder script(Fault... faults) {
      if (Arrays.asList(faults).contains(Fault.OVER_LIMIT)) {
        throw new IllegalArgumentException("OVER_LIMIT is not scriptable: use rateLimit");
      }
      script.addAll(Arrays.asList(faults));
      return this;
    }

    /** The {@code Retry-After} of injected 429 and 503 answers, in seconds (default 1). */
    public Builder retryAfterSeconds(int seconds) {
      this.retryAfterSeconds = seconds;
      return this;
    }

    /** How long a {@link Fault#TIMEOUT} request waits before a 504 (default 60 s): longer than any client does. */
    public Builder hang(Duration hang) {
      this.hang = hang;
      return this;
    }

    /**
     * Admits at most {@code requests} per sliding {@code window} and answers the rest 429 with {@code Retry-After}
     * and {@code retry-after-ms}; the window is also the one {@link #maxRequestsInWindow()} measures.
     */
    public Builder rateLimit(int requests, Duration window) {
      this.limit = requests;
      this.window = window;
      return this;
    }

    /** The window {@link #maxRequestsInWindow()} measures, without a limit (default 60 s). */
    public Builder window(Duration window) {
      this.window = window;
      return this;
    }

    /** Requires {@code Authorization: Bearer <key>}; anything else is answered 401. */
    public Builder apiKey(String key) {
      this.apiKey = key;
      return this;
    }

    /** Error bodies quote the request's {@code Authorization} header, as careless servers do. */
    public Builder echoAuthorization(boolean echo) {
      this.echoAuthorization = echo;
      return this;
    }

    public FaultyOpenAiServer start() {
      return new FaultyOpenAiServer(this);
    }
  }
}
