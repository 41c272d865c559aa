package io.medsyn.llm.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

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

  @Test
  void trailingSlashesOfTheBaseUrlAreDropped() {
    assertThat(OpenAiConfigBuilder.forServer("http://127.0.0.1:8000/openai//").build().chatCompletionsUrl())
        .isEqualTo("http://127.0.0.1:8000/openai/v1/chat/completions");
  }

  @Test
  void badValuesNameTheirFullKey() {
    assertThatThrownBy(() -> OpenAiConfigBuilder.forServer("ftp://host").build())
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("generate.openai.base_url: expected an http(s) URL");
    assertThatThrownBy(() -> OpenAiConfigBuilder.forServer("http://h").temperature(2.5).build())
        .hasMessage("generate.openai.temperature: expected a number in [0, 2], got 2.5");
    assertThatThrownBy(() -> OpenAiConfigBuilder.forServer("http://h").backoffBaseMs(500).backoffMaxMs(100).build())
        .hasMessageStartingWith("generate.openai.backoff_max_ms: expected an integer >= "
            + "generate.openai.backoff_base_ms");
    assertThatThrownBy(() -> OpenAiConfigBuilder.forServer("http://h").circuitFailureRatePercent(0).build())
        .hasMessageStartingWith("generate.openai.circuit_failure_rate_percent");
    assertThatThrownBy(() -> OpenAiConfigBuilder.forServer("http://h").callTimeoutSeconds(0).build())
        .hasMessageStartingWith("generate.openai.call_timeout_seconds");
    assertThatThrownBy(() -> OpenAiConfigBuilder.forServer("http://h").requestsPerMinute(-1).build())
        .hasMessageStartingWith("generate.openai.requests_per_minute");
  }

  @Test
  void aKeyPutWhereItsVariableNameBelongsIsRefusedWithoutBeingRepeated() {
    String key = "sk-proj-AbCdEf0123456789xyzXYZ";

    assertThatThrownBy(() -> OpenAiConfigBuilder.forServer("http://h").apiKeyEnv(key).build())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("generate.openai.api_key_env")
        .hasMessageContaining("NAME of an environment variable")
        .hasMessageNotContaining(key);
    assertThatThrownBy(() -> OpenAiConfigBuilder.forServer("https://user:secret-pass@h").build())
        .isInstanceOf(ConfigException.class)
        .hasMessageNotContaining("secret-pass");
  }
}
