package io.medsyn.mkg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.medsyn.testing.TestSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphFilesTest {
  static final String VERTICES = "src/test/resources/mkg/vertices.csv";
  static final String EDGES = "src/test/resources/mkg/edges.csv";
  private static final Configuration HADOOP = new Configuration();

  @TempDir
  Path dir;

  static KnowledgeGraph fixture() {
    return GraphFiles.readCsv(VERTICES, EDGES, HADOOP);
  }

  @Test
  void readsCsvVerticesAndEdgesWithExtraColumnsAsAttributes() {
    KnowledgeGraph graph = fixture();
    assertThat(graph.vertexList()).hasSize(15);
    assertThat(graph.edgeList()).hasSize(13);
    Vertex j06 = graph.vertexList().get(0);
    assertThat(j06).isEqualTo(new Vertex("icd:J06", "disease", "J06", "Острая инфекция верхних дыхательных путей",
        "Acute upper respiratory infection", 0.9, java.util.Map.of("source", "test")));
    assertThat(graph.vertexList().get(1).nameRu()).isEqualTo("Острая инфекция верхних дыхательных путей, неуточнённая");
    assertThat(graph.edgeList().get(1)).isEqualTo(new Edge("icd:J06", "symptom:cough", "has_symptom", 0.8, null));
  }

  @Test
  void unknownEdgeEndpointIsNamedWithFileAndLine() throws IOException {
    Path edges = edges("icd:J06,symptom:sneezing,has_symptom,0.5\n");
    assertThatThrownBy(() -> GraphFiles.readCsv(VERTICES, edges.toString(), HADOOP))
        .isInstanceOf(GraphValidationException.class)
        .hasMessage(edges + ":2: edge target 'symptom:sneezing' is not a vertex id");
  }

  @Test
  void duplicateVertexIdNamesBothPlaces() throws IOException {
    Path vertices = vertices("icd:I10,disease,I10,Гипертензия,Hypertension,,\n"
        + "icd:I10,disease,I10,Гипертензия,Hypertension,,\n");
    assertThatThrownBy(() -> GraphFiles.readCsv(vertices.toString(), EDGES, HADOOP))
        .hasMessage(vertices + ":3: duplicate vertex id 'icd:I10' (first defined at " + vertices + ":2)");
  }

  @Test
  void weightOutOfRangeIsRejected() throws IOException {
    Path edges = edges("icd:J06,symptom:cough,has_symptom,1.5\n");
    assertThatThrownBy(() -> GraphFiles.readCsv(VERTICES, edges.toString(), HADOOP))
        .hasMessage(edges + ":2: edge icd:J06 -> symptom:cough has weight 1.5 outside (0, 1]");
    Path zero = edges("icd:J06,symptom:cough,has_symptom,0\n");
    assertThatThrownBy(() -> GraphFiles.readCsv(VERTICES, zero.toString(), HADOOP))
        .hasMessageContaining("has weight 0.0 outside (0, 1]");
    Path text = edges("icd:J06,symptom:cough,has_symptom,high\n");
    assertThatThrownBy(() -> GraphFiles.readCsv(VERTICES, text.toString(), HADOOP))
        .hasMessage(text + ":2: weight 'high' is not a number");
  }

  @Test
  void malformedIcdCodeAndEmptyNameAreRejected() throws IOException {
    Path badCode = vertices("icd:I1O,disease,I1O,Гипертензия,Hypertension,,\n");
    assertThatThrownBy(() -> GraphFiles.readCsv(badCode.toString(), EDGES, HADOOP))
        .hasMessage(badCode + ":2: disease 'icd:I1O' has malformed ICD-10 code 'I1O'; expected a form such as I11 or"
            + " I11.9");
    Path noName = vertices("symptom:x,symptom,,,,,\n");
    assertThatThrownBy(() -> GraphFiles.readCsv(noName.toString(), EDGES, HADOOP))
        .hasMessage(noName + ":2: vertex 'symptom:x' has an empty name: give name_ru or name_en");
  }

  @Test
  void relationMustFitEndpointTypes() throws IOException {
    Path edges = edges("icd:J06,drug:amlodipine,has_symptom,0.5\n");
    assertThatThrownBy(() -> GraphFiles.readCsv(VERTICES, edges.toString(), HADOOP))
        .hasMessage(edges + ":2: edge icd:J06 -> drug:amlodipine: relation has_symptom must end at a symptom, not a"
            + " drug");
  }

  @Test
  void missingColumnAndMissingFileAreNamed() throws IOException {
    Path noWeight = dir.resolve("e.csv");
    Files.writeString(noWeight, "src,dst,relation\nicd:J06,symptom:cough,has_symptom\n");
    assertThatThrownBy(() -> GraphFiles.readCsv(VERTICES, noWeight.toString(), HADOOP))
        .hasMessageStartingWith(noWeight + ":1: missing column 'weight'");
    assertThatThrownBy(() -> GraphFiles.readCsv(dir.resolve("none.csv").toString(), EDGES, HADOOP))
        .hasMessageContaining("none.csv: no such file");
  }

  @Test
  void readsMedSynSymptomMapsAsListsOrWeighted() throws IOException {
    Path json = dir.resolve("map.json");
    Files.writeString(json, "{\n  \"I11.9\": [\"одышка\", \"головная боль\", \"одышка при ходьбе\"],\n"
        + "  \"J06\": {\"кашель\": 0.9, \"головная боль\": 0.3}\n}\n");
    KnowledgeGraph names = GraphFiles.readCsv(VERTICES, EDGES, HADOOP);
    KnowledgeGraph graph = GraphFiles.readSymptomMap(json.toString(), HADOOP, names);
    assertThat(graph.vertexList()).extracting(Vertex::id).containsExactly("icd:I11", "icd:I11.9", "symptom:одышка",
        "symptom:головная-боль", "symptom:одышка-при-ходьбе", "icd:J06", "symptom:кашель");
    assertThat(graph.vertexList().get(5).nameEn()).isEqualTo("Acute upper respiratory infection");
    assertThat(graph.vertexList().get(0).nameRu()).isEqualTo("I11");
    assertThat(graph.edgeList()).contains(new Edge("icd:I11", "icd:I11.9", "has_subcode", 1.0, null),
        new Edge("icd:I11.9", "symptom:одышка", "has_symptom", 1.0, null),
        new Edge("icd:J06", "symptom:головная-боль", "has_symptom", 0.3, null));
  }

  @Test
  void symptomMapErrorsCarryTheLine() throws IOException {
    Path json = dir.resolve("bad.json");
    Files.writeString(json, "{\n  \"I11.9\": [\"одышка\"],\n  \"I1.9\": [\"кашель\"]\n}\n");
    assertThatThrownBy(() -> GraphFiles.readSymptomMap(json.toString(), HADOOP, fixture()))
        .hasMessage(json + ":3: malformed ICD-10 code 'I1.9'; expected e.g. I11 or I11.9");
    Path weight = dir.resolve("weight.json");
    Files.writeString(weight, "{\"J06\": {\"кашель\": 2}}");
    assertThatThrownBy(() -> GraphFiles.readSymptomMap(weight.toString(), HADOOP, fixture()))
        .hasMessageContaining("has weight 2.0 outside (0, 1]");
  }

  @Test
  void parquetRoundTripKeepsEveryVertexAndEdge() {
    KnowledgeGraph graph = fixture();
    var spark = TestSpark.session();
    String v = dir.resolve("vertices").toString();
    String e = dir.resolve("edges").toString();
    graph.vertices(spark).write().parquet(v);
    graph.edges(spark).write().parquet(e);
    KnowledgeGraph back = KnowledgeGraph.fromTables(spark.read().parquet(v), spark.read().parquet(e), v, e);
    assertThat(back.vertexList()).containsExactlyInAnyOrderElementsOf(graph.vertexList());
    assertThat(back.edgeList()).containsExactlyInAnyOrderElementsOf(graph.edgeList());
  }

  private Path vertices(String rows) throws IOException {
    Path file = dir.resolve("v" + System.nanoTime() + ".csv");
    Files.writeString(file, "id,type,code,name_ru,name_en,frequency,note\n" + rows);
    return file;
  }

  private Path edges(String rows) throws IOException {
    Path file = dir.resolve("e" + System.nanoTime() + ".csv");
    Files.writeString(file, "src,dst,relation,weight\n" + rows);
    return file;
  }
}
