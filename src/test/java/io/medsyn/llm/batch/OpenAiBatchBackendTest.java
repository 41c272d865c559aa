package io.medsyn.llm.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.medsyn.llm.ChatMessage;
import io.medsyn.llm.Completion;
import io.medsyn.llm.DeferredResults;
import io.medsyn.llm.ErrorClass;
import io.medsyn.llm.FaultyBatchServer;
import io.medsyn.llm.GenerationException;
import io.medsyn.llm.NoteRequest;
import io.medsyn.llm.openai.OpenAiConfig;
import io.medsyn.llm.openai.OpenAiTestConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The batch backend on its own, without Spark: the key, structured answers, prices. */
class OpenAiBatchBackendTest {
  private static final String KEY = "sk-medsyn-FAKE-batch-0123456789";
  private static final BatchSettings FAST = new BatchSettings(10, 1 << 20, 0, 2, 0.02, 0.1, "24h", 0.5);

  @TempDir
  Path dir;

  /** What the backend reported, in order. */
  private static final class Collected implements DeferredResults {
    final Map<String, Completion> ok = new LinkedHashMap<>();
    final Map<String, GenerationException> failed = new LinkedHashMap<>();
    int persisted;

    @Override
    public void ok(NoteRequest request, Completion completion, long sentAtMs) {
      ok.put(request.fingerprint(), completion);
    }

    @Override
    public void failed(NoteRequest request, GenerationException error, long sentAtMs) {
      failed.put(request.fingerprint(), error);
    }

    @Override
    public void persist() {
      persisted++;
    }

    @Override
    public boolean budgetSpent() {
      return false;
    }
  }

  private static List<NoteRequest> requests(OpenAiConfig config, int n) {
    List<NoteRequest> requests = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      requests.add(new NoteRequest("fp-" + i, List.of(new ChatMessage("user",
          "Write the note of a patient with headache, dizziness and palpitations, case " + i + ".")),
          config.params(), null));
    }
    return requests;
  }

  private OpenAiBatchBackend backend(OpenAiConfig config, String key) {
    return new OpenAiBatchBackend(config, FAST, key, new Configuration(), dir.resolve("batches").toString(),
        "run-1");
  }

  @Test
  void aRefusedKeyStopsAtOnceAndIsNeverQuoted() {
    try (FaultyBatchServer server = FaultyBatchServer.builder().apiKey(KEY).start()) {
      OpenAiConfig config = OpenAiTestConfig.forServer(server.baseUrl(), "api_key_env=MEDSYN_TEST_KEY");
      BatchApiException refused;
      try (OpenAiBatchBackend backend = backend(config, KEY + "-wrong")) {
        refused = catchThrowableOfType(BatchApiException.class,
            () -> backend.run(requests(config, 3), new Collected()));
      }
      assertThat(refused.errorClass()).isEqualTo(ErrorClass.AUTH);
      assertThat(refused.getMessage()).contains("HTTP 401", "MEDSYN_TEST_KEY").doesNotContain(KEY);
      assertThat(server.refusedCalls()).as("a 401 is not retried").isEqualTo(1);
      assertThat(server.batchCount()).isZero();
    }
  }

  @Test
  void structuredAnswersComeBackAtTheBatchPrice() {
    try (FaultyBatchServer server = FaultyBatchServer.builder().apiKey(KEY).start()) {
      OpenAiConfig config = OpenAiTestConfig.forServer(server.baseUrl(), "response_format=json_schema");
      Collected results = new Collected();
      try (OpenAiBatchBackend backend = backend(config, KEY)) {
        backend.run(requests(config, 12), results);
        assertThat(backend.outstanding()).as("every batch ended").isEmpty();
      }
      assertThat(results.failed).isEmpty();
      assertThat(results.ok).hasSize(12);
      assertThat(server.batchCount()).as("10 requests per batch").isEqualTo(2);
      assertThat(results.persisted).isEqualTo(2);
      Completion first = results.ok.get("fp-0");
      assertThat(first.text()).startsWith("Patient reports ");
      assertThat(first.symptomsUsed()).containsExactly("write", "note", "patient", "with");
      assertThat(first.costUsd()).isCloseTo(config.cost(first.promptTokens(), first.completionTokens()) / 2,
          org.assertj.core.data.Offset.offset(1e-12));
      assertThat(first.costUsd()).isPositive();
    }
  }
}
