package io.medsyn.llm.openai;

import static io.medsyn.llm.openai.Requests.completion;
import static io.medsyn.llm.openai.Requests.failure;
import static io.medsyn.llm.openai.Requests.note;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.medsyn.llm.Completion;
import io.medsyn.llm.ErrorClass;
import io.medsyn.llm.FaultyOpenAiServer;
import io.medsyn.llm.FaultyOpenAiServer.Fault;
import io.medsyn.llm.FaultyOpenAiServer.LoggedRequest;
import io.medsyn.llm.GenerationException;
import io.medsyn.testing.LogCapture;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OpenAiBackendTest {
  private static final String KEY = "sk-medsyn-FAKE-7f3a9c0d1e2b4455";

  private FaultyOpenAiServer server;
  private OpenAiBackend backend;

  @AfterEach
  void close() {
    if (backend != null) {
      backend.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void noteComesBackWithTokensCostAndTheRequestAsSent() throws Exception {
    server = FaultyOpenAiServer.builder().apiKey(KEY).start();
    OpenAiConfig config = OpenAiTestConfig.forServer(server.baseUrl(), "seed=42", "temperature=0.3", "max_tokens=700",
        "price_prompt_per_thousand=0.5", "price_completion_per_thousand=1.5");
    backend = new OpenAiBackend(config, 1, KEY);

    Completion completion = completion(backend.submit(note("fp-1", config)));

    LoggedRequest seen = server.requestLog().get(0);
    assertThat(completion.text()).startsWith("Patient reports ").contains("hypertension", "dizziness");
    assertThat(completion.finishReason()).isEqualTo("stop");
    assertThat(completion.model()).isEqualTo("gpt-4o-mini");
    assertThat(completion.attempts()).isEqualTo(1);
    assertThat(completion.promptTokens()).isEqualTo(seen.promptTokens()).isEqualTo(34);
    assertThat(completion.completionTokens()).isEqualTo(seen.completionTokens()).isGreaterThan(10);
    assertThat(completion.costUsd()).isCloseTo(34 / 1000.0 * 0.5 + seen.completionTokens() / 1000.0 * 1.5,
        within(1e-12));
    assertThat(seen.fingerprint()).isEqualTo("fp-1");
    JsonNode body = seen.body();
    assertThat(body.path("model").asText()).isEqualTo("gpt-4o-mini");
    assertThat(body.path("temperature").asDouble()).isEqualTo(0.3);
    assertThat(body.path("max_tokens").asInt()).isEqualTo(700);
    assertThat(body.path("seed").asLong()).isEqualTo(42);
    assertThat(body.path("messages")).hasSize(2);
    assertThat(body.path("messages").get(0).path("role").asText()).isEqualTo("system");
    assertThat(body.path("messages").get(1).path("content").asText()).contains("hypertension");
  }

  @Test
  void seedIsLeftOutWhenNotConfigured() throws Exception {
    server = FaultyOpenAiServer.builder().start();
    OpenAiConfig config = OpenAiTestConfig.forServer(server.baseUrl(), "seed=null");
    backend = new OpenAiBackend(config, 1, null);

    completion(backend.submit(note("fp-1", config)));

    assertThat(server.requestLog().get(0).body().has("seed")).isFalse();
  }

  @Test
  void rateLimitedAnswerIsRetriedAfterItsRetryAfterAndHalvesTheInFlightBound() throws Exception {
    server = FaultyOpenAiServer.builder().script(Fault.RATE_LIMITED).retryAfterSeconds(1).start();
    OpenAiConfig config = OpenAiTestConfig.forServer(server.baseUrl(), "max_in_flight=8");
    backend = new OpenAiBackend(config, 1, KEY);

    Completion completion;
    String logged;
    try (LogCapture capture = LogCapture.of("io.medsyn.llm")) {
      completion = completion(backend.submit(note("fp-1", config)));
      logged = capture.text();
    }

    List<LoggedRequest> log = server.requestLog();
    assertThat(log).extracting(LoggedRequest::status).containsExactly(429, 200);
    long gapMs = TimeUnit.NANOSECONDS.toMillis(log.get(1).receivedNanos() - log.get(0).receivedNanos());
    assertThat(gapMs).isBetween(1000L, 1000L + config.backoffBaseMs() + 500);
    assertThat(completion.attempts()).isEqualTo(2);
    // Halved by the 429 (how successes raise it again is InFlightLimitTest's).
    assertThat(logged).contains("at most 4 requests in flight now");
  }

  @Test
  void serverErrorsAreRetriedUntilTheNoteComes() throws Exception {
    server = FaultyOpenAiServer.builder().script(Fault.SERVER_ERROR, Fault.UNAVAILABLE).retryAfterSeconds(0)
        .start();
    OpenAiConfig config = OpenAiTestConfig.forServer(server.baseUrl());
    backend = new OpenAiBackend(config, 1, KEY);

    Completion completion = completion(backend.submit(note("fp-1", config)));

    assertThat(server.requestLog()).extracting(LoggedRequest::status).containsExactly(500, 503, 200);
    assertThat(completion.attempts()).isEqualTo(3);
  }

  @Test
  void serverErrorsEndAsServerOnceTheAttemptsAreSpent() {
    server = FaultyOpenAiServer.builder().fault(Fault.SERVER_ERROR, 1).start();
    OpenAiConfig config = OpenAiTestConfig.forServer(server.baseUrl(), "max_attempts=3");
    backend = new OpenAiBackend(config, 1, KEY);

    GenerationException error = failure(backend.submit(note("fp-1", config)));

    assertThat(error.errorClass()).isEqualTo(ErrorClass.SERVER);
    assertThat(error.attempts()).isEqualTo(3);
    assertThat(error.getMessage()).contains("HTTP 500 from POST " + server.baseUrl() + "/v1/chat/completions",
        "The server had an error", "[3 attempts]");
    assertThat(server.requestCount()).isEqualTo(3);
  }

  @Test
  void badRequestIsNotRetried() {
    server = FaultyOpenAiServer.builder().script(Fault.BAD_REQUEST).start();
    OpenAiConfig config = OpenAiTestConfig.forServer(server.baseUrl());
    backend = new OpenAiBackend(config, 1, KEY);

    GenerationException error = failure(backend.submit(note("fp-1", config)));

    assertThat(error.errorClass()).isEqualTo(ErrorClass.BAD_REQUEST);
    assertThat(error.attempts()).isEqualTo(1);
    assertThat(error.getMessage()).contains("HTTP 400 from POST " + server.baseUrl() + "/v1/chat/completions",
        "'messages' is required");
    assertThat(server.requestCount()).isEqualTo(1);
  }

  @Test
  void refusedKeyMakesTheBackendFatalAndLaterRequestsAreNeverSent() {
    server = FaultyOpenAiServer.builder().apiKey("sk-the-key-the-server-wants").start();
    OpenAiConfig config = OpenAiTestConfig.forServer(server.baseUrl(), "api_key_env=MEDSYN_TEST_KEY");
    backend = new OpenAiBackend(config, 1, KEY);

    GenerationException first = failure(backend.submit(note("fp-1", config)));
    long start = System.nanoTime();
    GenerationException later = failure(backend.submit(note("fp-2", config)));
    long laterMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

    assertThat(first.errorClass()).isEqualTo(ErrorClass.AUTH);
    assertThat(first.attempts()).isEqualTo(1);
    assertThat(first.getMessage()).contains("HTTP 401 from POST " + server.baseUrl(), "MEDSYN_TEST_KEY");
    assertThat(later.errorClass()).isEqualTo(ErrorClass.AUTH);
    assertThat(later.attempts()).isZero();
    assertThat(later.getMessage()).startsWith("not sent: HTTP 401");
    assertThat(laterMs).isLessThan(100);
    assertThat(server.requestCount()).isEqualTo(1);
  }

  @Test
  void truncatedNoteIsRetriedOnceThenFails() throws Exception {
    server = FaultyOpenAiServer.builder().script(Fault.TRUNCATED, Fault.TRUNCATED, Fault.TRUNCATED, Fault.NONE)
        .start();
    OpenAiConfig config = OpenAiTestConfig.forServer(server.baseUrl(), "max_tokens=300");
    backend = new OpenAiBackend(config, 1, KEY);

    GenerationException error = failure(backend.submit(note("fp-1", config)));
    Completion second = completion(backend.submit(note("fp-2", config)));

    assertThat(error.errorClass()).isEqualTo(ErrorClass.TRUNCATED);
    assertThat(error.attempts()).isEqualTo(2);
    assertThat(error.getMessage()).contains("finish_reason=length", "max_tokens=300");
    assertThat(server.requestsFor("fp-1")).hasSize(2);
    assertThat(second.attempts()).isEqualTo(2);
    assertThat(server.requestsFor("fp-2")).extracting(LoggedRequest::fault)
        .containsExactly(Fault.TRUNCATED, Fault.NONE);
  }

  @Test
  void emptyAndMalformedAnswersAreRetried() throws Exception {
    server = FaultyOpenAiServer.builder().script(Fault.EMPTY, Fault.MALFORMED, Fault.MALFORMED, Fault.NONE).start();
    OpenAiConfig config = OpenAiTestConfig.forServer(server.baseUrl(), "max_attempts=4");
    backend = new OpenAiBackend(config, 1, KEY);

    Completion completion = completion(backend.submit(note("fp-1", config)));

    assertThat(completion.attempts()).isEqualTo(4);
    assertThat(completion.text()).contains("hypertension");
  }

  @Test
  void emptyAndMalformedAnswersAreClassifiedWhenTheAttemptsAreSpent() {
    // Malformed answers are cut-off JSON at an even index, JSON without choices at an odd one.
    server = FaultyOpenAiServer.builder().script(Fault.EMPTY, Fault.EMPTY, Fault.MALFORMED, Fault.MALFORMED,
        Fault.MALFORMED).start();
    OpenAiConfig config = OpenAiTestConfig.forServer(server.baseUrl(), "max_attempts=2");
    backend = new OpenAiBackend(config, 1, KEY);

    GenerationException empty = failure(backend.submit(note("fp-1", config)));
    GenerationException noChoices = failure(backend.submit(note("fp-2", config)));
    backend.close();
    backend = new OpenAiBackend(OpenAiTestConfig.forServer(server.baseUrl(), "max_attempts=1"), 1, KEY);
    GenerationException notJson = failure(backend.submit(note("fp-3", config)));

    assertThat(empty.errorClass()).isEqualTo(ErrorClass.EMPTY);
    assertThat(empty.attempts()).isEqualTo(2);
    assertThat(empty.getMessage()).contains("carried no text");
    assertThat(noChoices.errorClass()).isEqualTo(ErrorClass.MALFORMED);
    assertThat(noChoices.attempts()).isEqualTo(2);
    assertThat(noChoices.getMessage()).contains("has no choices[0].message");
    assertThat(notJson.errorClass()).isEqualTo(ErrorClass.MALFORMED);
    assertThat(notJson.getMessage()).contains("is not JSON");
    assertThat(server.requestCount()).isEqualTo(5);
  }

  @Test
  void answerWithoutUsageHasItsTokensAndCostMarkedEstimated() throws Exception {
    server = FaultyOpenAiServer.builder().script(Fault.NO_USAGE, Fault.NONE).start();
    OpenAiConfig config = OpenAiTestConfig.forServer(server.baseUrl(), "price_prompt_per_thousand=0.5",
        "price_completion_per_thousand=1.5");
    backend = new OpenAiBackend(config, 1, KEY);

    Completion estimated = completion(backend.submit(note("fp-1", config)));
    Completion counted = completion(backend.submit(note("fp-2", config)));

    assertThat(estimated.usageEstimated()).isTrue();
    // Characters / 4: the same 34 prompt tokens the server would have counted, the note's length / 4 + 1.
    assertThat(estimated.promptTokens()).isEqualTo(34);
    assertThat(estimated.completionTokens()).isEqualTo(estimated.text().length() / 4 + 1);
    assertThat(estimated.costUsd()).isCloseTo(34 / 1000.0 * 0.5 + estimated.completionTokens() / 1000.0 * 1.5,
        within(1e-12));
    assertThat(counted.usageEstimated()).isFalse();
    assertThat(counted.completionTokens()).isEqualTo(server.requestLog().get(1).completionTokens());
  }

  @Test
  void answerWithoutTheAssistantRoleIsAMalformedFailure() {
    server = FaultyOpenAiServer.builder().script(Fault.WRONG_ROLE, Fault.WRONG_ROLE).start();
    OpenAiConfig config = OpenAiTestConfig.forServer(server.baseUrl(), "max_attempts=2");
    backend = new OpenAiBackend(config, 1, KEY);

    GenerationException echo = failure(backend.submit(note("fp-1", config)));

    assertThat(echo.errorClass()).isEqualTo(ErrorClass.MALFORMED);
    assertThat(echo.attempts()).isEqualTo(2);
    assertThat(echo.getMessage()).contains("choices[0].message.role=\"user\", not \"assistant\"");
  }

  @Test
  void unansweredRequestTimesOutAndIsRetried() throws Exception {
    server = FaultyOpenAiServer.builder().script(Fault.TIMEOUT, Fault.NONE, Fault.TIMEOUT).start();
    OpenAiConfig config = OpenAiTestConfig.forServer(server.baseUrl(), "call_timeout_seconds=0.3");
    backend = new OpenAiBackend(config, 1, KEY);

    Completion retried = completion(backend.submit(note("fp-1", config)));
    try (OpenAiBackend once = new OpenAiBackend(OpenAiTestConfig.forServer(server.baseUrl(),
        "call_timeout_seconds=0.3", "max_attempts=1"), 1, KEY)) {
      GenerationException error = failure(once.submit(note("fp-2", config)));
      assertThat(error.errorClass()).isEqualTo(ErrorClass.TIMEOUT);
      assertThat(error.getMessage()).contains("POST " + server.baseUrl() + "/v1/chat/completions timed out");
    }

    assertThat(retried.attempts()).isEqualTo(2);
  }

  @Test
  void circuitOpensOnADeadEndpointAndThenFailsWithoutConnecting() throws IOException {
    int deadPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      deadPort = socket.getLocalPort();
    }
    OpenAiConfig config = OpenAiTestConfig.forServer("http://127.0.0.1:" + deadPort, "max_attempts=1",
        "circuit_window_size=4", "circuit_failure_rate_percent=50", "circuit_open_seconds=30");
    backend = new OpenAiBackend(config, 1, KEY);

    List<ErrorClass> classes = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      classes.add(failure(backend.submit(note("fp-" + i, config))).errorClass());
    }
    GenerationException open = failure(backend.submit(note("fp-open", config)));

    assertThat(classes).containsExactly(ErrorClass.CONNECTION, ErrorClass.CONNECTION, ErrorClass.CONNECTION,
        ErrorClass.CONNECTION, ErrorClass.CIRCUIT_OPEN, ErrorClass.CIRCUIT_OPEN);
    assertThat(open.attempts()).isZero();
    assertThat(open.getMessage()).contains("circuit breaker for POST http://127.0.0.1:" + deadPort, "is open");
  }

  @Test
  void openCircuitStopsTrafficToAFailingServer() {
    server = FaultyOpenAiServer.builder().fault(Fault.SERVER_ERROR, 1).start();
    OpenAiConfig config = OpenAiTestConfig.forServer(server.baseUrl(), "max_attempts=1", "circuit_window_size=5");
    backend = new OpenAiBackend(config, 1, KEY);

    List<ErrorClass> classes = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      classes.add(failure(backend.submit(note("fp-" + i, config))).errorClass());
    }

    assertThat(classes.subList(0, 5)).containsOnly(ErrorClass.SERVER);
    assertThat(classes.subList(5, 10)).containsOnly(ErrorClass.CIRCUIT_OPEN);
    assertThat(server.requestCount()).isEqualTo(5);
  }

  @Test
  void closeFailsTheRequestsStillUnderWay() {
    server = FaultyOpenAiServer.builder().fault(Fault.TIMEOUT, 1).start();
    OpenAiConfig config = OpenAiTestConfig.forServer(server.baseUrl(), "max_in_flight=2");
    backend = new OpenAiBackend(config, 1, KEY);
    List<CompletableFuture<Completion>> futures = List.of(backend.submit(note("fp-1", config)),
        backend.submit(note("fp-2", config)), backend.submit(note("fp-3", config)));

    backend.close();

    for (CompletableFuture<Completion> future : futures) {
      GenerationException error = failure(future);
      assertThat(error.errorClass()).isEqualTo(ErrorClass.INTERNAL);
      assertThat(error.getMessage()).contains("was closed");
    }
    assertThat(failure(backend.submit(note("fp-4", config))).getMessage()).contains("was closed");
  }

  @Test
  void missingKeyVariableIsNamedAtConstruction() {
    OpenAiConfig config = OpenAiTestConfig.forServer("http://127.0.0.1:9",
        "api_key_env=MEDSYN_SURELY_UNSET_KEY_VARIABLE");

    assertThatThrownBy(() -> new OpenAiBackend(config, 1))
        .isInstanceOf(io.medsyn.config.ConfigException.class)
        .hasMessageContaining("MEDSYN_SURELY_UNSET_KEY_VARIABLE")
        .hasMessageContaining("generate.openai.api_key_env");
  }
}
