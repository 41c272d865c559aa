package io.medsyn.llm.openai;

import static io.medsyn.llm.openai.Requests.note;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.medsyn.llm.Completion;
import io.medsyn.llm.FaultyOpenAiServer;
import io.medsyn.llm.FaultyOpenAiServer.Fault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Several backends, as several Spark tasks would run them, sharing one endpoint's limit. */
class OpenAiBackendRateLimitTest {
  private static final int LIMIT = 40;
  private static final int TASKS = 4;

  @Test
  void tasksGivenEqualSharesKeepTheEndpointWithinItsLimit() throws Exception {
    try (FaultyOpenAiServer server = FaultyOpenAiServer.builder().latency(Duration.ofMillis(20))
        .rateLimit(LIMIT, Duration.ofSeconds(1)).start()) {
      // 40 per 1 s window, stated per minute as the configuration does.
      OpenAiConfig config = OpenAiConfigBuilder.forServer(server.baseUrl()).requestsPerMinute(LIMIT * 60)
          .rateWindowSeconds(1).maxInFlight(16).build();
      List<OpenAiBackend> tasks = new ArrayList<>();
      List<CompletableFuture<Completion>> futures = new ArrayList<>();
      long start = System.nanoTime();
      try {
        for (int t = 0; t < TASKS; t++) {
          tasks.add(new OpenAiBackend(config, 1.0 / TASKS, null));
        }
        for (int i = 0; i < 28; i++) {
          for (int t = 0; t < TASKS; t++) {
            futures.add(tasks.get(t).submit(note("task-" + t + "-" + i, config)));
          }
        }
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
      } finally {
        tasks.forEach(OpenAiBackend::close);
      }
      double seconds = (System.nanoTime() - start) / 1e9;

      assertThat(futures).allMatch(future -> future.join().attempts() == 1);
      assertThat(server.count(Fault.OVER_LIMIT)).isZero();
      assertThat(server.maxRequestsInWindow()).isLessThanOrEqualTo(LIMIT);
      // Each task keeps (10 - 1) / 10 of its share: the window is used, not merely respected.
      assertThat(server.maxRequestsInWindow()).isGreaterThanOrEqualTo(LIMIT * 3 / 4);
      assertThat(futures.size() / seconds).isGreaterThan(LIMIT * 0.75);
    }
  }

  @Test
  void tokenLimitCountsPromptAndMaxTokensPerRequest() throws Exception {
    try (FaultyOpenAiServer server = FaultyOpenAiServer.builder().window(Duration.ofSeconds(1)).start()) {
      // 34 prompt tokens (as estimated) + 100 max tokens = 134 per request; 1340 per 1 s window allows 10.
      OpenAiConfig config = OpenAiConfigBuilder.forServer(server.baseUrl()).maxTokens(100)
          .tokensPerMinute(1340 * 60).rateWindowSeconds(1).build();
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
    OpenAiConfig config = OpenAiConfigBuilder.forServer("http://127.0.0.1:9").requestsPerMinute(60).build();

    assertThatThrownBy(() -> new OpenAiBackend(config, 1.0 / 64, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("generate.openai.requests_per_minute=60")
        .hasMessageContaining("1/64")
        .hasMessageContaining("run fewer generate tasks");
  }
}
