package io.medsyn.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.medsyn.config.ClassifierConfig;
import io.medsyn.config.ConfigLoader;
import io.medsyn.testing.TestSpark;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.Transformer;
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
 * The registered means on a written non-separable problem where their members disagree: the probabilities are the
 * mean of the members' own, fitted alone, and the prediction is that mean's most probable code.
 */
class MeanOfModelsTest {
  private static final double[][] X = {{1, 0, 0}, {.6, .8, 0}, {0, 1, 0}, {0, .6, .8}, {0, 0, 1}, {.8, 0, .6},
      {0, 0, 1}, {.7, .7, 0}};
  private static final int[] Y = {0, 0, 1, 1, 2, 2, 0, 1};

  private static Dataset<Row> rows() {
    StructType schema = new StructType().add("id", DataTypes.StringType).add("label", DataTypes.DoubleType)
        .add("weight", DataTypes.DoubleType).add("features", SQLDataTypes.VectorType());
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < X.length; i++) {
      rows.add(RowFactory.create("n" + i, (double) Y[i], 1.0, Vectors.dense(X[i]).toSparse()));
    }
    return TestSpark.session().createDataFrame(rows, schema).coalesce(1);
  }

  private static List<Row> scored(String model) {
    ClassifierConfig config = ConfigLoader.load(null, List.of("evaluate.classifier.model=" + model,
        "evaluate.classifier.tol=1e-9", "evaluate.classifier.max_iter=10000")).evaluate().classifier();
    ClassifierModel.Fitted fitted = ClassifierModels.named(model).fit(rows(), 0.05, config, 1, null);
    assertThat(fitted.converged()).as("%s converged", model).isTrue();
    Transformer transformer = fitted.model();
    return transformer.transform(rows()).select(LinearLogisticModel.PROBABILITY, LinearLogisticModel.PREDICTION)
        .collectAsList();
  }

  @Test
  void averagesOneVsRestAndSoftmaxProbabilities() {
    assertMeanOf("one_vs_rest_and_softmax", "one_vs_rest", "softmax");
  }

  @Test
  void averagesOneVsRestSoftmaxAndComplementNaiveBayesProbabilities() {
    assertMeanOf("one_vs_rest_softmax_and_complement_nb", "one_vs_rest", "softmax", "complement_nb");
  }

  private static void assertMeanOf(String model, String... members) {
    List<List<Row>> alone = new ArrayList<>();
    for (String member : members) {
      alone.add(scored(member));
    }
    List<Row> mean = scored(model);
    int disagree = 0;
    for (int i = 0; i < X.length; i++) {
      double[] m = ((Vector) mean.get(i).get(0)).toArray();
      for (int c = 0; c < 3; c++) {
        double sum = 0;
        for (List<Row> member : alone) {
          sum += ((Vector) member.get(i).get(0)).apply(c);
        }
        assertThat(m[c]).as("%s row %s code %s", model, i, c).isCloseTo(sum / members.length, within(1e-12));
      }
      assertThat(mean.get(i).getDouble(1)).as("%s row %s prediction", model, i)
          .isEqualTo((double) ((Vector) mean.get(i).get(0)).argmax());
      double first = ((Vector) alone.get(0).get(i).get(0)).apply(Y[i]);
      double last = ((Vector) alone.get(members.length - 1).get(i).get(0)).apply(Y[i]);
      disagree += Math.abs(first - last) > 0.01 ? 1 : 0;
    }
    // The members differ, so the mean is not any one's.
    assertThat(disagree).as(model).isGreaterThan(X.length / 2);
  }
}
