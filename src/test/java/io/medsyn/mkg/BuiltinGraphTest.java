package io.medsyn.mkg;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.medsyn.testing.SharedData;
import io.medsyn.testing.TestSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BuiltinGraphTest {
  /** Codes added to WHO ICD-10 after the Russian МКБ-10 edition that the reference list follows. */
  private static final Set<String> WHO_UPDATES = Set.of("K64");

  private static KnowledgeGraph graph;
  private static List<Vertex> categories;

  @BeforeAll
  static void load() {
    graph = BuiltinGraph.load();
    categories = graph.vertexList().stream()
        .filter(v -> v.type().equals("disease") && Icd10.isCategory(v.code())).toList();
  }

  @Test
  void coversAtLeast219CategoriesIncludingEveryRuMedTop3Code() throws IOException {
    assertThat(categories).hasSizeGreaterThanOrEqualTo(219);
    Set<String> ours = categories.stream().map(Vertex::code).collect(Collectors.toSet());
    ObjectMapper json = new ObjectMapper();
    Set<String> rumed = new TreeSet<>();
    for (String line : Files.readAllLines(SharedData.rumedTrain())) {
      rumed.add(json.readTree(line).get("code").asText());
    }
    assertThat(rumed).hasSize(105);
    assertThat(ours).containsAll(rumed);
  }

  @Test
  void everyCodeIsARealIcd10Code() throws IOException {
    Set<String> reference = new HashSet<>();
    for (String line : Files.readAllLines(SharedData.icd10Ru()).subList(1, 12942)) {
      reference.add(line.substring(0, line.indexOf(',')));
    }
    List<String> unknown = categories.stream().map(Vertex::code)
        .filter(c -> !reference.contains(c) && !WHO_UPDATES.contains(c)).toList();
    assertThat(unknown).isEmpty();
  }

  @Test
  void everyCategoryHasNamesInBothLanguagesAndEnoughFacts() {
    Map<String, Map<String, Integer>> counts = new HashMap<>();
    for (Edge e : graph.edgeList()) {
      counts.computeIfAbsent(e.src(), k -> new HashMap<>()).merge(e.relation(), 1, Integer::sum);
    }
    for (Vertex v : categories) {
      assertThat(v.nameRu()).as(v.code()).containsPattern("[А-Яа-яЁё]");
      assertThat(v.nameEn()).as(v.code()).containsPattern("[A-Za-z]");
      assertThat(v.frequency()).as(v.code()).isBetween(0.0, 1.0);
      Map<String, Integer> c = counts.get(v.id());
      assertThat(c.getOrDefault("has_symptom", 0)).as(v.code() + " symptoms").isGreaterThanOrEqualTo(8);
      assertThat(c.getOrDefault("has_anamnesis", 0)).as(v.code() + " anamnesis").isGreaterThanOrEqualTo(3);
      assertThat(c.getOrDefault("has_finding", 0)).as(v.code() + " findings").isGreaterThanOrEqualTo(3);
      assertThat(c.getOrDefault("treated_with", 0)).as(v.code() + " drugs").isGreaterThanOrEqualTo(2);
      assertThat(c.getOrDefault("has_sex", 0)).as(v.code() + " sex prior").isBetween(1, 2);
      assertThat(c.getOrDefault("has_age", 0)).as(v.code() + " age prior").isGreaterThanOrEqualTo(1);
    }
  }

  @Test
  void subcodesSitUnderTheirCategory() {
    Map<String, Vertex> byId = graph.vertexList().stream().collect(Collectors.toMap(Vertex::id, v -> v));
    List<Edge> subcodeEdges = graph.edgeList().stream().filter(e -> e.relation().equals("has_subcode")).toList();
    assertThat(subcodeEdges).hasSizeGreaterThan(300);
    for (Edge e : subcodeEdges) {
      assertThat(byId.get(e.dst()).code()).startsWith(byId.get(e.src()).code() + ".");
    }
  }

  @Test
  void summaryCountsTheWholeGraph() {
    GraphSummary summary = GraphSummary.of(graph, TestSpark.session());
    assertThat(summary.categories()).isEqualTo(categories.size());
    assertThat(summary.minSymptomsPerCode()).isGreaterThanOrEqualTo(8);
    // Shared symptoms (headache, fever, ...) and demographic vertices tie the diseases together.
    assertThat(summary.components()).isEqualTo(1);
    assertThat(summary.verticesByType()).containsKeys("disease", "symptom", "anamnesis", "finding", "drug", "sex",
        "age");
  }
}
