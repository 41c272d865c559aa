package io.medsyn.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.medsyn.llm.FaultyOpenAiServer.Fault;
import io.medsyn.llm.FaultyOpenAiServer.LoggedRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The test endpoint itself, spoken to with the JDK's client so that no backend code is involved. */
class FaultyOpenAiServerTest {
  private static final String CHAT = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":"
      + "\"Fever and productive cough for three days\"}]}";
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient client = HttpClient.newHttpClient();

  @Test
  void answersANoteInThePromptsWordsWithUsage() throws Exception {
    try (FaultyOpenAiServer server = FaultyOpenAiServer.builder().start()) {
      HttpResponse<String> response = post(server, CHAT, "fp-a", null);

      JsonNode body = JSON.readTree(response.body());
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(body.at("/choices/0/message/content").asText())
          .isEqualTo("Patient reports fever, productive, cough. On examination: three, days. Plan: follow-up in "
              + "two weeks.");
      assertThat(body.at("/choices/0/finish_reason").asText()).isEqualTo("stop");
      assertThat(body.at("/usage/prompt_tokens").asInt()).isEqualTo(11);
      assertThat(body.at("/usage/completion_tokens").asInt()).isEqualTo(server.requestLog().get(0)
          .completionTokens()).isEqualTo(body.at("/choices/0/message/content").asText().length() / 4 + 1);
      assertThat(server.requestLog()).extracting(LoggedRequest::fingerprint).containsExactly("fp-a");
    }
  }

  @Test
  void scriptComesFirstThenTheSeededDrawsAndBadBodiesAre400() throws Exception {
    try (FaultyOpenAiServer server = FaultyOpenAiServer.builder().script(Fault.UNAVAILABLE, Fault.TRUNCATED)
        .fault(Fault.SERVER_ERROR, 0.5).seed(3).retryAfterSeconds(4).start()) {
      HttpResponse<String> unavailable = post(server, CHAT, "1", null);
      HttpResponse<String> truncated = post(server, CHAT, "2", null);
      HttpResponse<String> notChat = post(server, "{\"model\":\"m\"}", "3", null);
      for (int i = 0; i < 100; i++) {
        post(server, CHAT, "draw-" + i, null);
      }

      assertThat(unavailable.statusCode()).isEqualTo(503);
      assertThat(unavailable.headers().firstValue("Retry-After")).contains("4");
      assertThat(JSON.readTree(truncated.body()).at("/choices/0/finish_reason").asText()).isEqualTo("length");
      assertThat(notChat.statusCode()).isEqualTo(400);
      assertThat(server.count(Fault.SERVER_ERROR)).isBetween(35L, 65L);
      assertThat(server.count(Fault.NONE)).isEqualTo(100 - server.count(Fault.SERVER_ERROR));
    }
  }

  @Test
  void enforcesItsLimitPerSlidingWindowAndMeasuresEveryArrival() throws Exception {
    try (FaultyOpenAiServer server = FaultyOpenAiServer.builder().rateLimit(10, Duration.ofSeconds(1)).start()) {
      List<Integer> statuses = new ArrayList<>();
      HttpResponse<String> overLimit = null;
      for (int i = 0; i < 15; i++) {
        HttpResponse<String> response = post(server, CHAT, "fp-" + i, null);
        statuses.add(response.statusCode());
        overLimit = response.statusCode() == 429 ? response : overLimit;
      }
      Thread.sleep(1100);
      HttpResponse<String> later = post(server, CHAT, "later", null);

      assertThat(statuses.subList(0, 10)).containsOnly(200);
      assertThat(statuses.subList(10, 15)).containsOnly(429);
      assertThat(Long.parseLong(overLimit.headers().firstValue("retry-after-ms").orElseThrow()))
          .isBetween(1L, 1000L);
      assertThat(overLimit.headers().firstValue("Retry-After")).contains("1");
      assertThat(later.statusCode()).isEqualTo(200);
      assertThat(server.count(Fault.OVER_LIMIT)).isEqualTo(5);
      assertThat(server.maxRequestsInWindow()).isEqualTo(15);
    }
  }

  @Test
  void requiredKeyIsCheckedAndEchoedOnlyWhenAskedTo() throws Exception {
    try (FaultyOpenAiServer server = FaultyOpenAiServer.builder().apiKey("sk-right").echoAuthorization(true)
        .start()) {
      HttpResponse<String> wrong = post(server, CHAT, "1", "sk-wrong");
      HttpResponse<String> right = post(server, CHAT, "2", "sk-right");

      assertThat(wrong.statusCode()).isEqualTo(401);
      assertThat(wrong.body()).contains("Bearer sk-wrong");
      assertThat(right.statusCode()).isEqualTo(200);
    }
  }

  @Test
  void hangingRequestIsNotAnsweredBeforeItsTime() throws Exception {
    try (FaultyOpenAiServer server = FaultyOpenAiServer.builder().script(Fault.TIMEOUT)
        .hang(Duration.ofMillis(400)).latency(Duration.ofMillis(50)).start()) {
      long start = System.nanoTime();
      HttpResponse<String> hung = post(server, CHAT, "1", null);
      long hungMs = (System.nanoTime() - start) / 1_000_000;
      start = System.nanoTime();
      HttpResponse<String> normal = post(server, CHAT, "2", null);
      long normalMs = (System.nanoTime() - start) / 1_000_000;

      assertThat(hung.statusCode()).isEqualTo(504);
      assertThat(hungMs).isBetween(400L, 2000L);
      assertThat(normal.statusCode()).isEqualTo(200);
      assertThat(normalMs).isBetween(50L, 390L);
      assertThat(server.requestLog()).extracting(LoggedRequest::status).containsExactly(0, 200);
    }
  }

  private HttpResponse<String> post(FaultyOpenAiServer server, String body, String fingerprint, String key)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/v1/chat/completions"))
        .header(FaultyOpenAiServer.FINGERPRINT_HEADER, fingerprint)
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (key != null) {
      request.header("Authorization", "Bearer " + key);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
