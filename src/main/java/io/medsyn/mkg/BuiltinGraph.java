package io.medsyn.mkg;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * The graph that ships with MedSyn on Spark: diseases written by the project's authors as YAML (one entry per
 * ICD-10 category, in {@code src/main/resources/mkg/builtin/}), compiled into vertices and edges.
 */
public final class BuiltinGraph {
  static final List<String> PARTS = List.of("a_f.yaml", "g_h_other.yaml", "i_j.yaml", "k_l.yaml", "m.yaml", "n.yaml");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** One fact as authored: Russian and English text (or an INN for drugs) and its weight. */
  record Fact(String ru, String en, String inn, double w) {}

  record Subcode(String code, String ru, String en, double w) {}

  record Age(double mean, double sd, int min, int max) {}

  record Entry(String code, String ru, String en, double frequency, double female, Age age, List<Subcode> subcodes,
      List<Fact> symptoms, List<Fact> anamnesis, List<Fact> findings, List<Fact> drugs) {}

  private BuiltinGraph() {}

  public static KnowledgeGraph load() {
    GraphBuilder builder = new GraphBuilder();
    for (String part : PARTS) {
      String resource = "/mkg/builtin/" + part;
      List<Entry> entries;
      try (InputStream in = BuiltinGraph.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("built-in graph part " + resource + " is missing from the classpath");
        }
        entries = List.of(YAML.readValue(in, Entry[].class));
      } catch (IOException e) {
        throw new IllegalStateException("built-in graph part " + resource + " is unreadable: " + e.getMessage(), e);
      }
      for (int i = 0; i < entries.size(); i++) {
        add(builder, entries.get(i), resource + " entry " + (i + 1) + " (" + entries.get(i).code() + ")");
      }
    }
    return builder.build();
  }

  private static void add(GraphBuilder builder, Entry entry, String origin) {
    if (!Icd10.isCategory(entry.code())) {
      throw new GraphValidationException(origin + ": '" + entry.code() + "' is not a 3-character ICD-10 category");
    }
    String id = builder.addDisease(entry.code(), entry.ru(), entry.en(), entry.frequency(),
        Map.of("age_min", String.valueOf(entry.age().min()), "age_max", String.valueOf(entry.age().max())), origin);
    for (Subcode s : entry.subcodes()) {
      builder.addSubcode(id, s.code(), s.ru(), s.en(), s.w(), origin);
    }
    facts(builder, id, Relation.HAS_SYMPTOM, entry.symptoms(), origin);
    facts(builder, id, Relation.HAS_ANAMNESIS, entry.anamnesis(), origin);
    facts(builder, id, Relation.HAS_FINDING, entry.findings(), origin);
    for (Fact drug : entry.drugs()) {
      builder.addFact(id, Relation.TREATED_WITH, drug.inn(), drug.ru(), drug.inn(), Map.of("inn", drug.inn()),
          drug.w(), origin);
    }
    builder.addDemographics(id, entry.female(), entry.age().mean(), entry.age().sd(), entry.age().min(),
        entry.age().max(), origin);
  }

  private static void facts(GraphBuilder builder, String id, Relation relation, List<Fact> facts, String origin) {
    for (Fact f : facts) {
      builder.addFact(id, relation, f.en(), f.ru(), f.en(), null, f.w(), origin);
    }
  }
}
