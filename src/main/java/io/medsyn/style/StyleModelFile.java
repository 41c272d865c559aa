package io.medsyn.style;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** A style model as a JSON document (snake_case keys), the form a run writes beside its tables and reuses. */
public final class StyleModelFile {
  private static final ObjectMapper JSON = new ObjectMapper()
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private StyleModelFile() {}

  public static byte[] toJson(StyleModel model) {
    try {
      return JSON.writeValueAsBytes(model);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write the style model as JSON", e);
    }
  }

  /** @param where the file's path, for the message */
  public static StyleModel fromJson(byte[] json, String where) {
    StyleModel model;
    try {
      model = JSON.readValue(new String(json, StandardCharsets.UTF_8), StyleModel.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("style.path: " + where + " is not a style model (" + e.getOriginalMessage()
          + "); point style.path at the style/model.json an earlier run wrote");
    }
    if (model.version() != StyleModel.VERSION) {
      throw new IllegalArgumentException("style.path: " + where + " is a version " + model.version()
          + " style model, this build reads version " + StyleModel.VERSION + "; learn it again (style.path=null)");
    }
    return model;
  }
}
