package io.medsyn.mkg;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.struct;

import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Motif queries over the graph's tables, answering as GraphFrames' {@code find("(d)-[e]->(s)")} would: one row per
 * match with struct columns {@code d}, {@code e} and {@code s} holding the whole source vertex, edge and target
 * vertex. GraphFrames itself is not available for Spark 4, so the motif is written as two joins.
 */
public final class Motifs {
  private Motifs() {}

  /** All matches of {@code (d)-[e]->(s)} whose edge has one of the given relations. */
  public static Dataset<Row> diseaseFacts(Dataset<Row> vertices, Dataset<Row> edges, Relation... relations) {
    Object[] labels = Arrays.stream(relations).map(Relation::label).toArray();
    Dataset<Row> e = edges.filter(col("relation").isin(labels)).select(asStruct(edges, "e"));
    Dataset<Row> d = vertices.select(asStruct(vertices, "d"));
    Dataset<Row> s = vertices.select(asStruct(vertices, "s"));
    return e.join(d, col("e.src").equalTo(col("d.id")))
        .join(s, col("e.dst").equalTo(col("s.id")))
        .select(col("d"), col("e"), col("s"));
  }

  private static Column asStruct(Dataset<Row> table, String alias) {
    return struct(Arrays.stream(table.columns()).map(c -> table.col(c)).toArray(Column[]::new)).as(alias);
  }
}
