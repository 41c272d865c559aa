package io.medsyn.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.InjectableValues;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads {@link MedSynConfig}: the embedded defaults, then an optional YAML file, then {@code key=value} overrides,
 * each layer replacing the keys it names. Unknown keys and ill-typed values fail with the key's full name; a record
 * that rejects a value names the key relative to its section ({@code n}, not {@code sample.n}) and the loader puts
 * the section's path in front.
 */
public final class ConfigLoader {
  static final String DEFAULTS = "/medsyn-defaults.yaml";
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

  private ConfigLoader() {}

  public static MedSynConfig load(Path file, List<String> overrides) {
    ObjectNode tree = defaults();
    // Errors name the file the bad key came from; keys from --set carry their own "--set" in the message.
    String origin = null;
    if (file != null) {
      if (!Files.isRegularFile(file)) {
        throw new ConfigException("config file " + file + " does not exist or is not a file");
      }
      origin = file.toString();
      try {
        JsonNode user = YAML.readTree(file.toFile());
        if (user != null && !user.isMissingNode() && !user.isNull()) {
          if (!user.isObject()) {
            throw new ConfigException(file + ": expected a YAML mapping of keys at the top level");
          }
          merge(tree, (ObjectNode) user);
        }
      } catch (JsonProcessingException e) {
        throw new ConfigException(file + " is not valid YAML: " + e.getOriginalMessage(), e);
      } catch (IOException e) {
        throw new ConfigException("cannot read config file " + file + ": " + e.getMessage(), e);
      }
    }
    for (String override : overrides) {
      applyOverride(tree, override);
    }
    return bind(tree, origin);
  }

  public static MedSynConfig defaultConfig() {
    return load(null, List.of());
  }

  /** The embedded defaults, with each backend's section from its provider. */
  private static ObjectNode defaults() {
    try (InputStream in = ConfigLoader.class.getResourceAsStream(DEFAULTS)) {
      ObjectNode tree = (ObjectNode) YAML.readTree(in);
      ObjectNode generate = (ObjectNode) tree.get("generate");
      for (BackendSection backend : BackendSection.all()) {
        if (backend.defaults() != null) {
          generate.set(backend.name(), YAML.valueToTree(backend.defaults()));
        }
      }
      return tree;
    } catch (IOException e) {
      throw new IllegalStateException("embedded " + DEFAULTS + " is unreadable", e);
    }
  }

  /** Deep-merges {@code top} into {@code base}: mappings merge key by key, anything else replaces. */
  private static void merge(ObjectNode base, ObjectNode top) {
    top.fields().forEachRemaining(entry -> {
      JsonNode existing = base.get(entry.getKey());
      if (existing instanceof ObjectNode existingObject && entry.getValue() instanceof ObjectNode topObject
          && !topObject.isEmpty()) {
        merge(existingObject, topObject);
      } else {
        base.set(entry.getKey(), entry.getValue());
      }
    });
  }

  private static void applyOverride(ObjectNode tree, String override) {
    int eq = override.indexOf('=');
    if (eq <= 0) {
      throw new ConfigException("--set " + override + ": expected KEY=VALUE, e.g. --set sample.n=41000");
    }
    String key = override.substring(0, eq).trim();
    String raw = override.substring(eq + 1);
    JsonNode value;
    try {
      value = raw.isEmpty() ? YAML.getNodeFactory().textNode("") : YAML.readTree(raw);
    } catch (JsonProcessingException e) {
      value = YAML.getNodeFactory().textNode(raw);
    }
    if (value == null || value.isMissingNode()) {
      value = YAML.getNodeFactory().nullNode();
    }
    // spark.conf is the only free-form mapping: its keys contain dots themselves (spark.executor.memory).
    String freeFormPrefix = "spark.conf.";
    if (key.startsWith(freeFormPrefix) && key.length() > freeFormPrefix.length()) {
      ObjectNode conf = (ObjectNode) tree.get("spark").get("conf");
      conf.put(key.substring(freeFormPrefix.length()), value.isValueNode() ? value.asText() : value.toString());
      return;
    }
    String[] parts = key.split("\\.");
    ObjectNode node = tree;
    for (int i = 0; i < parts.length - 1; i++) {
      JsonNode child = node.get(parts[i]);
      if (!(child instanceof ObjectNode)) {
        throw new ConfigException("--set " + key + ": unknown key '" + String.join(".", List.of(parts).subList(0,
            i + 1)) + "'" + known(node));
      }
      node = (ObjectNode) child;
    }
    String leaf = parts[parts.length - 1];
    if (!node.has(leaf)) {
      throw new ConfigException("--set " + key + ": unknown key" + known(node));
    }
    if (value instanceof ObjectNode valueObject && node.get(leaf) instanceof ObjectNode existing) {
      merge(existing, valueObject);
    } else {
      node.set(leaf, value);
    }
  }

  private static String known(ObjectNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return "; known keys here: " + String.join(", ", names);
  }

  /**
   * Binds the tree; each registered backend's own section ({@code generate.NAME}) is taken out and bound to the
   * record its {@link BackendSection} names first, so that config names no backend.
   */
  private static MedSynConfig bind(ObjectNode tree, String file) {
    Map<String, Serializable> sections = new LinkedHashMap<>();
    if (tree.get("generate") instanceof ObjectNode generate) {
      for (BackendSection backend : BackendSection.all()) {
        if (backend.defaults() != null && generate.has(backend.name())) {
          String key = "generate." + backend.name();
          sections.put(backend.name(), bind(generate.remove(backend.name()), backend.defaults().getClass(), file,
              key));
        }
      }
    }
    InjectableValues injected = new InjectableValues.Std().addValue(GenerateConfig.BACKEND_SECTIONS, sections);
    return bind(YAML.readerFor(MedSynConfig.class).with(injected), tree, file, "");
  }

  private static <T> T bind(JsonNode tree, Class<T> type, String file, String prefix) {
    return bind(YAML.readerFor(type), tree, file, prefix);
  }

  /** Binds {@code tree}, found at key {@code prefix}; a failure names the key in full and the file it came from. */
  private static <T> T bind(ObjectReader reader, JsonNode tree, String file, String prefix) {
    String origin = file == null ? "configuration" : file;
    try {
      return reader.readValue(tree);
    } catch (UnrecognizedPropertyException e) {
      String known = e.getKnownPropertyIds() == null ? "" : e.getKnownPropertyIds().stream().map(String::valueOf)
          .sorted().collect(Collectors.joining(", "));
      throw new ConfigException(origin + ": unknown key '" + path(prefix, e, e.getPropertyName())
          + "'; known keys there: " + known, e);
    } catch (InvalidFormatException e) {
      throw new ConfigException(origin + ": key '" + path(prefix, e, null) + "' expects "
          + typeName(e.getTargetType()) + ", got '" + e.getValue() + "'", e);
    } catch (MismatchedInputException e) {
      throw new ConfigException(origin + ": key '" + path(prefix, e, null) + "' expects "
          + typeName(e.getTargetType()) + ": " + e.getOriginalMessage(), e);
    } catch (JsonMappingException e) {
      Throwable cause = e.getCause();
      if (cause instanceof ConfigException ce) {
        // A record names its keys relative to its own section; the loader knows where that section is.
        String where = path(prefix, e, null);
        String message = where.isEmpty() || ce.getMessage().startsWith(where + ".") ? ce.getMessage()
            : where + "." + ce.getMessage();
        throw new ConfigException(file == null ? message : file + ": " + message, ce);
      }
      throw new ConfigException(origin + ": " + e.getOriginalMessage(), e);
    } catch (JsonProcessingException e) {
      throw new ConfigException(origin + ": " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new ConfigException(origin + ": " + e.getMessage(), e);
    }
  }

  private static String path(String prefix, JsonMappingException e, String leaf) {
    String joined = e.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining("."));
    String relative = joined.isEmpty() && leaf != null ? leaf : joined;
    return prefix.isEmpty() ? relative : relative.isEmpty() ? prefix : prefix + "." + relative;
  }

  private static String typeName(Class<?> type) {
    if (type == null) {
      return "a value";
    }
    Map<Class<?>, String> names = Map.of(int.class, "an integer", Integer.class, "an integer", long.class,
        "an integer", Long.class, "an integer", double.class, "a number", Double.class, "a number",
        String.class, "a string", List.class, "a list", boolean.class, "true or false");
    return names.getOrDefault(type, "a " + type.getSimpleName() + " section");
  }
}
