package io.medsyn.llm.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.medsyn.config.ConfigException;
import io.medsyn.llm.GenerationParams;
import org.junit.jupiter.api.Test;

class OpenAiConfigTest {
  @Test
  void defaultsAreValidAndGiveTheRequestParameters() {
    OpenAiConfig config = OpenAiConfig.defaults();

    assertThat(config.chatCompletionsUrl()).isEqualTo("https://api.openai.com/v1/chat/completions");
    assertThat(config.params()).isEqualTo(new GenerationParams("gpt-4o-mini", 0.7, 1024, null));
    assertThat(config.cost(2000, 1000)).isCloseTo(0.0009, within(1e-12));
  }

  /** The {@code generate.openai} section with its defaults, as medsyn-defaults.yaml is to carry it. */
  private static final String DEFAULTS_YAML = """
      base_url: https://api.openai.com
      model: gpt-4o-mini
      api_key_env: OPENAI_API_KEY
      temperature: 0.7
      max_tokens: 1024
      seed: null
      connect_timeout_seconds: 10
      read_timeout_seconds: 120
      call_timeout_seconds: 180
      requests_per_second: 0
      requests_per_minute: 500
      tokens_per_minute: 200000
      rate_window_seconds: 60
      max_in_flight: 32
      max_attempts: 6
      backoff_base_ms: 500
      backoff_max_ms: 30000
      retry_after_max_seconds: 120
      circuit_failure_rate_percent: 50
      circuit_window_size: 50
      circuit_open_seconds: 30
      price_prompt_per_thousand: 0.00015
      price_completion_per_thousand: 0.0006
      response_format: text
      """;

  @Test
  void yamlKeysBindAsTheConfigLoaderBindsThem() throws Exception {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
        .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    assertThat(yaml.readValue(DEFAULTS_YAML, OpenAiConfig.class)).isEqualTo(OpenAiConfig.defaults());
  }

  @Test
  void trailingSlashesOfTheBaseUrlAreDropped() {
    assertThat(OpenAiTestConfig.forServer("http://127.0.0.1:8000/openai//").chatCompletionsUrl())
        .isEqualTo("http://127.0.0.1:8000/openai/v1/chat/completions");
  }

  @Test
  void badValuesNameTheirFullKey() {
    assertThatThrownBy(() -> OpenAiTestConfig.forServer("ftp://host"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("generate.openai.base_url: expected an http(s) URL");
    assertThatThrownBy(() -> OpenAiTestConfig.forServer("http://h", "temperature=2.5"))
        .hasMessage("generate.openai.temperature: expected a number in [0, 2], got 2.5");
    assertThatThrownBy(() -> OpenAiTestConfig.forServer("http://h", "response_format=json"))
        .hasMessage("generate.openai.response_format: expected text or json_schema, got json");
    assertThatThrownBy(() -> OpenAiTestConfig.forServer("http://h", "backoff_base_ms=500", "backoff_max_ms=100"))
        .hasMessageStartingWith("generate.openai.backoff_max_ms: expected an integer >= "
            + "generate.openai.backoff_base_ms");
    assertThatThrownBy(() -> OpenAiTestConfig.forServer("http://h", "circuit_failure_rate_percent=0"))
        .hasMessageStartingWith("generate.openai.circuit_failure_rate_percent");
    assertThatThrownBy(() -> OpenAiTestConfig.forServer("http://h", "call_timeout_seconds=0"))
        .hasMessageStartingWith("generate.openai.call_timeout_seconds");
    assertThatThrownBy(() -> OpenAiTestConfig.forServer("http://h", "requests_per_minute=-1"))
        .hasMessageStartingWith("generate.openai.requests_per_minute");
  }

  @Test
  void aKeyPutWhereItsVariableNameBelongsIsRefusedWithoutBeingRepeated() {
    String key = "sk-proj-AbCdEf0123456789xyzXYZ";

    assertThatThrownBy(() -> OpenAiTestConfig.forServer("http://h", "api_key_env=" + key))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("generate.openai.api_key_env")
        .hasMessageContaining("NAME of an environment variable")
        .hasMessageNotContaining(key);
    assertThatThrownBy(() -> OpenAiTestConfig.forServer("https://user:secret-pass@h"))
        .isInstanceOf(ConfigException.class)
        .hasMessageNotContaining("secret-pass");
  }
}
