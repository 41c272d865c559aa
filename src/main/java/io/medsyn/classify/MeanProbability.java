package io.medsyn.classify;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

import java.util.List;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.linalg.DenseVector;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.types.StructType;

/**
 * Fitted models' mean: each member adds its {@code probability}; their mean becomes the {@code probability} and its
 * most probable class the {@code prediction}, as a single {@link LinearLogisticModel} would add them.
 */
final class MeanProbability extends Transformer {
  private static final String SO_FAR = "mean_probability_so_far";

  private final String uid;
  private final List<Transformer> members;

  MeanProbability(List<Transformer> members) {
    this(Identifiable$.MODULE$.randomUID("meanProbability"), members);
  }

  private MeanProbability(String uid, List<Transformer> members) {
    this.uid = uid;
    this.members = List.copyOf(members);
  }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    Dataset<Row> out = dataset.toDF();
    for (int i = 0; i < members.size(); i++) {
      Dataset<Row> scored = members.get(i).transform(out).drop(LinearLogisticModel.PREDICTION);
      // A running mean, so that one column carries the members seen so far.
      out = i == 0 ? scored.withColumnRenamed(LinearLogisticModel.PROBABILITY, SO_FAR)
          : scored.withColumn(SO_FAR, udf(runningMean(i + 1), SQLDataTypes.VectorType())
              .apply(col(SO_FAR), col(LinearLogisticModel.PROBABILITY))).drop(LinearLogisticModel.PROBABILITY);
    }
    return LinearLogisticModel.withPrediction(out.withColumnRenamed(SO_FAR, LinearLogisticModel.PROBABILITY));
  }

  /** The mean of n vectors from the mean of the first n − 1 and the n-th. */
  private static UDF2<Vector, Vector, Vector> runningMean(int n) {
    return (mean, next) -> {
      double[] m = mean.toArray().clone();
      double[] p = next.toArray();
      for (int c = 0; c < m.length; c++) {
        m[c] += (p[c] - m[c]) / n;
      }
      return new DenseVector(m);
    };
  }

  @Override
  public StructType transformSchema(StructType schema) {
    return LinearLogisticModel.outputSchema(schema);
  }

  @Override
  public MeanProbability copy(ParamMap extra) {
    return copyValues(new MeanProbability(uid, members), extra);
  }

  @Override
  public String uid() {
    return uid;
  }
}
