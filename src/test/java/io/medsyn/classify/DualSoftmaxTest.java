package io.medsyn.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.medsyn.testing.TestSpark;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
 * The softmax model on a written non-separable problem (rows 4 and 6 are the same note with different codes):
 * its probabilities match the optimum of {@code ½‖W‖² + Σ C_i (−log p_{i,y_i})} (bias regularised, C_i =
 * weight_i / (λ Σ weight)) found independently by SciPy's L-BFGS-B to a gradient of 1e-7, and row 3's weight moves
 * them.
 */
class DualSoftmaxTest {
  private static final double[][] X = {{1, 0, 0}, {.6, .8, 0}, {0, 1, 0}, {0, .6, .8}, {0, 0, 1}, {.8, 0, .6},
      {0, 0, 1}};
  private static final int[] Y = {0, 0, 1, 1, 2, 2, 0};

  private static List<double[]> probabilities(double[] weight) {
    StructType schema = new StructType().add("label", DataTypes.DoubleType).add("weight", DataTypes.DoubleType)
        .add("features", SQLDataTypes.VectorType());
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < X.length; i++) {
      rows.add(RowFactory.create((double) Y[i], weight[i], Vectors.dense(X[i]).toSparse()));
    }
    Dataset<Row> data = TestSpark.session().createDataFrame(rows, schema).coalesce(1);
    LinearLogisticModel model = new LinearLogistic(new DualSoftmax()).setRegParam(0.05).setTol(1e-9)
        .setMaxIter(10_000).fit(data);
    assertThat(model.converged()).as("converged in %s passes", model.iterations()).isTrue();
    return model.transform(data).select(LinearLogisticModel.PROBABILITY).collectAsList().stream()
        .map(r -> ((Vector) r.get(0)).toArray()).toList();
  }

  @Test
  void fitsTheWeightedSoftmaxOptimum() {
    List<double[]> p = probabilities(new double[] {1, 1, 1, 3, 1, 1, 1});
    double[][] optimum = {{.643938, .087205, .268858}, {.454757, .423432, .121810}, {.209869, .730541, .059591},
        {.196499, .638949, .164552}, {.248021, .361046, .390933}, {.476773, .137449, .385778},
        {.248021, .361046, .390933}};
    for (int i = 0; i < X.length; i++) {
      assertThat(p.get(i)).as("row %s", i).containsExactly(optimum[i], within(2e-6));
    }
  }

  @Test
  void weightsMoveTheOptimum() {
    List<double[]> p = probabilities(new double[] {1, 1, 1, 1, 1, 1, 1});
    // With row 3 weighing 1 instead of 3, its own code's probability falls from 0.639 to SciPy's 0.465.
    assertThat(p.get(3)).containsExactly(new double[] {.293886, .465372, .240742}, within(2e-6));
    assertThat(p.get(4)).containsExactly(new double[] {.304861, .221582, .473557}, within(2e-6));
  }

  @Test
  void aRowsBlockIsTheSameFromAnyStartOfItsMultiplier() {
    double a = 2.5;
    double c = 3;
    double[] alpha = {0, 0.4, 2.5, 0.1};
    double[] scores = {-1.5, 0.3, 2.0, -4.0};
    double[] cold = new double[4];
    double nu = DualSoftmax.solveRow(a, c, alpha, 0, scores, Double.NaN, cold, new double[4]);
    assertThat(Arrays.stream(cold).sum()).isCloseTo(c, within(1e-11));
    for (int m = 0; m < 4; m++) {
      // Each z_m solves a z + log z = a α_m + s_m − ν.
      assertThat(a * cold[m] + Math.log(cold[m])).isCloseTo(a * alpha[m] + scores[m] - nu, within(1e-9));
    }
    for (double previous : new double[] {nu - 20, nu - 0.01, nu, nu + 0.01, nu + 20}) {
      double[] warm = new double[4];
      assertThat(DualSoftmax.solveRow(a, c, alpha, 0, scores, previous, warm, new double[4])).as("from %s", previous)
          .isCloseTo(nu, within(1e-9));
      assertThat(warm).as("from %s", previous).containsExactly(cold, within(1e-11));
    }
  }
}
