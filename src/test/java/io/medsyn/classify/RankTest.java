package io.medsyn.classify;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.medsyn.testing.TestSpark;
import java.util.List;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** The rank of the true code read off MLlib's probability vector, which Hit@k is computed from. */
class RankTest {
  @Test
  void rankCountsMoreProbableCodesAndEarlierTies() {
    StructType schema = new StructType().add("probability", SQLDataTypes.VectorType()).add("label",
        DataTypes.DoubleType);
    List<Row> rows = List.of(
        RowFactory.create(Vectors.dense(0.2, 0.5, 0.3), 0.0),
        RowFactory.create(Vectors.dense(0.2, 0.5, 0.3), 1.0),
        RowFactory.create(Vectors.dense(0.2, 0.5, 0.3), 2.0),
        RowFactory.create(Vectors.dense(0.4, 0.4, 0.2), 0.0),
        RowFactory.create(Vectors.dense(0.4, 0.4, 0.2), 1.0),
        // Label index 3 is StringIndexer's "unseen code" slot for a 3-code model: a miss at every k.
        RowFactory.create(Vectors.dense(0.4, 0.4, 0.2), 3.0));
    Dataset<Row> df = TestSpark.session().createDataFrame(rows, schema);
    List<Integer> ranks = df.select(TrainedClassifier.rank(col("probability"), col("label"), 3)).as(
        org.apache.spark.sql.Encoders.INT()).collectAsList();
    assertThat(ranks).containsExactly(2, 0, 1, 0, 1, 3);
  }
}
