package io.medsyn.llm.openai;

import static io.medsyn.llm.openai.Requests.completion;
import static io.medsyn.llm.openai.Requests.failure;
import static io.medsyn.llm.openai.Requests.note;
import static org.assertj.core.api.Assertions.assertThat;

import io.medsyn.llm.Completion;
import io.medsyn.llm.ErrorClass;
import io.medsyn.llm.FaultyOpenAiServer;
import io.medsyn.llm.FaultyOpenAiServer.Fault;
import io.medsyn.llm.GenerationException;
import io.medsyn.testing.LogCapture;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The API key reaches the endpoint and nothing else: not exceptions, not logs, not results. */
class ApiKeySecrecyTest {
  private static final String KEY = "sk-medsyn-FAKE-DO-NOT-LEAK-93c1f0a7b2";

  @Test
  void keyNeverAppearsInExceptionsLogsOrResultsEvenWhenTheServerEchoesIt() throws Exception {
    List<String> texts = new ArrayList<>();
    String logged;
    try (LogCapture log = LogCapture.of("io.medsyn.llm");
        FaultyOpenAiServer echoing = FaultyOpenAiServer.builder().apiKey(KEY).echoAuthorization(true)
            .script(Fault.SERVER_ERROR, Fault.BAD_REQUEST, Fault.RATE_LIMITED, Fault.NONE).retryAfterSeconds(0)
            .start();
        FaultyOpenAiServer refusing = FaultyOpenAiServer.builder().apiKey("sk-another-key").echoAuthorization(true)
            .start()) {
      OpenAiConfig config = OpenAiTestConfig.forServer(echoing.baseUrl(), "api_key_env=MEDSYN_TEST_KEY");
      try (OpenAiBackend backend = new OpenAiBackend(config, 1, KEY)) {
        GenerationException badRequest = failure(backend.submit(note("fp-1", config)));
        Completion completion = completion(backend.submit(note("fp-2", config)));
        assertThat(badRequest.errorClass()).isEqualTo(ErrorClass.BAD_REQUEST);
        // The server did quote the key; the backend masked it.
        assertThat(badRequest.getMessage()).contains("Authorization: Bearer ***");
        texts.add(badRequest.toString());
        texts.add(completion.toString());
        texts.add(backend.toString());
      }
      OpenAiConfig refused = OpenAiTestConfig.forServer(refusing.baseUrl(), "api_key_env=MEDSYN_TEST_KEY");
      try (OpenAiBackend backend = new OpenAiBackend(refused, 1, KEY)) {
        GenerationException auth = failure(backend.submit(note("fp-3", refused)));
        GenerationException notSent = failure(backend.submit(note("fp-4", refused)));
        assertThat(auth.errorClass()).isEqualTo(ErrorClass.AUTH);
        texts.add(auth.toString());
        texts.add(notSent.toString());
      }
      logged = log.text();
    }

    // What was captured is real: the retries (DEBUG) and the fatal refusal (ERROR) were logged.
    assertThat(logged).contains("retrying in", "refusing every further request");
    assertThat(texts).hasSize(5).noneMatch(text -> text.contains(KEY));
    assertThat(logged).doesNotContain(KEY).doesNotContain(KEY.substring(8));
    assertThat(String.join("\n", texts)).doesNotContain(KEY.substring(8));
  }
}
