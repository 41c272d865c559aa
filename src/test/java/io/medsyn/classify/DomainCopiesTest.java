package io.medsyn.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.medsyn.testing.TestSpark;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * Feature copies for synthetic notes ({@link SparseRows#withDomainCopies}), on written rows: real notes alone give the
 * plain model exactly (so a real-only control is untouched), the two weight blocks fit as the copied-out rows would,
 * and a word only synthetic notes of one code write (their template's) sways a real note less.
 */
class DomainCopiesTest {
  /** Real notes: three features, three codes; row 6 repeats row 4 with another code, so nothing is separable. */
  private static final double[][] REAL = {{1, 0, 0, 0}, {.6, .8, 0, 0}, {0, 1, 0, 0}, {0, .6, .8, 0}, {0, 0, 1, 0},
      {.8, 0, .6, 0}, {0, 0, 1, 0}};
  private static final int[] REAL_CODES = {0, 0, 1, 1, 2, 2, 0};
  /** Synthetic notes: code 0's all write feature 3, which no real note has. */
  private static final double[][] SYNTHETIC = {{.6, 0, 0, .8}, {.6, 0, 0, .8}, {0, .6, 0, .8}, {0, 1, 0, 0},
      {0, 0, 1, 0}};
  private static final int[] SYNTHETIC_CODES = {0, 0, 0, 1, 2};
  private static final double LAMBDA = 0.05;
  private static final List<LogisticSolver> SOLVERS = List.of(new DualSoftmax(), new OneVsRest());

  @Test
  void realRowsAloneGiveThePlainCoefficientsForBothSolvers() {
    SparseRows plain = rows(REAL, REAL_CODES);
    double[] cost = cost(REAL.length);
    for (LogisticSolver solver : SOLVERS) {
      assertSameCoefficients(solver, solve(solver, plain, cost), solve(solver, plain.withDomainCopies(), cost));
    }
  }

  /**
   * The two weight blocks are Daumé's augmentation, not an approximation of it: solving rows copied out in full (3d
   * columns, values scaled by 1/√2) and collapsing the shared and real copies gives the same model.
   */
  @Test
  void copiesFitAsRowsCopiedOutInFullForBothSolvers() {
    SparseRows mixed = SparseRows.collect(data(), "label", "weight", "features", IcdClassifier.SYNTHETIC, "");
    SparseRows copiedOut = copiedOut(mixed);
    double[] cost = cost(mixed.rows());
    for (LogisticSolver solver : SOLVERS) {
      float[] full = solve(solver, copiedOut, cost);
      float[] collapsed = new float[5 * 3];
      for (int c = 0; c < 3; c++) {
        for (int j = 0; j < 4; j++) {
          collapsed[j * 3 + c] = (float) ((full[j * 3 + c] + full[(4 + j) * 3 + c]) * Math.sqrt(0.5));
        }
        collapsed[4 * 3 + c] = full[12 * 3 + c];
      }
      float[] copies = solve(solver, mixed.withDomainCopies(), cost);
      assertSameCoefficients(solver, collapsed, copies);
      // Not the pooled fit: the copies change the model (else this test could not tell them apart).
      assertThat(Math.abs(copies[3 * 3] - solve(solver, mixed, cost)[3 * 3])).isGreaterThan(0.05f);
    }
  }

  private static float[] solve(LogisticSolver solver, SparseRows rows, double[] cost) {
    JavaSparkContext spark = JavaSparkContext.fromSparkContext(TestSpark.session().sparkContext());
    return solver.solve(rows, 3, cost, 1e-9, 100_000, 1, null, spark).coefficients();
  }

  private static double[] cost(int rows) {
    double[] cost = new double[rows];
    java.util.Arrays.fill(cost, 1 / (LAMBDA * rows));
    return cost;
  }

  private static void assertSameCoefficients(LogisticSolver solver, float[] expected, float[] actual) {
    assertThat(actual).as(solver.description()).hasSize(expected.length);
    for (int k = 0; k < expected.length; k++) {
      assertThat((double) actual[k]).as("%s coefficient %s", solver.description(), k)
          .isCloseTo(expected[k], within(1e-4));
    }
  }

  /** The rows with 3d columns: shared copy at j, real copy at d + j, synthetic copy at 2d + j, each value × 1/√2. */
  private static SparseRows copiedOut(SparseRows rows) {
    int d = rows.columns;
    int[] start = new int[rows.rows() + 1];
    int[] index = new int[2 * rows.index.length];
    float[] value = new float[index.length];
    int at = 0;
    for (int i = 0; i < rows.rows(); i++) {
      start[i] = at;
      int copy = rows.synthetic[i] ? 2 * d : d;
      for (int p = rows.start[i]; p < rows.start[i + 1]; p++) {
        float v = (float) (rows.value[p] * Math.sqrt(0.5));
        index[at] = rows.index[p];
        value[at++] = v;
        index[at] = copy + rows.index[p];
        value[at++] = v;
      }
    }
    start[rows.rows()] = at;
    return new SparseRows(3 * d, start, index, value, rows.label, rows.weight, null);
  }

  @Test
  void aWordOnlySyntheticNotesWriteSwaysARealNoteLess() {
    Dataset<Row> data = data();
    Vector tell = Vectors.sparse(4, new int[] {3}, new double[] {1});
    Vector realNote = Vectors.sparse(4, new int[] {0}, new double[] {1});
    for (LogisticSolver solver : SOLVERS) {
      LinearLogisticModel pooled = fit(solver, data, "");
      LinearLogisticModel adapted = fit(solver, data, IcdClassifier.SYNTHETIC);
      double pooledTell = probability(pooled, tell);
      double adaptedTell = probability(adapted, tell);
      // Pooled, the tell alone makes code 0 the likeliest; with copies half of its weight stays with the synthetic
      // notes, so it moves a real note much less from the prior.
      assertThat(adaptedTell).as(solver.description()).isLessThan(pooledTell - 0.05);
      assertThat(adaptedTell).as(solver.description()).isGreaterThan(1.0 / 3);
      // What real and synthetic notes agree on (feature 0 means code 0) still counts.
      assertThat(probability(adapted, realNote)).as(solver.description()).isGreaterThan(0.5);
    }
  }

  private static LinearLogisticModel fit(LogisticSolver solver, Dataset<Row> data, String syntheticCol) {
    LinearLogisticModel model = new LinearLogistic(solver).setRegParam(LAMBDA).setTol(1e-9).setMaxIter(100_000)
        .setSyntheticCol(syntheticCol).fit(data);
    assertThat(model.converged()).isTrue();
    return model;
  }

  /** Code 0's probability for a note of these features. */
  private static double probability(LinearLogisticModel model, Vector features) {
    Dataset<Row> one = TestSpark.session().createDataFrame(List.of(RowFactory.create(features)),
        new StructType().add("features", SQLDataTypes.VectorType()));
    return ((Vector) model.transform(one).select(LinearLogisticModel.PROBABILITY).first().get(0)).apply(0);
  }

  private static Dataset<Row> data() {
    StructType schema = new StructType().add("label", DataTypes.DoubleType).add("weight", DataTypes.DoubleType)
        .add("features", SQLDataTypes.VectorType()).add(IcdClassifier.SYNTHETIC, DataTypes.BooleanType);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < REAL.length; i++) {
      rows.add(RowFactory.create((double) REAL_CODES[i], 1.0, Vectors.dense(REAL[i]).toSparse(), false));
    }
    for (int i = 0; i < SYNTHETIC.length; i++) {
      rows.add(RowFactory.create((double) SYNTHETIC_CODES[i], 1.0, Vectors.dense(SYNTHETIC[i]).toSparse(), true));
    }
    return TestSpark.session().createDataFrame(rows, schema).coalesce(1);
  }

  private static SparseRows rows(double[][] x, int[] codes) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < x.length; i++) {
      rows.add(RowFactory.create((double) codes[i], 1.0, Vectors.dense(x[i]).toSparse()));
    }
    Dataset<Row> data = TestSpark.session().createDataFrame(rows, new StructType().add("label", DataTypes.DoubleType)
        .add("weight", DataTypes.DoubleType).add("features", SQLDataTypes.VectorType())).coalesce(1);
    return SparseRows.collect(data, "label", "weight", "features", "", "");
  }
}
