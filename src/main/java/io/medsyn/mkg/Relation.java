package io.medsyn.mkg;

import java.util.Arrays;
import java.util.List;

/**
 * The kinds of edge, each from a disease to one vertex type. The weight of an edge in (0, 1] says how typical the
 * fact is for the disease (for subcodes, sex and age: how often it is the one).
 */
public enum Relation {
  HAS_SUBCODE(VertexType.DISEASE),
  HAS_SYMPTOM(VertexType.SYMPTOM),
  HAS_ANAMNESIS(VertexType.ANAMNESIS),
  HAS_FINDING(VertexType.FINDING),
  TREATED_WITH(VertexType.DRUG),
  HAS_SEX(VertexType.SEX),
  HAS_AGE(VertexType.AGE);

  private final VertexType target;

  Relation(VertexType target) {
    this.target = target;
  }

  public VertexType target() {
    return target;
  }

  public String label() {
    return name().toLowerCase();
  }

  public static List<String> labels() {
    return Arrays.stream(values()).map(Relation::label).toList();
  }

  public static Relation fromLabel(String label) {
    return label == null ? null : Arrays.stream(values()).filter(r -> r.label().equals(label)).findFirst()
        .orElse(null);
  }
}
