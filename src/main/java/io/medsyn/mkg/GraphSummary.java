package io.medsyn.mkg;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.graphx.Edge;
import org.apache.spark.graphx.Graph;
import org.apache.spark.graphx.lib.ConnectedComponents;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;

/**
 * What {@code medsyn mkg} prints: codes, vertices by type, symptoms per code, and the graph's connected components
 * (computed with GraphX, since GraphFrames is not available for Spark 4).
 */
public record GraphSummary(int categories, int subcodes, Map<String, Integer> verticesByType, int edges,
    int minSymptomsPerCode, double meanSymptomsPerCode, int maxSymptomsPerCode, long components) {

  public static GraphSummary of(KnowledgeGraph graph, SparkSession spark) {
    Map<String, Integer> byType = new TreeMap<>();
    int categories = 0;
    int subcodes = 0;
    for (Vertex v : graph.vertexList()) {
      byType.merge(v.type(), 1, Integer::sum);
      if (VertexType.DISEASE.label().equals(v.type())) {
        if (Icd10.isCategory(v.code())) {
          categories++;
        } else {
          subcodes++;
        }
      }
    }
    Map<String, Integer> symptoms = new HashMap<>();
    graph.vertexList().stream().filter(v -> VertexType.DISEASE.label().equals(v.type()) && Icd10.isCategory(v.code()))
        .forEach(v -> symptoms.put(v.id(), 0));
    for (io.medsyn.mkg.Edge e : graph.edgeList()) {
      if (Relation.HAS_SYMPTOM.label().equals(e.relation())) {
        String category = Ids.disease(Icd10.category(e.src().substring("icd:".length())));
        symptoms.merge(category, 1, Integer::sum);
      }
    }
    int min = symptoms.values().stream().mapToInt(i -> i).min().orElse(0);
    int max = symptoms.values().stream().mapToInt(i -> i).max().orElse(0);
    double mean = symptoms.values().stream().mapToInt(i -> i).average().orElse(0);
    return new GraphSummary(categories, subcodes, byType, graph.edgeList().size(), min, mean, max,
        components(graph, spark));
  }

  /** Connected components of the undirected graph, by GraphX's label propagation of the smallest vertex id. */
  static long components(KnowledgeGraph graph, SparkSession spark) {
    Map<String, Long> index = new HashMap<>();
    List<Tuple2<Object, String>> vertices = new ArrayList<>();
    for (Vertex v : graph.vertexList()) {
      long i = index.size();
      index.put(v.id(), i);
      vertices.add(new Tuple2<>(i, v.id()));
    }
    List<Edge<Double>> edges = new ArrayList<>();
    for (io.medsyn.mkg.Edge e : graph.edgeList()) {
      edges.add(new Edge<>(index.get(e.src()), index.get(e.dst()), e.weight()));
    }
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    JavaRDD<Tuple2<Object, String>> vRdd = jsc.parallelize(vertices, 2);
    JavaRDD<Edge<Double>> eRdd = jsc.parallelize(edges, 2);
    ClassTag<String> stringTag = ClassTag$.MODULE$.apply(String.class);
    ClassTag<Double> doubleTag = ClassTag$.MODULE$.apply(Double.class);
    Graph<String, Double> g = Graph.apply(vRdd.rdd(), eRdd.rdd(), "", StorageLevel.MEMORY_ONLY(),
        StorageLevel.MEMORY_ONLY(), stringTag, doubleTag);
    Graph<Object, Double> cc = ConnectedComponents.run(g, stringTag, doubleTag);
    return cc.vertices().toJavaRDD().map(Tuple2::_2).distinct().count();
  }

  /** A few lines a person reads at the end of {@code medsyn mkg}. */
  public String render() {
    return String.format("MKG: %d ICD-10 categories, %d subcodes, %d edges, %d connected component(s)%n"
        + "vertices by type: %s%n"
        + "symptoms per category: min %d, mean %.1f, max %d", categories, subcodes, edges, components,
        verticesByType, minSymptomsPerCode, meanSymptomsPerCode, maxSymptomsPerCode);
  }
}
