package io.medsyn.classify;

import io.medsyn.Checks;
import java.io.Serializable;
import java.util.List;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Training rows as one compressed sparse row matrix (label index, instance weight, feature vector), small enough to
 * broadcast: a few million non-zeros for tens of thousands of notes. The solvers read it; nothing writes it after
 * {@link #collect}.
 */
public final class SparseRows implements Serializable {
  private static final long serialVersionUID = 1L;

  final int columns;
  final int[] start;
  final int[] index;
  final float[] value;
  final int[] label;
  final double[] weight;
  /** Which rows are synthetic notes; null when not collected (every row counts as real). */
  final boolean[] synthetic;

  SparseRows(int columns, int[] start, int[] index, float[] value, int[] label, double[] weight,
      boolean[] synthetic) {
    this.columns = columns;
    this.start = start;
    this.index = index;
    this.value = value;
    this.label = label;
    this.weight = weight;
    this.synthetic = synthetic;
  }

  /** Collects {@code labelCol} (an integer-valued double), {@code weightCol} and {@code featuresCol}. */
  static SparseRows collect(Dataset<?> data, String labelCol, String weightCol, String featuresCol) {
    return collect(data.select(labelCol, weightCol, featuresCol).toDF().collectAsList(), null);
  }

  /** As {@link #collect(Dataset, String, String, String)}, with which rows {@code syntheticCol} (a boolean) marks. */
  static SparseRows collect(Dataset<?> data, String labelCol, String weightCol, String featuresCol,
      String syntheticCol) {
    List<Row> rows = data.select(labelCol, weightCol, featuresCol, syntheticCol).toDF().collectAsList();
    boolean[] synthetic = new boolean[rows.size()];
    for (int i = 0; i < synthetic.length; i++) {
      synthetic[i] = rows.get(i).getBoolean(3);
    }
    return collect(rows, synthetic);
  }

  /** Rows of (label, weight, features, ...), with their {@link #synthetic} marks (null for none). */
  private static SparseRows collect(List<Row> rows, boolean[] synthetic) {
    int n = rows.size();
    int[] start = new int[n + 1];
    int[] label = new int[n];
    double[] weight = new double[n];
    int columns = 0;
    long nonZeros = 0;
    for (int i = 0; i < n; i++) {
      Vector v = rows.get(i).getAs(2);
      columns = v.size();
      nonZeros += v.numActives();
    }
    Checks.checkArgument(nonZeros < Integer.MAX_VALUE, "training rows: %s non-zero features exceed one array;"
        + " lower evaluate.classifier.char_ngrams.max or train on fewer notes", nonZeros);
    int[] index = new int[(int) nonZeros];
    float[] value = new float[(int) nonZeros];
    int at = 0;
    for (int i = 0; i < n; i++) {
      Row row = rows.get(i);
      label[i] = (int) row.getDouble(0);
      weight[i] = row.getDouble(1);
      Checks.checkArgument(weight[i] > 0, "training rows: instance weight %s of row %s must be > 0", weight[i], i);
      SparseVector v = ((Vector) row.getAs(2)).toSparse();
      start[i] = at;
      for (int j = 0; j < v.indices().length; j++) {
        index[at] = v.indices()[j];
        value[at++] = (float) v.values()[j];
      }
    }
    start[n] = at;
    return new SparseRows(columns, start, index, value, label, weight, synthetic);
  }

  int rows() {
    return label.length;
  }

  /** Whether any row is a synthetic note. */
  boolean anySynthetic() {
    if (synthetic != null) {
      for (boolean s : synthetic) {
        if (s) {
          return true;
        }
      }
    }
    return false;
  }

  /** Sum of row i's feature values times {@code w} (whose last entry is the bias, on a constant feature 1). */
  double dot(double[] w, int i) {
    double sum = w[columns];
    for (int p = start[i]; p < start[i + 1]; p++) {
      sum += w[index[p]] * value[p];
    }
    return sum;
  }

  /** {@code w += scale × row i} (with its constant bias feature). */
  void addTo(double[] w, int i, double scale) {
    w[columns] += scale;
    for (int p = start[i]; p < start[i + 1]; p++) {
      w[index[p]] += scale * value[p];
    }
  }

  /** Squared norm of row i with its bias feature. */
  double squaredNorm(int i) {
    double sum = 1;
    for (int p = start[i]; p < start[i + 1]; p++) {
      sum += (double) value[p] * value[p];
    }
    return sum;
  }
}
