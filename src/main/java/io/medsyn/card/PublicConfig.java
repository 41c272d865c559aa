package io.medsyn.card;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.medsyn.config.MedSynConfig;
import io.medsyn.config.SecretKeys;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The configuration as a card publishes it: every key with its value, in the YAML keys a user writes, except
 * values that may be secrets. The configuration holds no API key (only the name of the variable that does) and
 * refuses URLs with credentials, but a user may put credentials into {@code spark.conf} (S3 keys, tokens).
 */
public final class PublicConfig {
  static final String REDACTED = "<redacted>";
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
  /**
   * Environment variables handed through Spark's configuration (spark.executorEnv.NAME, spark.yarn.appMasterEnv.NAME,
   * spark.kubernetes.driverEnv.NAME): that is how a cluster user passes an LLM key, whatever the variable's name.
   * Only a published card hides them all; Spark's UI keeps showing them, except the one {@code api_key_env} names.
   */
  private static final Pattern ENVIRONMENT = Pattern.compile("(?i).*env\\.[^.]+$");

  private PublicConfig() {}

  public static Map<String, Object> of(MedSynConfig config) {
    Map<String, Object> tree = MAPPER.convertValue(config, new TypeReference<LinkedHashMap<String, Object>>() {});
    return clean(tree);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> clean(Map<String, Object> map) {
    Map<String, Object> out = new LinkedHashMap<>();
    map.forEach((key, value) -> {
      boolean secret = SecretKeys.isSecret(key) || ENVIRONMENT.matcher(key).matches();
      out.put(key, secret && value != null ? REDACTED
          : value instanceof Map<?, ?> m ? clean((Map<String, Object>) m) : value);
    });
    return out;
  }
}
