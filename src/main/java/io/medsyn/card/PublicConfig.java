package io.medsyn.card;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.medsyn.config.MedSynConfig;
import io.medsyn.config.SecretKeys;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The configuration as a card publishes it: every key with its value, in the YAML keys a user writes, except
 * values that may be secrets. The configuration holds no API key (only the name of the variable that does) and
 * refuses URLs with credentials, but a user may put credentials into {@code spark.conf} (S3 keys, tokens).
 */
public final class PublicConfig {
  static final String REDACTED = "<redacted>";
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

  private PublicConfig() {}

  public static Map<String, Object> of(MedSynConfig config) {
    Map<String, Object> tree = MAPPER.convertValue(config, new TypeReference<LinkedHashMap<String, Object>>() {});
    return clean(tree);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> clean(Map<String, Object> map) {
    Map<String, Object> out = new LinkedHashMap<>();
    map.forEach((key, value) -> out.put(key, SecretKeys.isSecret(key) && value != null ? REDACTED
        : value instanceof Map<?, ?> m ? clean((Map<String, Object>) m) : value));
    return out;
  }
}
