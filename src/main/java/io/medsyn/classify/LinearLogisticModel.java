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
 * A fitted {@link LinearLogistic}: adds {@code probability} (the class scores turned into probabilities by the
 * solver's {@link Link}) and {@code prediction} (the most probable class index). It keeps how many passes the solver
 * needed and whether it converged.
 */
public final class LinearLogisticModel extends Model<LinearLogisticModel> {
  public static final String PROBABILITY = "probability";
  public static final String PREDICTION = "prediction";

  private final String uid;
  private final int classes;
  private final int features;
  private final float[] coefficients;
  private final int iterations;
  private final int maxIter;
  private final boolean converged;
  private final Link link;
  private final Param<String> featuresCol;
  private transient Broadcast<float[]> shared;

  LinearLogisticModel(String uid, int classes, int features, float[] coefficients, int iterations,
      int maxIter, boolean converged, Link link) {
    this.uid = uid;
    this.classes = classes;
    this.features = features;
    this.coefficients = coefficients;
    this.iterations = iterations;
    this.maxIter = maxIter;
    this.converged = converged;
    this.link = link;
    featuresCol = new Param<>(this, "featuresCol", "the sparse feature vector column");
    setDefault(featuresCol, "features");
  }

  public Param<String> featuresCol() {
    return featuresCol;
  }

  public int numClasses() {
    return classes;
  }

  /** Passes over the data (for one-vs-rest, of the class that needed most). */
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
    return withPrediction(dataset.toDF().withColumn(PROBABILITY, udf(scorer(shared, classes, features, link),
        SQLDataTypes.VectorType()).apply(col($(featuresCol)))));
  }

  /** Adds {@code prediction}, the most probable class index of {@code probability}. */
  static Dataset<Row> withPrediction(Dataset<Row> scored) {
    return scored.withColumn(PREDICTION, udf((UDF1<Vector, Double>) p -> (double) p.argmax(),
        DataTypes.DoubleType).apply(col(PROBABILITY)));
  }

  private static UDF1<Vector, Vector> scorer(Broadcast<float[]> weights, int classes, int features,
      Link link) {
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
      link.probabilities(score);
      return new DenseVector(score);
    };
  }

  /** How class scores become probabilities. */
  public enum Link {
    /** Each class's sigmoid, normalised to sum to 1, as LIBLINEAR and scikit-learn do for one-vs-rest. */
    NORMALISED_SIGMOID {
      @Override
      void probabilities(double[] score) {
        for (int c = 0; c < score.length; c++) {
          score[c] = 1 / (1 + Math.exp(-score[c]));
        }
        normalise(score);
      }
    },
    /** The softmax, the multinomial model's own probabilities. */
    SOFTMAX {
      @Override
      void probabilities(double[] score) {
        double max = Double.NEGATIVE_INFINITY;
        for (double s : score) {
          max = Math.max(max, s);
        }
        for (int c = 0; c < score.length; c++) {
          score[c] = Math.exp(score[c] - max);
        }
        normalise(score);
      }
    };

    /** Replaces class scores by probabilities, in place. */
    abstract void probabilities(double[] score);

    private static void normalise(double[] p) {
      double sum = 0;
      for (double v : p) {
        sum += v;
      }
      for (int c = 0; c < p.length; c++) {
        p[c] /= sum;
      }
    }
  }

  static StructType outputSchema(StructType schema) {
    return schema.add(PROBABILITY, SQLDataTypes.VectorType(), false).add(PREDICTION, DataTypes.DoubleType, false);
  }

  @Override
  public StructType transformSchema(StructType schema) {
    return outputSchema(schema);
  }

  @Override
  public LinearLogisticModel copy(ParamMap extra) {
    LinearLogisticModel copy = new LinearLogisticModel(uid, classes, features, coefficients, iterations,
        maxIter, converged, link);
    return copyValues(copy, extra).setParent(parent());
  }

  @Override
  public String uid() {
    return uid;
  }
}
