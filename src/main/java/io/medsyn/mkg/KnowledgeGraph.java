package io.medsyn.mkg;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * A validated medical knowledge graph in GraphFrames' layout: a vertices table keyed by {@code id} and an edges
 * table of {@code src}, {@code dst}. Small enough to hold on the driver; {@link #vertices(SparkSession)} and
 * {@link #edges(SparkSession)} give the tables the stages work on.
 */
public record KnowledgeGraph(List<Vertex> vertexList, List<Edge> edgeList) {
  public static final StructType VERTEX_SCHEMA = new StructType()
      .add("id", DataTypes.StringType, false)
      .add("type", DataTypes.StringType, false)
      .add("code", DataTypes.StringType, true)
      .add("name_ru", DataTypes.StringType, true)
      .add("name_en", DataTypes.StringType, true)
      .add("frequency", DataTypes.DoubleType, true)
      .add("attrs", DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType), false);
  public static final StructType EDGE_SCHEMA = new StructType()
      .add("src", DataTypes.StringType, false)
      .add("dst", DataTypes.StringType, false)
      .add("relation", DataTypes.StringType, false)
      .add("weight", DataTypes.DoubleType, false)
      .add("attrs", DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType), false);

  public KnowledgeGraph {
    vertexList = List.copyOf(vertexList);
    edgeList = List.copyOf(edgeList);
  }

  public Dataset<Row> vertices(SparkSession spark) {
    List<Row> rows = new ArrayList<>(vertexList.size());
    for (Vertex v : vertexList) {
      rows.add(RowFactory.create(v.id(), v.type(), v.code(), v.nameRu(), v.nameEn(), v.frequency(),
          scalaMap(v.attrs())));
    }
    return table(spark, rows, VERTEX_SCHEMA);
  }

  public Dataset<Row> edges(SparkSession spark) {
    List<Row> rows = new ArrayList<>(edgeList.size());
    for (Edge e : edgeList) {
      rows.add(RowFactory.create(e.src(), e.dst(), e.relation(), e.weight(), scalaMap(e.attrs())));
    }
    return table(spark, rows, EDGE_SCHEMA);
  }

  /** Spreads the rows over slices of a few thousand, so no single Spark task carries the whole graph. */
  private static Dataset<Row> table(SparkSession spark, List<Row> rows, StructType schema) {
    int slices = Math.max(1, rows.size() / 2000);
    return spark.createDataFrame(JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(rows, slices),
        schema);
  }

  /** Only the given 3-character categories, their subcodes and the facts they reach; empty keeps everything. */
  public KnowledgeGraph restrictTo(List<String> categories) {
    if (categories.isEmpty()) {
      return this;
    }
    Set<String> known = new HashSet<>();
    vertexList.stream().filter(v -> VertexType.DISEASE.label().equals(v.type())).forEach(v -> known.add(v.code()));
    List<String> missing = categories.stream().filter(c -> !known.contains(c)).toList();
    if (!missing.isEmpty()) {
      throw new GraphValidationException("mkg.codes names codes the graph does not have: " + missing);
    }
    Set<String> keepDiseases = new HashSet<>();
    vertexList.stream().filter(v -> VertexType.DISEASE.label().equals(v.type())
        && categories.contains(Icd10.category(v.code()))).forEach(v -> keepDiseases.add(v.id()));
    List<Edge> edges = edgeList.stream().filter(e -> keepDiseases.contains(e.src())).toList();
    Set<String> keep = new HashSet<>(keepDiseases);
    edges.forEach(e -> keep.add(e.dst()));
    return new KnowledgeGraph(vertexList.stream().filter(v -> keep.contains(v.id())).toList(), edges);
  }

  /** Reads a graph back from its vertices and edges tables, validating it like any user-supplied graph. */
  public static KnowledgeGraph fromTables(Dataset<Row> vertices, Dataset<Row> edges, String vertexOrigin,
      String edgeOrigin) {
    List<Sourced<Vertex>> vs = new ArrayList<>();
    int i = 0;
    for (Row r : vertices.collectAsList()) {
      i++;
      vs.add(new Sourced<>(new Vertex(r.getAs("id"), r.getAs("type"), optional(r, "code"), optional(r, "name_ru"),
          optional(r, "name_en"), optionalDouble(r, "frequency"), attrs(r)), vertexOrigin + " row " + i));
    }
    List<Sourced<Edge>> es = new ArrayList<>();
    i = 0;
    for (Row r : edges.collectAsList()) {
      i++;
      Object weight = r.getAs("weight");
      es.add(new Sourced<>(new Edge(r.getAs("src"), r.getAs("dst"), r.getAs("relation"),
          weight == null ? Double.NaN : ((Number) weight).doubleValue(), attrs(r)), edgeOrigin + " row " + i));
    }
    return GraphValidator.validate(vs, es);
  }

  private static String optional(Row r, String field) {
    return hasField(r, field) ? r.getAs(field) : null;
  }

  private static Double optionalDouble(Row r, String field) {
    Object v = hasField(r, field) ? r.getAs(field) : null;
    return v == null ? null : ((Number) v).doubleValue();
  }

  private static Map<String, String> attrs(Row r) {
    if (!hasField(r, "attrs") || r.getAs("attrs") == null) {
      return Map.of();
    }
    return CollectionConverters.asJava(r.<scala.collection.Map<String, String>>getAs("attrs"));
  }

  private static boolean hasField(Row r, String field) {
    return Arrays.asList(r.schema().fieldNames()).contains(field);
  }

  private static scala.collection.immutable.Map<String, String> scalaMap(Map<String, String> m) {
    return scala.collection.immutable.Map.from(CollectionConverters.asScala(m));
  }
}
