package io.medsyn.mkg;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Assembles a graph from per-disease facts, as the built-in graph and code-to-symptoms maps are written: a fact
 * mentioned by several diseases becomes one vertex, identified by its type and the slug of its defining text.
 */
final class GraphBuilder {
  /** Age bands of the demographic prior; a disease's age prior is a weight per band. */
  static final int[][] AGE_BANDS = {{0, 4}, {5, 11}, {12, 17}, {18, 29}, {30, 44}, {45, 59}, {60, 74}, {75, 89},
      {90, 100}};

  private final Map<String, Sourced<Vertex>> vertices = new LinkedHashMap<>();
  private final List<Sourced<Edge>> edges = new ArrayList<>();

  String addDisease(String code, String nameRu, String nameEn, Double frequency, Map<String, String> attrs,
      String origin) {
    String id = Ids.disease(code);
    Sourced<Vertex> previous = vertices.get(id);
    if (previous != null) {
      throw new GraphValidationException(origin + ": duplicate disease " + code + " (first defined at "
          + previous.origin() + ")");
    }
    vertices.put(id, new Sourced<>(new Vertex(id, VertexType.DISEASE.label(), code, nameRu, nameEn, frequency,
        attrs), origin));
    return id;
  }

  /** Adds a subcode vertex under {@code categoryId}, or finds it when it exists already. */
  String addSubcode(String categoryId, String code, String nameRu, String nameEn, double weight, String origin) {
    String id = Ids.disease(code);
    vertices.putIfAbsent(id, new Sourced<>(new Vertex(id, VertexType.DISEASE.label(), code, nameRu, nameEn, null,
        null), origin));
    edges.add(new Sourced<>(new Edge(categoryId, id, Relation.HAS_SUBCODE.label(), weight, null), origin));
    return id;
  }

  boolean hasVertex(String id) {
    return vertices.containsKey(id);
  }

  /**
   * Links a disease to a fact vertex named by {@code key} (the English text, an INN, or the Russian text where there
   * is no English); two mentions of one key must agree on the Russian name.
   */
  void addFact(String diseaseId, Relation relation, String key, String nameRu, String nameEn,
      Map<String, String> attrs, double weight, String origin) {
    if (key == null || key.isBlank() || Ids.slug(key).isEmpty()) {
      throw new GraphValidationException(origin + ": " + relation.target().label() + " of " + diseaseId
          + " has an empty name");
    }
    String id = Ids.of(relation.target(), key);
    Sourced<Vertex> existing = vertices.get(id);
    if (existing == null) {
      vertices.put(id, new Sourced<>(new Vertex(id, relation.target().label(), null, nameRu, nameEn, null, attrs),
          origin));
    } else if (nameRu != null && existing.value().nameRu() != null && !existing.value().nameRu().equals(nameRu)) {
      throw new GraphValidationException(origin + ": " + relation.target().label() + " '" + key
          + "' is named '" + nameRu + "' here but '" + existing.value().nameRu() + "' at " + existing.origin()
          + "; one fact needs one Russian name");
    }
    edges.add(new Sourced<>(new Edge(diseaseId, id, relation.label(), weight, null), origin));
  }

  /** Sex and age priors as edges to shared demographic vertices: P(female), and a truncated normal over bands. */
  void addDemographics(String diseaseId, double female, double ageMean, double ageSd, int ageMin, int ageMax,
      String origin) {
    if (female > 0) {
      addFact(diseaseId, Relation.HAS_SEX, "female", "женский", "female", null, female, origin);
    }
    if (female < 1) {
      addFact(diseaseId, Relation.HAS_SEX, "male", "мужской", "male", null, 1 - female, origin);
    }
    double[] mass = new double[AGE_BANDS.length];
    double max = 0;
    for (int i = 0; i < AGE_BANDS.length; i++) {
      double lo = Math.max(AGE_BANDS[i][0], ageMin);
      double hi = Math.min(AGE_BANDS[i][1] + 1, ageMax + 1);
      mass[i] = hi <= lo ? 0 : normalCdf((hi - ageMean) / ageSd) - normalCdf((lo - ageMean) / ageSd);
      max = Math.max(max, mass[i]);
    }
    for (int i = 0; i < AGE_BANDS.length; i++) {
      // Bands under 1% of the modal band carry no real prior mass; they would only add noise vertices.
      if (max > 0 && mass[i] >= 0.01 * max) {
        int[] band = AGE_BANDS[i];
        String label = band[0] + "-" + band[1];
        addFact(diseaseId, Relation.HAS_AGE, label, label + " лет", label + " years",
            Map.of("age_min", String.valueOf(band[0]), "age_max", String.valueOf(band[1])), mass[i] / max, origin);
      }
    }
  }

  KnowledgeGraph build() {
    return GraphValidator.validate(new ArrayList<>(vertices.values()), edges);
  }

  /** Abramowitz-Stegun 7.1.26 erf approximation: ample for a prior over age bands. */
  static double normalCdf(double z) {
    double x = Math.abs(z) / Math.sqrt(2);
    double t = 1 / (1 + 0.3275911 * x);
    double erf = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t
        * Math.exp(-x * x);
    return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
  }
}
