package io.medsyn.llm.openai;

import io.medsyn.config.ConfigLoader;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code generate.openai} for tests, built by the config loader as {@code --set} builds it on the command line:
 * the shipped defaults, aimed at a local server, then the keys a test names. Validation and its messages are the
 * loader's and the record's.
 */
public final class OpenAiTestConfig {
  /** What a test against a local server wants: fast timeouts and backoffs, no rate limits, no key variable. */
  private static final List<String> LOCAL = List.of("api_key_env=", "connect_timeout_seconds=2",
      "read_timeout_seconds=5", "call_timeout_seconds=5", "requests_per_second=0", "requests_per_minute=0",
      "tokens_per_minute=0", "backoff_base_ms=10", "backoff_max_ms=200");

  private OpenAiTestConfig() {}

  /**
   * @param overrides {@code key=value} of keys under {@code generate.openai}, e.g. {@code max_attempts=3}
   */
  public static OpenAiConfig forServer(String baseUrl, String... overrides) {
    List<String> keys = new ArrayList<>();
    keys.add("base_url=" + baseUrl);
    keys.addAll(LOCAL);
    keys.addAll(List.of(overrides));
    return ConfigLoader.load(null, keys.stream().map(key -> "generate.openai." + key).toList()).generate()
        .section(new OpenAiProvider().name(), OpenAiConfig.class);
  }
}
