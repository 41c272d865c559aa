package io.medsyn.llm.openai;

import static io.medsyn.llm.openai.Requests.note;
import static org.assertj.core.api.Assertions.assertThat;

import io.medsyn.llm.Completion;
import io.medsyn.llm.ErrorClass;
import io.medsyn.llm.FaultyOpenAiServer;
import io.medsyn.llm.FaultyOpenAiServer.Fault;
import io.medsyn.llm.FaultyOpenAiServer.LoggedRequest;
import io.medsyn.llm.GenerationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Many requests at once against an endpoint that fails a fifth of them in every way it can. */
class OpenAiBackendFaultsTest {
  private static final int REQUESTS = 300;
  /** The class a request must end with when its last attempt got this answer. */
  private static final Map<Fault, ErrorClass> CLASS_OF_LAST_ANSWER = Map.of(
      Fault.RATE_LIMITED, ErrorClass.RATE_LIMITED,
      Fault.SERVER_ERROR, ErrorClass.SERVER,
      Fault.UNAVAILABLE, ErrorClass.SERVER,
      Fault.TIMEOUT, ErrorClass.TIMEOUT,
      Fault.MALFORMED, ErrorClass.MALFORMED,
      Fault.TRUNCATED, ErrorClass.TRUNCATED,
      Fault.EMPTY, ErrorClass.EMPTY);

  @Test
  void everyRequestEndsWithItsNoteOrTheClassOfItsLastAnswer() throws Exception {
    try (FaultyOpenAiServer server = FaultyOpenAiServer.builder()
        .latency(Duration.ofMillis(5))
        .fault(Fault.RATE_LIMITED, 0.03).fault(Fault.SERVER_ERROR, 0.03).fault(Fault.UNAVAILABLE, 0.03)
        .fault(Fault.TIMEOUT, 0.03).fault(Fault.MALFORMED, 0.03).fault(Fault.TRUNCATED, 0.03)
        .fault(Fault.EMPTY, 0.02)
        .retryAfterSeconds(0).seed(7).start()) {
      OpenAiConfig config = OpenAiTestConfig.forServer(server.baseUrl(), "max_attempts=3", "max_in_flight=32",
          "call_timeout_seconds=1");
      List<CompletableFuture<Completion>> futures = new ArrayList<>();
      try (OpenAiBackend backend = new OpenAiBackend(config, 1, "sk-medsyn-FAKE-mixed")) {
        for (int i = 0; i < REQUESTS; i++) {
          futures.add(backend.submit(note("fp-" + i, config)));
        }
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).handle((done, error) -> null)
            .get(60, TimeUnit.SECONDS);
      }

      int ok = 0;
      int failed = 0;
      int attempts = 0;
      for (int i = 0; i < REQUESTS; i++) {
        // An attempt that timed out on a busy machine may have been dropped before the server logged it.
        List<LoggedRequest> seen = server.requestsFor("fp-" + i);
        Fault last = seen.isEmpty() ? Fault.TIMEOUT : seen.get(seen.size() - 1).fault();
        try {
          Completion completion = futures.get(i).get();
          assertThat(last).isEqualTo(Fault.NONE);
          assertThat(completion.attempts()).isBetween(seen.size(), 3);
          assertThat(completion.text()).contains("hypertension");
          attempts += completion.attempts();
          ok++;
        } catch (ExecutionException e) {
          assertThat(e.getCause()).isInstanceOf(GenerationException.class);
          GenerationException error = (GenerationException) e.getCause();
          if (error.errorClass() != ErrorClass.TIMEOUT) {
            assertThat(error.errorClass()).as("fp-%d after %s", i, seen).isEqualTo(CLASS_OF_LAST_ANSWER.get(last));
          }
          assertThat(error.attempts()).isBetween(Math.max(1, seen.size()), 3);
          attempts += error.attempts();
          failed++;
        }
      }
      assertThat(ok + failed).isEqualTo(REQUESTS);
      // Three attempts at a 20 % fault rate leave about 1 % failed (a truncation is retried only once: 0.1 %).
      assertThat(failed).isLessThanOrEqualTo(12);
      assertThat(server.requestCount()).isLessThanOrEqualTo(attempts).isGreaterThan(REQUESTS + 40);
      assertThat(server.count(Fault.TIMEOUT)).isGreaterThan(3);
    }
  }
}
