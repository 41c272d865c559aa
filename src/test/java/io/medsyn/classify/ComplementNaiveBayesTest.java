package io.medsyn.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.medsyn.config.ClassifierConfig;
import io.medsyn.config.ConfigLoader;
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
 * Complement naive Bayes on written weighted rows. The expected figures are scikit-learn 1.2's
 * {@code ComplementNB(alpha=0.1)} fitted on the same rows with the same sample weights ({@code feature_log_prob_} and
 * {@code predict_proba}), so the solver is held to the published estimator, not to itself.
 */
class ComplementNaiveBayesTest {
  private static final double[][] X = {{.6, .8, 0}, {1, 0, 0}, {0, .6, .8}, {0, 0, 1}, {.8, 0, .6}};
  private static final int[] CODES = {0, 0, 1, 2, 2};
  /** Mean 1, as the solver rescales them, so that scikit-learn's sample weights are the same counts. */
  private static final double[] WEIGHTS = {.5, 1.5, 1, 1, 1};
  /** scikit-learn's feature_log_prob_, code by feature. */
  private static final double[][] EXPECTED_WEIGHTS = {{1.5163474894, 1.7676619176, 0.4946962418},
      {0.5959834321, 2.2823823857, 1.0586069541}, {0.719122667, 1.2656663733, 1.4663370688}};

  @Test
  void weightsAreScikitLearnsWhateverTheCostsScale() {
    SparseRows rows = SparseRows.collect(data(1.0), "label", "weight", "features", "", "");
    JavaSparkContext spark = JavaSparkContext.fromSparkContext(TestSpark.session().sparkContext());
    for (double costScale : new double[] {1, 37.5}) {
      double[] cost = new double[X.length];
      for (int i = 0; i < cost.length; i++) {
        cost[i] = WEIGHTS[i] * costScale;
      }
      LogisticSolver.Solution solution = new ComplementNaiveBayes(0.1).solve(rows, 3, cost, 0.1, 1, 1, null, spark);
      assertThat(solution.converged()).isTrue();
      assertThat(solution.iterations()).isEqualTo(1);
      float[] w = solution.coefficients();
      assertThat(w).hasSize(4 * 3);
      for (int j = 0; j < 3; j++) {
        for (int c = 0; c < 3; c++) {
          assertThat((double) w[j * 3 + c]).as("feature %s code %s at cost scale %s", j, c, costScale)
              .isCloseTo(EXPECTED_WEIGHTS[c][j], within(1e-6));
        }
      }
      // No class prior, as scikit-learn's ComplementNB with more than one class.
      assertThat(new float[] {w[9], w[10], w[11]}).containsExactly(0f, 0f, 0f);
    }
  }

  @Test
  void probabilitiesAreTheSoftmaxOfTheScoresThroughTheEstimator() {
    // The weight column's scale does not matter: the solver rescales a row's weight to a mean of 1.
    LinearLogisticModel model = new LinearLogistic(new ComplementNaiveBayes(0.1)).setRegParam(4e-5)
        .fit(data(3.0));
    assertThat(model.converged()).isTrue();
    Dataset<Row> notes = TestSpark.session().createDataFrame(List.of(
            RowFactory.create(Vectors.sparse(3, new int[] {1}, new double[] {1})),
            RowFactory.create(Vectors.sparse(3, new int[] {0, 2}, new double[] {.6, .8}))),
        new StructType().add("features", SQLDataTypes.VectorType()));
    List<Row> scored = model.transform(notes).select(LinearLogisticModel.PROBABILITY,
        LinearLogisticModel.PREDICTION).collectAsList();
    double[][] expected = {{0.3050182605, 0.5103476261, 0.1846341134}, {0.307471737, 0.2779088845, 0.4146193785}};
    for (int n = 0; n < expected.length; n++) {
      double[] p = ((Vector) scored.get(n).get(0)).toArray();
      for (int c = 0; c < 3; c++) {
        assertThat(p[c]).as("note %s code %s", n, c).isCloseTo(expected[n][c], within(1e-6));
      }
    }
    assertThat(scored.get(0).getDouble(1)).isEqualTo(1.0);
    assertThat(scored.get(1).getDouble(1)).isEqualTo(2.0);
  }

  @Test
  void theModelTypeCountsSyntheticNotesAsTheyAreUnderFeatureCopies() {
    // Rows 3 and 4 marked synthetic: with adapt_domains the logistic members would copy their features.
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < X.length; i++) {
      rows.add(RowFactory.create("n" + i, (double) CODES[i], WEIGHTS[i], Vectors.dense(X[i]).toSparse(), i >= 3));
    }
    Dataset<Row> data = TestSpark.session().createDataFrame(rows, new StructType().add("id", DataTypes.StringType)
        .add("label", DataTypes.DoubleType).add("weight", DataTypes.DoubleType)
        .add("features", SQLDataTypes.VectorType())
        .add(IcdClassifier.SYNTHETIC, DataTypes.BooleanType)).coalesce(1);
    List<double[]> byCopies = new ArrayList<>();
    for (boolean copies : new boolean[] {false, true}) {
      ClassifierConfig config = ConfigLoader.load(null, List.of("evaluate.classifier.model=complement_nb",
          "evaluate.classifier.adapt_domains=" + copies)).evaluate().classifier();
      ClassifierModel.Fitted fitted = ClassifierModels.checked(config).fit(data, 4e-5, config, 1, null);
      byCopies.add(((Vector) fitted.model().transform(data).select(LinearLogisticModel.PROBABILITY).first().get(0))
          .toArray());
    }
    assertThat(byCopies.get(1)).containsExactly(byCopies.get(0));
    // And they are the plain fit's: row 0 as scikit-learn's ComplementNB(alpha=0.1) scores it.
    double[] expected = {0.43786951, 0.38049723, 0.18163326};
    for (int c = 0; c < 3; c++) {
      assertThat(byCopies.get(0)[c]).as("code %s", c).isCloseTo(expected[c], within(1e-6));
    }
  }

  private static Dataset<Row> data(double weightScale) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < X.length; i++) {
      rows.add(RowFactory.create((double) CODES[i], WEIGHTS[i] * weightScale, Vectors.dense(X[i]).toSparse()));
    }
    return TestSpark.session().createDataFrame(rows, new StructType().add("label", DataTypes.DoubleType)
        .add("weight", DataTypes.DoubleType).add("features", SQLDataTypes.VectorType())).coalesce(1);
  }
}
