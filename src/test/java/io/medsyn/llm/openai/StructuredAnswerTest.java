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
import org.junit.jupiter.api.Test;

/** {@code generate.openai.response_format: json_schema}: the schema asked for, the answer read, a break retried. */
class StructuredAnswerTest {
  @Test
  void theNoteAndItsSymptomsComeApartAndASchemaBreakIsRetriedLikeAMalformedBody() throws Exception {
    try (FaultyOpenAiServer server = FaultyOpenAiServer.builder()
        .script(Fault.SCHEMA_BREAK, Fault.NONE, Fault.SCHEMA_BREAK, Fault.SCHEMA_BREAK).start()) {
      OpenAiConfig config = OpenAiTestConfig.forServer(server.baseUrl(), "response_format=json_schema",
          "max_attempts=2", "max_in_flight=1");
      try (OpenAiBackend backend = new OpenAiBackend(config, 1, null)) {
        Completion note = completion(backend.submit(note("fp-1", config)));
        assertThat(note.attempts()).isEqualTo(2);
        assertThat(note.text()).startsWith("Patient reports ").doesNotContain("{");
        assertThat(note.symptomsUsed()).containsExactly("write", "note", "year", "with");

        GenerationException broken = failure(backend.submit(note("fp-2", config)));
        assertThat(broken.errorClass()).isEqualTo(ErrorClass.SCHEMA);
        assertThat(broken.attempts()).isEqualTo(2);
        assertThat(broken.getMessage()).contains("\"symptoms_used\" is not an array", "response_format");
      }
      // The request asked for the schema, strictly.
      var format = server.requestsFor("fp-1").get(0).body().path("response_format");
      assertThat(format.path("type").asText()).isEqualTo("json_schema");
      assertThat(format.path("json_schema").path("strict").asBoolean()).isTrue();
      assertThat(format.path("json_schema").path("schema").path("required")).extracting(n -> n.asText())
          .containsExactly("note", "symptoms_used");
    }
  }
}
