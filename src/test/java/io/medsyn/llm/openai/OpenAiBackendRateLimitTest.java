package io.medsyn.llm.openai;

import static io.medsyn.llm.openai.Requests.note;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.medsyn.llm.Completion;
import io.medsyn.llm.FaultyOpenAiServer;
import io.medsyn.llm.FaultyOpenAiServer.Fault;
import io.medsyn.llm.FaultyOpenAiServer.LoggedRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Several backends, as several Spark tasks would run them, sharing one endpoint's limit. */
class OpenAiBackendRateLimitTest {
  private static final int PER_SECOND = 20;
  private static final int TASKS = 4;

  @Test
  void tasksGivenEqualSharesOfAPerSecondLimitUseItWithoutEverExceedingIt() throws Exception {
    try (FaultyOpenAiServer server = FaultyOpenAiServer.builder().latency(Duration.ofMillis(20))
        .rateLimit(PER_SECOND, Duration.ofSeconds(1)).start()) {
      OpenAiConfig config = OpenAiTestConfig.forServer(server.baseUrl(), "requests_per_second=" + PER_SECOND,
          "max_in_flight=16");
      double rate = run(config, 20, server);

      assertThat(server.count(Fault.OVER_LIMIT)).isZero();
      assertThat(server.maxRequestsIn(Duration.ofSeconds(1))).isEqualTo(PER_SECOND);
      // Each task spaces its 5 requests over 1.04 s: 0.96 of the limit (make bench measures it); the old pacing,
      // (k - 1) / k of the share, reached 0.73.
      assertThat(rate).isGreaterThan(PER_SECOND * 0.85);
    }
  }

  @Test
  void perSecondAndPerMinuteLimitsHoldTogetherFromTheFirstRequest() throws Exception {
    try (FaultyOpenAiServer server = FaultyOpenAiServer.builder().latency(Duration.ofMillis(20))
        .rateLimit(PER_SECOND, Duration.ofSeconds(1)).start()) {
      // 20/s and 900/min over a 2 s window (30 per 2 s): the per-minute limit is the stricter, 15/s.
      OpenAiConfig config = OpenAiTestConfig.forServer(server.baseUrl(), "requests_per_second=" + PER_SECOND,
          "requests_per_minute=900", "rate_window_seconds=2", "max_in_flight=16");
      double rate = run(config, 15, server);

      assertThat(server.count(Fault.OVER_LIMIT)).isZero();
      assertThat(server.maxRequestsIn(Duration.ofSeconds(1))).isLessThanOrEqualTo(16);
      assertThat(server.maxRequestsIn(Duration.ofSeconds(2))).isLessThanOrEqualTo(30);
      assertThat(rate).isGreaterThan(15 * 0.8);
    }
  }

  /**
   * {@code perTask} requests from each of {@link #TASKS} backends with share 1/TASKS; returns the rate the server
   * saw from first to last arrival (a cold JVM's first second is not the pacing's doing).
   */
  private static double run(OpenAiConfig config, int perTask, FaultyOpenAiServer server) throws Exception {
    List<OpenAiBackend> tasks = new ArrayList<>();
    List<CompletableFuture<Completion>> futures = new ArrayList<>();
    try {
      for (int t = 0; t < TASKS; t++) {
        tasks.add(new OpenAiBackend(config, 1.0 / TASKS, null));
      }
      // A cold JVM (class loading, the first connections) delays the first sends by more than the arrival margin
      // on a busy machine; one request per task, then a pause longer than any window, keeps that out of the count.
      List<CompletableFuture<Completion>> warm = new ArrayList<>();
      for (int t = 0; t < TASKS; t++) {
        warm.add(tasks.get(t).submit(note("warm-" + t, config)));
      }
      CompletableFuture.allOf(warm.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
      Thread.sleep(2_100);
      for (int i = 0; i < perTask; i++) {
        for (int t = 0; t < TASKS; t++) {
          futures.add(tasks.get(t).submit(note("task-" + t + "-" + i, config)));
        }
      }
      CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
    } finally {
      tasks.forEach(OpenAiBackend::close);
    }
    assertThat(futures).allMatch(future -> future.join().attempts() == 1);
    List<LoggedRequest> log = server.requestLog().stream().filter(r -> r.fingerprint().startsWith("task-"))
        .toList();
    assertThat(log).hasSize(perTask * TASKS);
    return (log.size() - 1) / ((log.get(log.size() - 1).receivedNanos() - log.get(0).receivedNanos()) / 1e9);
  }

  @Test
  void tokenLimitCountsPromptAndMaxTokensPerRequest() throws Exception {
    try (FaultyOpenAiServer server = FaultyOpenAiServer.builder().window(Duration.ofSeconds(1)).start()) {
      // 34 prompt tokens (as estimated) + 100 max tokens = 134 per request; 1340 per 1 s window allows 10.
      OpenAiConfig config = OpenAiTestConfig.forServer(server.baseUrl(), "max_tokens=100",
          "tokens_per_minute=" + 1340 * 60, "rate_window_seconds=1");
      List<CompletableFuture<Completion>> futures = new ArrayList<>();
      long start = System.nanoTime();
      try (OpenAiBackend backend = new OpenAiBackend(config, 1, null)) {
        for (int i = 0; i < 25; i++) {
          futures.add(backend.submit(note("fp-" + i, config)));
        }
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
      }
      double seconds = (System.nanoTime() - start) / 1e9;

      assertThat(server.requestLog().get(0).promptTokens()).isEqualTo(34);
      assertThat(server.maxRequestsInWindow()).isBetween(7, 10);
      assertThat(seconds).isGreaterThan(1.8);
    }
  }

  @Test
  void shareTooSmallToEnforceIsRefusedNamingTheKeys() {
    OpenAiConfig config = OpenAiTestConfig.forServer("http://127.0.0.1:9", "requests_per_minute=60");

    assertThatThrownBy(() -> new OpenAiBackend(config, 1.0 / 64, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("generate.openai.requests_per_minute=60")
        .hasMessageContaining("1/64")
        .hasMessageContaining("run fewer generate tasks");
    OpenAiConfig perSecond = OpenAiTestConfig.forServer("http://127.0.0.1:9", "requests_per_second=3");
    assertThatThrownBy(() -> new OpenAiBackend(perSecond, 1.0 / 4, null))
        .hasMessageContaining("generate.openai.requests_per_second=3")
        .hasMessageContaining("0.75 requests per 1.0 s window");
  }
}
