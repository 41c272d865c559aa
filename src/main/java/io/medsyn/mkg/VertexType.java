package io.medsyn.mkg;

import java.util.Arrays;
import java.util.List;

/** The kinds of vertex in the medical knowledge graph, as they are spelled in its {@code type} column. */
public enum VertexType {
  DISEASE, SYMPTOM, ANAMNESIS, FINDING, DRUG, SEX, AGE;

  public String label() {
    return name().toLowerCase();
  }

  public static List<String> labels() {
    return Arrays.stream(values()).map(VertexType::label).toList();
  }

  /** The type spelled {@code label}, or null when there is none. */
  public static VertexType fromLabel(String label) {
    return label == null ? null : Arrays.stream(values()).filter(t -> t.label().equals(label)).findFirst()
        .orElse(null);
  }
}
