package io.medsyn.mkg;

import static org.assertj.core.api.Assertions.assertThat;

import io.medsyn.testing.TestSpark;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class MotifsTest {
  @Test
  void returnsGraphFramesStyleStructsPerMatch() {
    KnowledgeGraph graph = GraphFilesTest.fixture();
    var spark = TestSpark.session();
    Dataset<Row> motif = Motifs.diseaseFacts(graph.vertices(spark), graph.edges(spark), Relation.HAS_SYMPTOM);
    assertThat(motif.columns()).containsExactly("d", "e", "s");
    assertThat(motif.schema().apply("d").dataType()).isEqualTo(KnowledgeGraph.VERTEX_SCHEMA);
    assertThat(motif.schema().apply("e").dataType()).isEqualTo(KnowledgeGraph.EDGE_SCHEMA);
    List<String> pairs = motif.selectExpr("concat(d.code, ' -> ', s.name_en, ' @ ', e.weight)").as(
        org.apache.spark.sql.Encoders.STRING()).collectAsList();
    assertThat(pairs).containsExactlyInAnyOrder("J06 -> cough @ 0.8", "J06 -> sore throat @ 0.6",
        "J06 -> runny nose @ 0.4", "J06 -> fever @ 0.2", "I10 -> headache @ 0.9", "I10 -> dizziness @ 0.3");
  }

  @Test
  void componentsAreCountedWithGraphX() {
    KnowledgeGraph graph = GraphFilesTest.fixture();
    // J06 with its facts, and I10 with its facts: nothing links the two.
    assertThat(GraphSummary.components(graph, TestSpark.session())).isEqualTo(2);
    GraphSummary summary = GraphSummary.of(graph, TestSpark.session());
    assertThat(summary.categories()).isEqualTo(2);
    assertThat(summary.subcodes()).isEqualTo(1);
    assertThat(summary.minSymptomsPerCode()).isEqualTo(2);
    assertThat(summary.maxSymptomsPerCode()).isEqualTo(4);
    assertThat(summary.render()).contains("2 ICD-10 categories, 1 subcodes, 13 edges, 2 connected component(s)");
  }
}
