package io.medsyn.mkg;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/**
 * A vertex of the MKG. {@code code} is the ICD-10 code of a disease vertex (a 3-character category such as I11 or a
 * subcode such as I11.9) and null otherwise; {@code frequency} is a disease category's prior in (0, 1], or null.
 */
public record Vertex(String id, String type, String code, String nameRu, String nameEn, Double frequency,
    Map<String, String> attrs) implements Serializable {
  public Vertex {
    attrs = attrs == null ? Map.of() : Map.copyOf(new TreeMap<>(attrs));
  }

  /** The name in the wanted language, falling back to the other one. */
  public String name(String language) {
    String wanted = "en".equals(language) ? nameEn : nameRu;
    String other = "en".equals(language) ? nameRu : nameEn;
    return wanted == null || wanted.isBlank() ? other : wanted;
  }
}
