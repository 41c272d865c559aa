package io.medsyn.sample;

import static org.apache.spark.sql.functions.col;

import io.medsyn.mkg.Icd10;
import io.medsyn.mkg.Motifs;
import io.medsyn.mkg.Relation;
import io.medsyn.mkg.VertexType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Gathers, for every ICD-10 category of a graph, the priors the sampler draws from. The graph is small next to the
 * task count, so this is collected once on the driver and broadcast, instead of joined per task.
 */
public final class PriorBook {
  static final int DEFAULT_AGE_MIN = 18;
  static final int DEFAULT_AGE_MAX = 80;
  private static final List<Relation> FACT_RELATIONS = List.of(Relation.HAS_SYMPTOM, Relation.HAS_ANAMNESIS,
      Relation.HAS_FINDING);

  private PriorBook() {}

  /** The priors of every category, sorted by code. */
  public static Map<String, DiseasePrior> fromGraph(Dataset<Row> vertices, Dataset<Row> edges) {
    Map<String, Row> categories = new TreeMap<>();
    for (Row r : vertices.filter(col("type").equalTo(VertexType.DISEASE.label()))
        .select("code", "name_ru", "name_en", "attrs").collectAsList()) {
      if (Icd10.isCategory(r.getString(0))) {
        categories.put(r.getString(0), r);
      }
    }
    Map<String, List<Fact>> subcodes = new HashMap<>();
    Map<String, Map<String, List<Fact>>> facts = new HashMap<>();
    Map<String, Map<String, Map<String, List<Fact>>>> subcodeFacts = new HashMap<>();
    Map<String, List<DiseasePrior.AgeBand>> ages = new HashMap<>();
    // One motif query for every relation the sampler uses: one Spark job instead of one per relation.
    Relation[] used = Arrays.stream(Relation.values()).filter(r -> r != Relation.TREATED_WITH)
        .toArray(Relation[]::new);
    Dataset<Row> matches = Motifs.diseaseFacts(vertices, edges, used)
        .select(col("d.code"), col("s.id"), col("s.code"), col("s.name_ru"), col("s.name_en"), col("e.weight"),
            col("s.attrs"), col("e.relation"))
        .orderBy(col("d.code"), col("e.relation"), col("s.id"));
    for (Row m : matches.collectAsList()) {
      Relation relation = Relation.fromLabel(m.getString(7));
      String dCode = m.getString(0);
      String category = Icd10.category(dCode);
      double weight = m.getDouble(5);
      switch (relation) {
        case HAS_SUBCODE -> subcodes.computeIfAbsent(category, k -> new ArrayList<>())
            .add(new Fact(m.getString(2), m.getString(3), m.getString(4), weight));
        case HAS_AGE -> {
          Map<String, String> attrs = m.getJavaMap(6);
          ages.computeIfAbsent(category, k -> new ArrayList<>()).add(new DiseasePrior.AgeBand(
              Integer.parseInt(attrs.get("age_min")), Integer.parseInt(attrs.get("age_max")), weight));
        }
        default -> {
          Fact fact = new Fact(m.getString(1), m.getString(3), m.getString(4), weight);
          Map<String, List<Fact>> target = dCode.equals(category)
              ? facts.computeIfAbsent(category, k -> new LinkedHashMap<>())
              : subcodeFacts.computeIfAbsent(category, k -> new HashMap<>())
                  .computeIfAbsent(dCode, k -> new LinkedHashMap<>());
          target.computeIfAbsent(relation.label(), k -> new ArrayList<>()).add(fact);
        }
      }
    }
    Map<String, DiseasePrior> book = new LinkedHashMap<>();
    categories.forEach((code, row) -> {
      List<Fact> subs = subcodes.getOrDefault(code, List.of(new Fact(code, row.getString(1), row.getString(2), 1.0)));
      Map<String, String> attrs = row.getJavaMap(3);
      Map<String, List<Fact>> own = facts.getOrDefault(code, Map.of());
      Map<String, List<Fact>> byRelation = new LinkedHashMap<>();
      for (Relation r : FACT_RELATIONS) {
        byRelation.put(r.label(), List.copyOf(own.getOrDefault(r.label(), List.of())));
      }
      book.put(code, new DiseasePrior(code, row.getString(1), row.getString(2), List.copyOf(subs), byRelation,
          subcodeFacts.getOrDefault(code, Map.of()), List.copyOf(own.getOrDefault(Relation.HAS_SEX.label(),
          List.of())), List.copyOf(ages.getOrDefault(code, List.of())),
          Integer.parseInt(attrs.getOrDefault("age_min", String.valueOf(DEFAULT_AGE_MIN))),
          Integer.parseInt(attrs.getOrDefault("age_max", String.valueOf(DEFAULT_AGE_MAX))), 0));
    });
    return book;
  }
}
