package io.medsyn.classify;

import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An MLlib estimator: L2-regularised logistic regression, one class against the rest, on sparse features with an
 * instance weight per row. The training rows are collected once into a {@link SparseRows} matrix and broadcast; the
 * classes are spread over Spark tasks, each solving its binary problems with {@link DualLogistic} to the tolerance.
 *
 * <p>{@code regParam} is the L2 strength λ on the weighted mean loss, as in MLlib's LogisticRegression, so that the
 * two models read one setting alike: each row's cost is {@code C_i = weight_i / (λ Σ weight)}.
 */
public final class OneVsRestLogistic extends Estimator<OneVsRestLogisticModel> {
  private static final Logger LOG = LoggerFactory.getLogger(OneVsRestLogistic.class);

  private final String uid;
  private final Param<String> featuresCol;
  private final Param<String> labelCol;
  private final Param<String> weightCol;
  private final DoubleParam regParam;
  private final IntParam maxIter;
  private final DoubleParam tol;
  private final LongParam seed;

  public OneVsRestLogistic() {
    this(Identifiable$.MODULE$.randomUID("ovrLogistic"));
  }

  public OneVsRestLogistic(String uid) {
    this.uid = uid;
    featuresCol = new Param<>(this, "featuresCol", "the sparse feature vector column");
    labelCol = new Param<>(this, "labelCol", "the label index column (0, 1, ...)");
    weightCol = new Param<>(this, "weightCol", "the instance weight column (> 0)");
    regParam = new DoubleParam(this, "regParam", "L2 strength on the weighted mean loss (> 0)");
    maxIter = new IntParam(this, "maxIter", "most passes over the data per class");
    tol = new DoubleParam(this, "tol", "stop when the largest projected dual gradient is below this");
    seed = new LongParam(this, "seed", "seed of the order in which rows are visited");
    setDefault(featuresCol, "features");
    setDefault(labelCol, "label");
    setDefault(weightCol, "weight");
    setDefault(regParam, 2e-5);
    setDefault(maxIter, 1000);
    setDefault(tol, 0.1);
    setDefault(seed, 1L);
  }

  public Param<String> featuresCol() {
    return featuresCol;
  }

  public Param<String> labelCol() {
    return labelCol;
  }

  public Param<String> weightCol() {
    return weightCol;
  }

  public DoubleParam regParam() {
    return regParam;
  }

  public IntParam maxIter() {
    return maxIter;
  }

  public DoubleParam tol() {
    return tol;
  }

  public LongParam seed() {
    return seed;
  }

  public OneVsRestLogistic setFeaturesCol(String value) {
    set(featuresCol, value);
    return this;
  }

  public OneVsRestLogistic setLabelCol(String value) {
    set(labelCol, value);
    return this;
  }

  public OneVsRestLogistic setWeightCol(String value) {
    set(weightCol, value);
    return this;
  }

  public OneVsRestLogistic setRegParam(double value) {
    set(regParam, value);
    return this;
  }

  public OneVsRestLogistic setMaxIter(int value) {
    set(maxIter, value);
    return this;
  }

  public OneVsRestLogistic setTol(double value) {
    set(tol, value);
    return this;
  }

  public OneVsRestLogistic setSeed(long value) {
    set(seed, value);
    return this;
  }

  @Override
  public OneVsRestLogisticModel fit(Dataset<?> dataset) {
    long start = System.nanoTime();
    SparseRows rows = SparseRows.collect(dataset, (String) $(labelCol), (String) $(weightCol),
        (String) $(featuresCol));
    int classes = IntStream.of(rows.label).max().orElseThrow(() -> new IllegalArgumentException(
        "one-vs-rest logistic regression: no training rows")) + 1;
    double total = 0;
    for (double w : rows.weight) {
      total += w;
    }
    double lambda = (Double) $(regParam);
    double[] cost = new double[rows.rows()];
    for (int i = 0; i < cost.length; i++) {
      cost[i] = rows.weight[i] / (lambda * total);
    }
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(dataset.sparkSession().sparkContext());
    Broadcast<SparseRows> shared = jsc.broadcast(rows);
    Broadcast<double[]> costs = jsc.broadcast(cost);
    List<DualLogistic.Solution> solutions;
    try {
      solutions = jsc.parallelize(IntStream.range(0, classes).boxed().toList(),
              Math.min(classes, jsc.defaultParallelism()))
          .map(solver(shared, costs, (Double) $(tol), (Integer) $(maxIter), (Long) $(seed))).collect();
    } finally {
      shared.destroy();
      costs.destroy();
    }
    int features = rows.columns + 1;
    // Feature-major, so that scoring a sparse note reads each of its features' class weights contiguously.
    float[] coefficients = new float[features * classes];
    int iterations = 0;
    boolean converged = true;
    for (DualLogistic.Solution s : solutions) {
      double[] w = DualLogistic.weights(rows, s);
      for (int j = 0; j < features; j++) {
        coefficients[j * classes + s.positive()] = (float) w[j];
      }
      iterations = Math.max(iterations, s.iterations());
      converged &= s.converged();
    }
    LOG.info("one-vs-rest logistic regression: {} classes, {} rows, {} features, {} of {} passes at most ({}),"
        + " {} s", classes, rows.rows(), rows.columns, iterations, $(maxIter),
        converged ? "converged" : "not converged", String.format("%.1f", (System.nanoTime() - start) / 1e9));
    OneVsRestLogisticModel model = new OneVsRestLogisticModel(uid, classes, rows.columns, coefficients,
        iterations, (Integer) $(maxIter), converged);
    model.set(model.featuresCol(), $(featuresCol));
    return model.setParent(this);
  }

  /** The per-class task: a static factory so that the closure captures only what it names. */
  private static Function<Integer, DualLogistic.Solution> solver(Broadcast<SparseRows> rows,
      Broadcast<double[]> costs, double tol, int maxIter, long seed) {
    return c -> DualLogistic.solve(rows.value(), c, costs.value(), tol, maxIter, seed + c);
  }

  @Override
  public StructType transformSchema(StructType schema) {
    return OneVsRestLogisticModel.outputSchema(schema);
  }

  @Override
  public OneVsRestLogistic copy(ParamMap extra) {
    return defaultCopy(extra);
  }

  @Override
  public String uid() {
    return uid;
  }
}
