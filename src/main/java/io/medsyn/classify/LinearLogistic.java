package io.medsyn.classify;

import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaSparkContext;
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
 * An MLlib estimator: L2-regularised linear logistic regression on sparse features with an instance weight per row.
 * The training rows are collected once into a {@link SparseRows} matrix; the {@link LogisticSolver} strategy (one
 * class against the rest, or softmax) solves for the coefficients to the tolerance.
 *
 * <p>{@code regParam} is the L2 strength λ on the weighted mean loss, as in MLlib's LogisticRegression, so that the
 * two models read one setting alike: each row's cost is {@code C_i = weight_i / (λ Σ weight)}.
 */
public final class LinearLogistic extends Estimator<LinearLogisticModel> {
  private static final Logger LOG = LoggerFactory.getLogger(LinearLogistic.class);

  private final String uid;
  private final LogisticSolver solver;
  private final Param<String> featuresCol;
  private final Param<String> labelCol;
  private final Param<String> weightCol;
  private final Param<String> syntheticCol;
  private final Param<String> idCol;
  private final DoubleParam regParam;
  private final IntParam maxIter;
  private final DoubleParam tol;
  private final LongParam seed;

  LinearLogistic(LogisticSolver solver) {
    this(Identifiable$.MODULE$.randomUID("linearLogistic"), solver);
  }

  LinearLogistic(String uid, LogisticSolver solver) {
    this.uid = uid;
    this.solver = solver;
    featuresCol = new Param<>(this, "featuresCol", "the sparse feature vector column");
    labelCol = new Param<>(this, "labelCol", "the label index column (0, 1, ...)");
    weightCol = new Param<>(this, "weightCol", "the instance weight column (> 0)");
    syntheticCol = new Param<>(this, "syntheticCol", "the boolean column marking synthetic notes, whose features"
        + " then get their own copies (SparseRows#withDomainCopies); empty for none");
    idCol = new Param<>(this, "idCol", "the note id column, by which a fit on other rows finds where this one"
        + " ended (fitFrom); empty for none");
    regParam = new DoubleParam(this, "regParam", "L2 strength on the weighted mean loss (> 0)");
    maxIter = new IntParam(this, "maxIter", "most passes over the data (per class for one-vs-rest)");
    tol = new DoubleParam(this, "tol", "the solver's stopping tolerance");
    seed = new LongParam(this, "seed", "seed of the order in which rows are visited");
    setDefault(featuresCol, "features");
    setDefault(labelCol, "label");
    setDefault(weightCol, "weight");
    setDefault(syntheticCol, "");
    setDefault(idCol, "");
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

  public Param<String> syntheticCol() {
    return syntheticCol;
  }

  public Param<String> idCol() {
    return idCol;
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

  public LinearLogistic setFeaturesCol(String value) {
    set(featuresCol, value);
    return this;
  }

  public LinearLogistic setLabelCol(String value) {
    set(labelCol, value);
    return this;
  }

  public LinearLogistic setWeightCol(String value) {
    set(weightCol, value);
    return this;
  }

  public LinearLogistic setSyntheticCol(String value) {
    set(syntheticCol, value);
    return this;
  }

  public LinearLogistic setIdCol(String value) {
    set(idCol, value);
    return this;
  }

  public LinearLogistic setRegParam(double value) {
    set(regParam, value);
    return this;
  }

  public LinearLogistic setMaxIter(int value) {
    set(maxIter, value);
    return this;
  }

  public LinearLogistic setTol(double value) {
    set(tol, value);
    return this;
  }

  public LinearLogistic setSeed(long value) {
    set(seed, value);
    return this;
  }

  @Override
  public LinearLogisticModel fit(Dataset<?> dataset) {
    return fitFrom(dataset, null).model();
  }

  /** A fitted model and its solver's end point ({@code null} when the solver has none). */
  record Fit(LinearLogisticModel model, LogisticSolver.Dual dual) {}

  /**
   * As {@link #fit(Dataset)}, starting from {@code from} where it holds the same notes ({@code idCol}) with the same
   * labels: each such row starts at its end point, the others afresh. A start that holds none is ignored.
   */
  Fit fitFrom(Dataset<?> dataset, LogisticSolver.Dual from) {
    long start = System.nanoTime();
    SparseRows rows = SparseRows.collect(dataset, (String) $(labelCol), (String) $(weightCol),
        (String) $(featuresCol), (String) $(syntheticCol), (String) $(idCol));
    // Without a synthetic row the copies would give the plain fit: not worth the second weight block.
    SparseRows solved = rows.anySynthetic() ? rows.withDomainCopies() : rows;
    int classes = IntStream.of(rows.label).max().orElseThrow(() -> new IllegalArgumentException(
        solver.description() + ": no training rows")) + 1;
    double total = 0;
    for (double w : rows.weight) {
      total += w;
    }
    double lambda = (Double) $(regParam);
    double[] cost = new double[rows.rows()];
    for (int i = 0; i < cost.length; i++) {
      cost[i] = rows.weight[i] / (lambda * total);
    }
    LogisticSolver.Dual startAt = from == null ? null : from.on(solved, classes);
    LogisticSolver.Solution solution = solver.solve(solved, classes, cost, (Double) $(tol), (Integer) $(maxIter),
        (Long) $(seed), startAt, JavaSparkContext.fromSparkContext(dataset.sparkSession().sparkContext()));
    LOG.info("{}: {} classes, {} rows, {} features{}, {} of {} passes ({}{}), {} s", solver.description(), classes,
        rows.rows(), rows.columns, solved == rows ? "" : " (each with a shared, a real and a synthetic copy)",
        solution.iterations(), $(maxIter), solution.converged() ? "converged" : "not converged",
        startAt == null ? "" : ", " + startAt.held() + " rows from the last fit's end",
        String.format("%.1f", (System.nanoTime() - start) / 1e9));
    LinearLogisticModel model = new LinearLogisticModel(uid, classes, rows.columns, solution.coefficients(),
        solution.iterations(), (Integer) $(maxIter), solution.converged(), solver.link());
    model.set(model.featuresCol(), $(featuresCol));
    return new Fit(model.setParent(this), solution.dual());
  }

  @Override
  public StructType transformSchema(StructType schema) {
    return LinearLogisticModel.outputSchema(schema);
  }

  @Override
  public LinearLogistic copy(ParamMap extra) {
    return copyValues(new LinearLogistic(uid, solver), extra);
  }

  @Override
  public String uid() {
    return uid;
  }
}
