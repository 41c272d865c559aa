package io.medsyn.classify;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.medsyn.Checks;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Training rows as one compressed sparse row matrix (label index, instance weight, feature vector), small enough to
 * broadcast: a few million non-zeros for tens of thousands of notes. The solvers read it; nothing writes it after
 * {@link #collect}.
 *
 * <p>The solvers score and update rows only through {@link #dot}, {@link #addTo}, {@link #scores} and {@link
 * #addTo(double[], int, int, double[])}, so that rows {@link #withDomainCopies with feature copies} need no copied
 * matrix.
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
  /** Each row's note id, by which a later fit on other rows finds this one's start; null when not collected. */
  final String[] id;
  /** Whether the solvers fit feature copies per kind of note: see {@link #withDomainCopies}. */
  final boolean copies;

  SparseRows(int columns, int[] start, int[] index, float[] value, int[] label, double[] weight,
      boolean[] synthetic) {
    this(columns, start, index, value, label, weight, synthetic, null, false);
  }

  private SparseRows(int columns, int[] start, int[] index, float[] value, int[] label, double[] weight,
      boolean[] synthetic, String[] id, boolean copies) {
    this.columns = columns;
    this.start = start;
    this.index = index;
    this.value = value;
    this.label = label;
    this.weight = weight;
    this.synthetic = synthetic;
    this.id = id;
    this.copies = copies;
  }

  /**
   * The same rows, fitted with feature augmentation for the two kinds of note (Daumé III, "Frustratingly easy domain
   * adaptation", 2007): each of the d features gets a shared copy and one copy per kind, a real row filling the shared
   * and the real copy and a synthetic row the shared and the synthetic one, each with the value scaled by 1/√2. Under
   * L2 the shared copy carries what both kinds agree on, and what only synthetic notes write (their template's
   * wording) can settle in the synthetic copy, which real notes are never scored with.
   *
   * <p>No copied matrix is built. A row is only ever scored with its own kind's sum, u = (shared + own copy)/√2, and
   * the augmented row's squared norm is the plain one's; so the solvers keep two weight blocks, u_real then
   * u_synthetic ({@link #blocks}). Moving the augmented weights by δ times a row moves its own block by δx and the
   * other by δx/2 (they share half of it), and the bias, a single weight on a constant feature, by δ in both. This
   * is the augmented fit step for step, with two weight blocks where the copied rows needed three, no copied matrix,
   * and three touches of the weights per non-zero, not four. The model is u_real, the first block: a real row's
   * score and the penalty on the weights it is scored with are those of a plain fit, so a fit of real rows alone is
   * the plain fit, and the model predicts like any other.
   */
  SparseRows withDomainCopies() {
    return new SparseRows(columns, start, index, value, label, weight, synthetic, id, true);
  }

  /** How many weight blocks of {@code columns + 1} (per class) the solvers keep: two with copies, else one. */
  int blocks() {
    return copies ? 2 : 1;
  }

  /** The block row i is scored with: the synthetic one for a synthetic note with copies, else the first. */
  private int block(int i) {
    return copies && synthetic != null && synthetic[i] ? 1 : 0;
  }

  /**
   * Collects {@code labelCol} (an integer-valued double), {@code weightCol}, {@code featuresCol}, which rows
   * {@code syntheticCol} (a boolean) marks and each row's {@code idCol} (a string); an empty name collects none.
   */
  static SparseRows collect(Dataset<?> data, String labelCol, String weightCol, String featuresCol,
      String syntheticCol, String idCol) {
    List<Column> columns = new ArrayList<>(List.of(col(labelCol), col(weightCol), col(featuresCol)));
    columns.add(syntheticCol.isEmpty() ? lit(false) : col(syntheticCol));
    columns.add(idCol.isEmpty() ? lit(null).cast("string") : col(idCol));
    List<Row> rows = data.toDF().select(columns.toArray(Column[]::new)).collectAsList();
    boolean[] synthetic = syntheticCol.isEmpty() ? null : new boolean[rows.size()];
    String[] id = idCol.isEmpty() ? null : new String[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      if (synthetic != null) {
        synthetic[i] = rows.get(i).getBoolean(3);
      }
      if (id != null) {
        id[i] = rows.get(i).getString(4);
      }
    }
    return collect(rows, synthetic, id);
  }

  /** Rows of (label, weight, features, ...), with their {@link #synthetic} marks and {@link #id}s (null for none). */
  private static SparseRows collect(List<Row> rows, boolean[] synthetic, String[] id) {
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
    return new SparseRows(columns, start, index, value, label, weight, synthetic, id, false);
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

  /**
   * Row i's score: its feature values times {@code w}'s block for the row (whose last entry is the bias, on a
   * constant feature 1).
   */
  double dot(double[] w, int i) {
    int at = block(i) * (columns + 1);
    double sum = w[at + columns];
    for (int p = start[i]; p < start[i + 1]; p++) {
      sum += w[at + index[p]] * value[p];
    }
    return sum;
  }

  /** {@code w += scale × row i} (with its constant bias feature), in both blocks with copies. */
  void addTo(double[] w, int i, double scale) {
    int own = block(i) * (columns + 1);
    add(w, own, i, scale, 1);
    if (copies) {
      add(w, columns + 1 - own, i, scale, 0.5);
    }
  }

  /**
   * One block's {@code w += scale × row i}, the features' share of it being {@code share}. The bias moves by the
   * whole step in either block: it is one weight, not copied.
   */
  private void add(double[] w, int at, int i, double scale, double share) {
    w[at + columns] += scale;
    double s = share * scale;
    for (int p = start[i]; p < start[i + 1]; p++) {
      w[at + index[p]] += s * value[p];
    }
  }

  /** Row i's k class scores from {@code w}, feature-major ({@code (columns + 1) × k} a block, the bias row last). */
  void scores(double[] w, int k, int i, double[] score) {
    int at = block(i) * (columns + 1) * k;
    System.arraycopy(w, at + columns * k, score, 0, k);
    for (int q = start[i]; q < start[i + 1]; q++) {
      int row = at + index[q] * k;
      double v = value[q];
      for (int m = 0; m < k; m++) {
        score[m] += w[row + m] * v;
      }
    }
  }

  /** {@code w += row i ⊗ step} over k classes (with the constant bias feature), in both blocks with copies. */
  void addTo(double[] w, int k, int i, double[] step) {
    int size = (columns + 1) * k;
    int own = block(i) * size;
    add(w, own, k, i, step, 1);
    if (copies) {
      add(w, size - own, k, i, step, 0.5);
    }
  }

  /** As {@link #add(double[], int, int, double, double)}, over k classes. */
  private void add(double[] w, int at, int k, int i, double[] step, double share) {
    int bias = at + columns * k;
    for (int m = 0; m < k; m++) {
      w[bias + m] += step[m];
    }
    for (int q = start[i]; q < start[i + 1]; q++) {
      int row = at + index[q] * k;
      double v = share * value[q];
      for (int m = 0; m < k; m++) {
        w[row + m] += step[m] * v;
      }
    }
  }

  /** Squared norm of row i with its bias feature (with copies too: the augmented row's halves sum to it). */
  double squaredNorm(int i) {
    double sum = 1;
    for (int p = start[i]; p < start[i + 1]; p++) {
      sum += (double) value[p] * value[p];
    }
    return sum;
  }
}
