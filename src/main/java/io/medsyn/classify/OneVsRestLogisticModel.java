package io.medsyn.classify;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.linalg.DenseVector;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A fitted {@link OneVsRestLogistic}: adds {@code probability} (each class's sigmoid, normalised to sum to 1, as
 * LIBLINEAR and scikit-learn do for one-vs-rest) and {@code prediction} (the most probable class index). It keeps how
 * many passes the slowest class needed and whether every class converged.
 */
public final class OneVsRestLogisticModel extends Model<OneVsRestLogisticModel> {
  public static final String PROBABILITY = "probability";
  public static final String PREDICTION = "prediction";

  private final String uid;
  private final int classes;
  private final int features;
  private final float[] coefficients;
  private final int iterations;
  private final int maxIter;
  private final boolean converged;
  private final Param<String> featuresCol;
  private transient Broadcast<float[]> shared;

  OneVsRestLogisticModel(String uid, int classes, int features, float[] coefficients, int iterations,
      int maxIter, boolean converged) {
    this.uid = uid;
    this.classes = classes;
    this.features = features;
    this.coefficients = coefficients;
    this.iterations = iterations;
    this.maxIter = maxIter;
    this.converged = converged;
    featuresCol = new Param<>(this, "featuresCol", "the sparse feature vector column");
    setDefault(featuresCol, "features");
  }

  public Param<String> featuresCol() {
    return featuresCol;
  }

  public int numClasses() {
    return classes;
  }

  /** Passes over the data of the class that needed most. */
  public int iterations() {
    return iterations;
  }

  public int maxIter() {
    return maxIter;
  }

  public boolean converged() {
    return converged;
  }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    synchronized (this) {
      if (shared == null) {
        shared = JavaSparkContext.fromSparkContext(dataset.sparkSession().sparkContext()).broadcast(coefficients);
      }
    }
    Dataset<Row> scored = dataset.toDF().withColumn(PROBABILITY, udf(scorer(shared, classes, features),
        SQLDataTypes.VectorType()).apply(col($(featuresCol))));
    return scored.withColumn(PREDICTION, udf((UDF1<Vector, Double>) p -> (double) p.argmax(),
        DataTypes.DoubleType).apply(col(PROBABILITY)));
  }

  private static UDF1<Vector, Vector> scorer(Broadcast<float[]> weights, int classes, int features) {
    return v -> {
      float[] w = weights.value();
      double[] score = new double[classes];
      for (int c = 0; c < classes; c++) {
        score[c] = w[features * classes + c];
      }
      SparseVector x = v.toSparse();
      int[] index = x.indices();
      double[] value = x.values();
      for (int p = 0; p < index.length; p++) {
        if (index[p] < features) {
          int row = index[p] * classes;
          for (int c = 0; c < classes; c++) {
            score[c] += w[row + c] * value[p];
          }
        }
      }
      double sum = 0;
      for (int c = 0; c < classes; c++) {
        score[c] = 1 / (1 + Math.exp(-score[c]));
        sum += score[c];
      }
      for (int c = 0; c < classes; c++) {
        score[c] /= sum;
      }
      return new DenseVector(score);
    };
  }

  static StructType outputSchema(StructType schema) {
    return schema.add(PROBABILITY, SQLDataTypes.VectorType(), false).add(PREDICTION, DataTypes.DoubleType, false);
  }

  @Override
  public StructType transformSchema(StructType schema) {
    return outputSchema(schema);
  }

  @Override
  public OneVsRestLogisticModel copy(ParamMap extra) {
    OneVsRestLogisticModel copy = new OneVsRestLogisticModel(uid, classes, features, coefficients, iterations,
        maxIter, converged);
    return copyValues(copy, extra).setParent(parent());
  }

  @Override
  public String uid() {
    return uid;
  }
}
