package io.medsyn.mkg;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a graph read from files before anything uses it, and stops at the first problem with one message that
 * names the file, the line and the value: duplicate ids, unknown types, empty names, malformed ICD-10 codes, edges
 * whose endpoints do not exist or do not fit the relation, weights outside (0, 1].
 */
public final class GraphValidator {
  private GraphValidator() {}

  public static KnowledgeGraph validate(List<Sourced<Vertex>> vertices, List<Sourced<Edge>> edges) {
    Map<String, Sourced<Vertex>> byId = new HashMap<>();
    for (Sourced<Vertex> sv : vertices) {
      Vertex v = sv.value();
      String at = sv.origin();
      fail(v.id() == null || v.id().isBlank(), at, "empty vertex id");
      Sourced<Vertex> first = byId.putIfAbsent(v.id(), sv);
      fail(first != null, at, "duplicate vertex id '" + v.id() + "' (first defined at "
          + (first == null ? "" : first.origin()) + ")");
      VertexType type = VertexType.fromLabel(v.type());
      fail(type == null, at, "vertex '" + v.id() + "' has unknown type '" + v.type() + "'; expected one of "
          + VertexType.labels());
      fail(blank(v.nameRu()) && blank(v.nameEn()), at, "vertex '" + v.id()
          + "' has an empty name: give name_ru or name_en");
      if (type == VertexType.DISEASE) {
        fail(!Icd10.isValid(v.code()), at, "disease '" + v.id() + "' has malformed ICD-10 code '" + v.code()
            + "'; expected a form such as I11 or I11.9");
      }
      if (type == VertexType.AGE) {
        fail(!isInt(v.attrs().get("age_min")) || !isInt(v.attrs().get("age_max")), at, "age vertex '" + v.id()
            + "' needs whole-number attributes age_min and age_max (columns in a CSV), got " + v.attrs());
      }
      if (v.frequency() != null) {
        fail(!(v.frequency() > 0 && v.frequency() <= 1), at, "vertex '" + v.id() + "' has frequency "
            + v.frequency() + " outside (0, 1]");
      }
    }
    Map<String, String> edgeOrigins = new HashMap<>();
    for (Sourced<Edge> se : edges) {
      Edge e = se.value();
      String at = se.origin();
      String first = edgeOrigins.putIfAbsent(e.src() + " -" + e.relation() + "-> " + e.dst(), at);
      fail(first != null, at, "duplicate edge " + e.src() + " -> " + e.dst() + " (" + e.relation()
          + ", first at " + first + ")");
      Relation relation = Relation.fromLabel(e.relation());
      fail(relation == null, at, "edge " + e.src() + " -> " + e.dst() + " has unknown relation '" + e.relation()
          + "'; expected one of " + Relation.labels());
      Sourced<Vertex> src = byId.get(e.src());
      Sourced<Vertex> dst = byId.get(e.dst());
      fail(src == null, at, "edge source '" + e.src() + "' is not a vertex id");
      fail(dst == null, at, "edge target '" + e.dst() + "' is not a vertex id");
      fail(!VertexType.DISEASE.label().equals(src.value().type()), at, "edge " + e.src() + " -> " + e.dst()
          + ": relation " + e.relation() + " must start at a disease, not a " + src.value().type());
      fail(!relation.target().label().equals(dst.value().type()), at, "edge " + e.src() + " -> " + e.dst()
          + ": relation " + e.relation() + " must end at a " + relation.target().label() + ", not a "
          + dst.value().type());
      if (relation == Relation.HAS_SUBCODE) {
        String parent = src.value().code();
        String child = dst.value().code();
        fail(!Icd10.isCategory(parent) || Icd10.isCategory(child) || !Icd10.category(child).equals(parent), at,
            "edge " + e.src() + " -> " + e.dst() + ": has_subcode must go from a category to a subcode under it");
      }
      fail(!(e.weight() > 0 && e.weight() <= 1), at, "edge " + e.src() + " -> " + e.dst() + " has weight "
          + e.weight() + " outside (0, 1]");
    }
    return new KnowledgeGraph(vertices.stream().map(Sourced::value).toList(),
        edges.stream().map(Sourced::value).toList());
  }

  private static boolean isInt(String s) {
    return s != null && s.matches("[0-9]{1,3}");
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static void fail(boolean bad, String origin, String message) {
    if (bad) {
      throw new GraphValidationException(origin + ": " + message);
    }
  }
}
